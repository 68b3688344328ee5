// Classifies one sentence's claim strength (none / correlational / conditional / direct causal)
// with a linear model over hashed n-grams and cue features, then marks the words carrying the claim.
import type { ClaimClassification, ClaimLabel, Cue, CueKind } from '../types';
import { CLASS_NUMBER, CueScan, FORM_BITS, phraseFlags, TENSE_NUMBER } from './cues';
import { collectFeatures, FeatureBuffer } from './features';
import { loadModel, scoreFeatures, type LinearModel, type SerialisedModel } from './model';
import { predictTrees, treeInputs } from './model-trees';
import { defineWordSet, wordId } from './tokens';
import shippedModel from './model.json';

// Module-level copies: an imported binding read on a per-match path costs a getter call under tsx.
const {
  'causal-verb': CAUSAL_VERB, 'causal-noun': CAUSAL_NOUN, 'causal-adj': CAUSAL_ADJ, 'causal-link': CAUSAL_LINK,
  association: ASSOCIATION, likelihood: LIKELIHOOD, modal: MODAL, hedge: HEDGE, negation: NEGATION, whether: WHETHER,
  'future-work': FUTURE_WORK, design: DESIGN, purpose: PURPOSE, importance: IMPORTANCE, determiner: DETERMINER,
  evidence: EVIDENCE,
} = CLASS_NUMBER;
const { base: BASE, present: PRESENT, past: PAST } = TENSE_NUMBER;
const { adjectival: ADJECTIVAL, passive: PASSIVE } = FORM_BITS;

/** The causal classes (verb, noun, adjective) come first in CUE_CLASSES. */
function isCausalClass(cls: number): boolean {
  return cls <= CAUSAL_ADJ;
}

let defaultModel: LinearModel | undefined;

/** The shipped model, decoded on first use (a few milliseconds). */
export function getDefaultModel(): LinearModel {
  defaultModel ??= loadModel(shippedModel as SerialisedModel);
  return defaultModel;
}

export function classifySentence(text: string): ClaimClassification {
  return classifyWithModel(getDefaultModel(), text);
}

export interface ClassifyOptions {
  /**
   * When the model leans to `none` with less than this probability but the sentence has a finite
   * causal verb with no hedge, modal or negation ("therefore cuts reoffending"), call it direct.
   * 0 turns the override off.
   */
  bareVerbOverride?: number;
}

/**
 * Hedged causal wording ("could damage", "may be due to") is a hedged claim unless the model is at
 * least this sure there is no claim. Higher than the bare-verb threshold: a modal right before a
 * causal word rarely means anything else (0.7 and 0.9 were tried on dev cross-validation, 0.9 by 0.001).
 */
const HEDGED_OVERRIDE = 0.9;

export const DEFAULT_OPTIONS: Required<ClassifyOptions> = { bareVerbOverride: 0.7 };

// One analysis and one feature buffer, reused for every sentence: classifying allocates little
// beyond the result. Classification is synchronous, so nothing else can touch them mid-sentence.
const SCAN = new CueScan();
const FEATURES = new FeatureBuffer();

export function classifyWithModel(model: LinearModel, text: string, options: ClassifyOptions = DEFAULT_OPTIONS): ClaimClassification {
  const scan = SCAN.analyse(text);
  collectFeatures(scan, model.config, FEATURES);
  let scores = scoreFeatures(model, FEATURES.indices, FEATURES.values, FEATURES.count);
  if (model.trees) scores = predictTrees(model.trees, treeInputs(model.trees, scores.map(Math.log), FEATURES.toVector()));
  const probabilities = toProbabilities(model.labels, scores);
  const blocked = isBlocked(scan);
  const threshold = options.bareVerbOverride ?? DEFAULT_OPTIONS.bareVerbOverride;
  const top = topLabel(probabilities);
  const doubtful = top === 'none' || (top === 'correlational' && lacksAssociationWording(scan));
  if (!blocked && threshold > 0 && doubtful && probabilities[top] < threshold && plainlyClaimsCause(scan)) {
    // The corpus rarely words claims as press releases do; plain causal verbs are claims whatever the model's doubt.
    promote(probabilities, 'direct_causal');
  }
  if (!asksOrPlans(scan) && threshold > 0 && doubtful && probabilities[top] < HEDGED_OVERRIDE && plainlyHedgesCause(scan)) {
    // "could damage the working relationship", "It is possible that procedural justice strengthens
    // compliance": a hedged causal verb is a hedged claim, however unfamiliar the verb is to the model.
    // A disclaimer beside it does not change that ("The link is not strictly causal, but supervision
    // may reduce reoffending"); a disclaimer around the verb itself does ("this does not mean that
    // supervision could reduce…"), and so do questions and research plans, which are left to the
    // model (pushing them lowered dev cross-validation by 0.0007).
    promote(probabilities, 'conditional_causal');
  }
  if (!blocked && top === 'none' && probabilities.none < COMPARISON_OVERRIDE && comparesOutcomes(scan)) {
    // "Completion was 24 percentage points higher where supervision was judged high quality than
    // where it was judged inadequate": a comparison between groups is the association itself.
    promote(probabilities, 'correlational');
  }
  if (!blocked && topLabel(probabilities) !== 'direct_causal' && provesThat(scan) >= 0 && !hasHedgeOrPurpose(scan)) {
    // "These findings prove that investment pays off" claims proof, whatever follows "that".
    promote(probabilities, 'direct_causal');
  }
  if (blocked || lacksAssertion(scan) || onlyResearchTopics(scan) || onlyRecommends(scan)) {
    // A disclaimer, question or research plan is never itself an outright causal claim, nor is a
    // fragment whose only claim word is a bare base form ("Block quotes", "To reduce reoffending").
    withhold(probabilities, 'direct_causal');
    // Nor is a question a hedged claim: "Could supervision reduce reoffending?", "we ask whether
    // supervision may reduce…". A disclaimer or a research plan can sit beside a hedged claim
    // ("… may reduce reoffending, but further research is needed"), so neither counts here.
    if (blocked && asksAboutHedgedClaim(scan)) withhold(probabilities, 'conditional_causal');
  }
  if (topLabel(probabilities) === 'direct_causal' && onlyHedgedByAdverbs(scan)) {
    // "Supervision probably reduces reoffending", "It is plausible that supervision lowers…": the
    // writer hedged without a modal, which the corpus has too few of for the model to learn.
    promote(probabilities, 'conditional_causal');
  }
  const label = topLabel(probabilities);
  return { label, probabilities, cues: collectClaimCues(scan, label), signals: collectSignals(scan) };
}

/** A disclaimer, a question ("whether", "?") or a research plan. */
function isBlocked(scan: CueScan): boolean {
  return scan.disclaimerCount > 0 || asksOrPlans(scan);
}

/** A question ("whether", "?") or a research plan: it asks about an effect rather than claiming one. */
function asksOrPlans(scan: CueScan): boolean {
  if (scan.questionMark >= 0) return true;
  for (let j = 0; j < scan.count; j++) {
    const cls = scan.cls[j];
    if (cls === FUTURE_WORK || (cls === WHETHER && !isOutcomeWhether(scan, j))) return true;
  }
  return false;
}

/** A question mark, or a "whether" before the first hedged causal word ("we ask whether … may reduce"). */
function asksAboutHedgedClaim(scan: CueScan): boolean {
  if (scan.questionMark >= 0) return true;
  for (let j = 0; j < scan.count; j++) {
    const cls = scan.cls[j];
    if (cls === WHETHER && !isOutcomeWhether(scan, j)) return true;
    if (isCausalClass(cls) && scan.hedgedBy[j] >= 0) return false;
  }
  return false;
}

/** The scores by label name; built as one literal when the model uses the usual label order. */
function toProbabilities(labels: ClaimLabel[], scores: number[]): Record<ClaimLabel, number> {
  if (labels.length === 4 && labels[0] === 'none' && labels[1] === 'correlational' && labels[2] === 'conditional_causal' && labels[3] === 'direct_causal') {
    return { none: scores[0], correlational: scores[1], conditional_causal: scores[2], direct_causal: scores[3] };
  }
  const probabilities = { none: 0, correlational: 0, conditional_causal: 0, direct_causal: 0 };
  for (let i = 0; i < labels.length; i++) probabilities[labels[i]] = scores[i];
  return probabilities;
}

function topLabel(probabilities: Record<ClaimLabel, number>): ClaimLabel {
  // The first label wins a tie, as in the order none, correlational, conditional, direct.
  let best: ClaimLabel = 'none';
  let top = probabilities.none;
  if (probabilities.correlational > top) {
    best = 'correlational';
    top = probabilities.correlational;
  }
  if (probabilities.conditional_causal > top) {
    best = 'conditional_causal';
    top = probabilities.conditional_causal;
  }
  if (probabilities.direct_causal > top) best = 'direct_causal';
  return best;
}

// Words after which a base-form verb is not finite ("to reduce", "will cut", "did not improve").
const NON_FINITE_BEFORE = defineWordSet(['to', 'will', 'would', 'should', 'shall', 'must', 'did', 'does', 'do', "didn't", "doesn't", "don't",
  'not', 'help', 'helps', 'helped', 'let', 'lets', 'may', 'might', 'could', 'can', 'cannot', 'and', 'or']);

// Irregular verbs whose base and past forms are the same word.
const BASE_IS_PAST = phraseFlags((entry) => ['cut', 'put', 'upset'].includes(entry));
const IS_LOWER = phraseFlags((entry) => entry === 'lower');
const TO = wordId('to');
const S = 115;
const APOSTROPHE = 39;

/**
 * A base form that reads as finite: "trust cut reoffending" (past), "Programmes reduce reoffending"
 * (after a plural noun); not an infinitive, not after an auxiliary, not the comparative "lower".
 */
function isFiniteBase(scan: CueScan, j: number): boolean {
  const first = scan.first[j];
  if (first === 0) return false;
  const words = scan.words;
  const before = first - 1;
  if (words.inSet(before, NON_FINITE_BEFORE)) return false;
  const p = scan.phrase[j];
  if (BASE_IS_PAST[p]) return true;
  if (IS_LOWER[p]) return false;
  // "Programmes reduce", or "Changes of practitioner cause", whose head noun comes before "of".
  return isPlural(words, before) || (before >= 2 && words.id[before - 1] === OF && isPlural(words, before - 2));
}

/** A word that looks like a plural noun: ends in one "s", not "ss", "us", "is" or "'s", and is longer than three letters. */
function isPlural(words: CueScan['words'], i: number): boolean {
  if (words.length(i) <= 3 || words.charFromEnd(i, 1) !== S) return false;
  const penultimate = words.charFromEnd(i, 2);
  return penultimate !== S && penultimate !== 117 && penultimate !== 105 && penultimate !== APOSTROPHE;
}

/**
 * Wording that states a cause outright whatever the model's doubt: a bare finite causal verb, "a key
 * driver of", "had no effect on", or an opening "Thanks to …".
 */
function plainlyClaimsCause(scan: CueScan): boolean {
  if (hasHedgeOrPurpose(scan)) return false;
  return hasBareFiniteCausalVerb(scan) || hasBareCauseNoun(scan) || hasNoEffectOn(scan) || opensWithCredit(scan) || isEssentialFor(scan);
}

const COPULA_WORDS = defineWordSet(['is', 'are', 'was', 'were', 'be', 'remain', 'remains', 'seem', 'seems']);
const ESSENTIAL = defineWordSet(['crucial', 'critical', 'essential', 'key', 'vital', 'fundamental', 'pivotal', 'instrumental', 'indispensable']);
const FOR_TO_IN = defineWordSet(['for', 'to', 'in']);

/**
 * "Continuity of officer is essential for desistance", "are crucial for optimal healing": something
 * named as indispensable to an outcome, which the corpus labels stated causation. ("Important to" is
 * left out, and so is an opening "It is …": "it is important to note", "it is essential for staff to
 * record" recommend rather than claim.)
 */
function isEssentialFor(scan: CueScan): boolean {
  return essentialForWord(scan) >= 0;
}

/** The word index of "essential" in "is essential for", or -1. */
function essentialForWord(scan: CueScan): number {
  const words = scan.words;
  if (words.count > 0 && words.id[0] === IT) return -1; // "It is essential for staff to record…"
  for (let i = 1; i + 1 < words.count; i++) {
    if (!words.inSet(i, ESSENTIAL) || !words.inSet(i + 1, FOR_TO_IN)) continue;
    if (words.inSet(i - 1, COPULA_WORDS) || (i > 1 && words.inSet(i - 2, COPULA_WORDS))) return i;
  }
  return -1;
}

/**
 * Causal wording hedged by a modal just before it ("could damage", "may be beneficial", "might have
 * an effect"), or a finite causal verb inside "It is possible/plausible/likely that …"; not negated,
 * not an authors' action, and no unhedged claim of cause beside it.
 */
function plainlyHedgesCause(scan: CueScan): boolean {
  const framed = opensWithPossibility(scan);
  let hedged = false;
  for (let j = 0; j < scan.count; j++) {
    const cls = scan.cls[j];
    if (cls === PURPOSE) return false;
    if (cls === CAUSAL_LINK && DUE_TO[scan.phrase[j]]) {
      // "may be due to", "might be owing to": the modal hedges the link.
      if (modalJustBefore(scan, j)) hedged = true;
      else return false;
      continue;
    }
    if (!isCausalClass(cls)) continue;
    if (scan.negatedBy[j] >= 0 || isAuthorsAction(scan, j) || (scan.form[j] & ADJECTIVAL) !== 0 || insideDisclaimer(scan, j)) return false;
    const tense = scan.tense[j];
    if (scan.hedgedBy[j] >= 0 && scan.cls[scan.hedgedBy[j]] === MODAL && (tense === BASE || cls !== CAUSAL_VERB || afterModalHave(scan, j))) hedged = true;
    else if (cls !== CAUSAL_VERB) return false;
    else if (framed && (tense === PRESENT || tense === PAST || (tense === BASE && isFiniteBase(scan, j)))) hedged = true;
    else return false;
  }
  return hedged;
}

const HAVE = wordId('have');

/** "may have weakened": a past participle after a modal and "have". */
function afterModalHave(scan: CueScan, j: number): boolean {
  const first = scan.first[j];
  return scan.tense[j] === PAST && first > 0 && scan.words.id[first - 1] === HAVE;
}

/** Match j lies inside a disclaimer's span ("does not mean that supervision could reduce…"). */
function insideDisclaimer(scan: CueScan, j: number): boolean {
  const start = scan.startOf(j);
  for (let k = 0; k < scan.disclaimerCount; k++) {
    if (start >= scan.disclaimers[2 * k] && start < scan.disclaimers[2 * k + 1]) return true;
  }
  return false;
}

const DUE_TO = phraseFlags((entry) => entry === 'due to' || entry === 'owing to');

/** A modal ends at most two words before match j ("may be due to"). */
function modalJustBefore(scan: CueScan, j: number): boolean {
  for (let k = j - 1; k >= 0; k--) {
    if (scan.first[j] - scan.last[k] > 2) return false;
    if (scan.cls[k] === MODAL) return true;
  }
  return false;
}

const PROVE_FORMS = phraseFlags((entry) => ['prove', 'proves', 'proved', 'proven'].includes(entry));

/** "Our findings prove that investment pays off": the match of "prove(s) that", claiming proof of what follows, or -1. */
function provesThat(scan: CueScan): number {
  const words = scan.words;
  for (let j = 0; j < scan.count; j++) {
    if (scan.cls[j] !== EVIDENCE || !PROVE_FORMS[scan.phrase[j]] || scan.negatedBy[j] >= 0) continue;
    const last = scan.last[j];
    if (last < words.count && words.id[last] === THAT_WORD) return j;
  }
  return -1;
}

/** A modal, a hedge or a statement of purpose anywhere in the sentence. */
function hasHedgeOrPurpose(scan: CueScan): boolean {
  for (let j = 0; j < scan.count; j++) {
    const cls = scan.cls[j];
    if (cls === MODAL || cls === HEDGE || cls === PURPOSE) return true;
  }
  return false;
}

/** A finite causal verb that no modal, "can" or negation qualifies (the caller has ruled out hedges). */
function hasBareFiniteCausalVerb(scan: CueScan): boolean {
  for (let j = 0; j < scan.count; j++) {
    if (scan.cls[j] !== CAUSAL_VERB || isAuthorsAction(scan, j)) continue;
    const tense = scan.tense[j];
    if (!(tense === PRESENT || tense === PAST || (tense === BASE && (isFiniteBase(scan, j) || afterWill(scan, j))))) continue;
    if (scan.negatedBy[j] >= 0 || scan.enabledBy[j] >= 0 || (scan.form[j] & ADJECTIVAL) !== 0) continue;
    if ((scan.form[j] & PASSIVE) === 0 || hasAgent(scan, j)) return true;
  }
  return false;
}

const WILL = wordId('will');

/** "Cutting caseloads will raise the quality of work": a prediction stated as certain. */
function afterWill(scan: CueScan, j: number): boolean {
  const first = scan.first[j];
  return first > 0 && scan.words.id[first - 1] === WILL;
}

// Below this probability of "none", a comparison is an association (0.9 lowered dev cross-validation by 0.0014).
const COMPARISON_OVERRIDE = 0.7;
const COMPARATIVE_WORDS = defineWordSet(['higher', 'lower', 'greater', 'better', 'worse', 'fewer', 'more', 'less', 'shorter', 'longer', 'larger', 'smaller']);
const THAN = wordId('than');
// "was highest among those with no contact", "was lower for people with mental health needs".
const SUPERLATIVE_WORDS = defineWordSet(['highest', 'lowest', 'greatest', 'fewest', 'best', 'worst']);
const GROUP_WORDS = defineWordSet(['among', 'amongst', 'for', 'in', 'where', 'when']);
const POINTS = wordId('points');
const MAX_COMPARISON_GAP = 12;

/**
 * A comparative adjective and "than" after it, or "percentage points higher/lower", and no causal
 * wording ("lower" counts as the comparative here unless it reads as a finite verb).
 */
function comparesOutcomes(scan: CueScan): boolean {
  for (let j = 0; j < scan.count; j++) if (scan.cls[j] <= CAUSAL_LINK && !(IS_LOWER[scan.phrase[j]] && !isFiniteBase(scan, j))) return false;
  const words = scan.words;
  for (let i = 0; i < words.count; i++) {
    if (words.inSet(i, SUPERLATIVE_WORDS) && i + 1 < words.count && words.inSet(i + 1, GROUP_WORDS)) return true;
    if (!words.inSet(i, COMPARATIVE_WORDS)) continue;
    if (i > 0 && words.id[i - 1] === POINTS) return true;
    if (i > 0 && i + 1 < words.count && words.inSet(i - 1, COPULA_WORDS) && words.inSet(i + 1, GROUP_WORDS)) return true;
    for (let k = i + 1; k < words.count && k - i <= MAX_COMPARISON_GAP; k++) if (words.id[k] === THAN) return true;
  }
  return false;
}

const BY = wordId('by');
const MAX_AGENT_GAP = 5;

/** A passive with its agent: "was improved in every region by the new model". */
function hasAgent(scan: CueScan, j: number): boolean {
  const words = scan.words;
  for (let k = scan.last[j]; k < words.count && k - scan.last[j] <= MAX_AGENT_GAP; k++) {
    if (words.id[k] === BY) return true;
  }
  return false;
}

const CAUSE_NOUNS = phraseFlags((entry) => ['driver', 'drivers', 'cause', 'causes'].includes(entry));
const OF = wordId('of');
const THAT_WORD = wordId('that');

/** "a key driver of reoffending", "the main cause of recall", not negated. */
function hasBareCauseNoun(scan: CueScan): boolean {
  for (let j = 0; j < scan.count; j++) {
    if (scan.cls[j] !== CAUSAL_NOUN || !CAUSE_NOUNS[scan.phrase[j]] || isResearchTopic(scan, j)) continue;
    const last = scan.last[j];
    if (last < scan.words.count && scan.words.id[last] === OF && scan.negatedBy[j] < 0) return true;
  }
  return false;
}

const EFFECT_NOUNS = phraseFlags((entry) => ['effect', 'effects', 'impact', 'impacts', 'influence'].includes(entry));
const NO = wordId('no');
const ON = wordId('on');

/** "had no effect on proven reoffending": negated causation, a causal claim all the same. */
function hasNoEffectOn(scan: CueScan): boolean {
  const words = scan.words;
  for (let j = 0; j < scan.count; j++) {
    if (!EFFECT_NOUNS[scan.phrase[j]]) continue;
    const first = scan.first[j];
    const last = scan.last[j];
    if (first > 0 && words.id[first - 1] === NO && last < words.count && words.id[last] === ON) return true;
  }
  return false;
}

const CREDIT_LINKS = phraseFlags((entry) => entry === 'thanks to' || entry === 'as a result');

/**
 * "Thanks to better supervision, fewer people were recalled", "As a result of the reforms, …": an
 * opening that credits a cause, with no negation in the sentence. ("Because of" and "due to" also
 * open limitations, "because of the small sample…", so they are left to the model.)
 */
function opensWithCredit(scan: CueScan): boolean {
  if (scan.count === 0 || scan.first[0] !== 0 || scan.cls[0] !== CAUSAL_LINK || !CREDIT_LINKS[scan.phrase[0]]) return false;
  for (let j = 1; j < scan.count; j++) if (scan.cls[j] === NEGATION) return false;
  return true;
}

const HEDGE_ADVERBS = defineWordSet(['possibly', 'probably', 'perhaps', 'presumably', 'plausibly', 'potentially', 'likely', 'conceivably', 'arguably']);
const IT = wordId('it');
const IS_SEEMS = defineWordSet(['is', 'seems', 'appears', 'was', 'remains']);
const OPEN_POSSIBILITY = defineWordSet(['possible', 'plausible', 'likely', 'conceivable']);

/** "It is possible that …", "It seems likely that …". */
function opensWithPossibility(scan: CueScan): boolean {
  const words = scan.words;
  return words.count > 3 && words.id[0] === IT && words.inSet(1, IS_SEEMS) && words.inSet(2, OPEN_POSSIBILITY) && words.id[3] === THAT_WORD;
}

/**
 * Every causal word follows a hedging adverb ("probably reduces"), or the sentence opens with
 * "It is possible/plausible/likely that …".
 */
function onlyHedgedByAdverbs(scan: CueScan): boolean {
  const words = scan.words;
  const framed = opensWithPossibility(scan);
  let causal = 0;
  for (let j = 0; j < scan.count; j++) {
    const cls = scan.cls[j];
    if (cls === CAUSAL_LINK && !SOFT_LINKS[scan.phrase[j]]) return false;
    if (!isCausalClass(cls)) continue;
    causal++;
    if (scan.negatedBy[j] >= 0) return false;
    const first = scan.first[j];
    if (!framed && !(first > 0 && words.inSet(first - 1, HEDGE_ADVERBS))) return false;
  }
  return causal > 0;
}

const ASSOCIATION_NOUNS = phraseFlags((entry) =>
  ['relationship', 'relationships', 'relation', 'link', 'links', 'association', 'associations', 'connection'].includes(entry));
const RELATING_WORDS = defineWordSet(['between', 'with', 'of', 'to', 'among', 'in', 'and']);

/**
 * No association wording, or only an association noun used plainly ("Trusting relationships
 * drive…", not "the link between"): a correlational label then rests on nothing the writer said.
 */
function lacksAssociationWording(scan: CueScan): boolean {
  for (let j = 0; j < scan.count; j++) {
    const cls = scan.cls[j];
    // "makes people more likely to complete", "weakened the relationship": the likelihood or the
    // relationship is what the causal verb acts on, not an association the writer reports. (Not
    // risk phrases: the corpus labels "confers a higher risk" and "predisposed to an elevated risk"
    // associations, and counting them here lowered dev cross-validation.)
    if ((cls === LIKELIHOOD || (cls === ASSOCIATION && ASSOCIATION_NOUNS[scan.phrase[j]])) && actedOnBy(scan, j)) continue;
    if (cls === LIKELIHOOD) return false;
    if (cls !== ASSOCIATION) continue;
    if (!ASSOCIATION_NOUNS[scan.phrase[j]]) return false;
    const last = scan.last[j];
    if (last < scan.words.count && scan.words.inSet(last, RELATING_WORDS)) return false;
  }
  return true;
}

// "should", "must", "need(s)": tried on dev with "recommend(ed)" as well, which lowered the score.
const RECOMMENDING = defineWordSet(['should', 'must', 'need', 'needs', 'needed']);

const MAKE_FORMS = phraseFlags((entry) => ['make', 'makes', 'made', 'making'].includes(entry));
const MAX_OBJECT_GAP = 3;

/**
 * Match j is the object of a causal verb just before it: an association noun after a causal verb
 * and at most a determiner or two ("weakened the working relationship"), or a likelihood after a
 * form of "make" ("makes people more likely").
 */
function actedOnBy(scan: CueScan, j: number): boolean {
  for (let k = j - 1; k >= 0; k--) {
    if (scan.first[j] - scan.last[k] > MAX_OBJECT_GAP) return false;
    if (scan.cls[k] !== CAUSAL_VERB) continue;
    return scan.cls[j] === LIKELIHOOD ? MAKE_FORMS[scan.phrase[k]] === 1 : scan.first[j] - scan.last[k] <= 2;
  }
  return false;
}

/**
 * A recommendation or a need whose claim words only name aims or topics: "Practitioners should build
 * trust to reduce breaches", "There is a clear need for an effective strategy", "surgeons should
 * choose … on cost and side effect profile". Any finite causal
 * verb ("should invest in continuity, which reduces reoffending"), "can" or a causal link keeps the claim.
 */
function onlyRecommends(scan: CueScan): boolean {
  const words = scan.words;
  let should = -1;
  for (let i = 0; i < words.count; i++) if (words.inSet(i, RECOMMENDING)) should = i;
  if (should < 0) return false;
  for (let j = 0; j < scan.count; j++) {
    const cls = scan.cls[j];
    if (cls === CAUSAL_LINK && !SOFT_LINKS[scan.phrase[j]]) return false;
    if (cls !== CAUSAL_VERB) continue;
    if (scan.enabledBy[j] >= 0) return false;
    const tense = scan.tense[j];
    if (tense === PRESENT || (tense === PAST && (scan.form[j] & ADJECTIVAL) === 0) || (tense === BASE && isFiniteBase(scan, j))) return false;
  }
  return true;
}

/** No claim wording beyond base-form verbs that open the text or follow "to" (headings, purposes). */
function lacksAssertion(scan: CueScan): boolean {
  let sawVerb = false;
  for (let j = 0; j < scan.count; j++) {
    const cls = scan.cls[j];
    if (cls === CAUSAL_NOUN || cls === CAUSAL_ADJ || cls === CAUSAL_LINK || cls === IMPORTANCE) return false;
    if (cls !== CAUSAL_VERB) continue;
    if (scan.tense[j] !== BASE || scan.negatedBy[j] >= 0 || scan.enabledBy[j] >= 0) return false;
    const first = scan.first[j];
    if (first > 0 && scan.words.id[first - 1] !== TO) return false;
    sawVerb = true;
  }
  return sawVerb;
}

// Verbs that name what a study looks into: "the others look at the role of engagement",
// "this bulletin examines the impact of caseloads". The causal noun after them is a topic, not a claim.
const RESEARCH_VERBS = defineWordSet(['look', 'looks', 'looked', 'looking', 'examine', 'examines', 'examined', 'examining',
  'explore', 'explores', 'explored', 'exploring', 'investigate', 'investigates', 'investigated', 'investigating',
  'consider', 'considers', 'considered', 'considering', 'assess', 'assesses', 'assessed', 'assessing', 'discuss',
  'discusses', 'discussed', 'discussing', 'describe', 'describes', 'described', 'describing', 'evaluate', 'evaluates',
  'evaluated', 'evaluating', 'study', 'studies', 'studied', 'studying', 'focus', 'focuses', 'focused', 'focusing',
  'address', 'addresses', 'addressed', 'addressing', 'review', 'reviews', 'reviewed', 'reviewing', 'measure',
  'measures', 'measured', 'measuring', 'estimate', 'estimates', 'estimated', 'estimating', 'analyse', 'analyses',
  'analysed', 'analysing', 'analyze', 'analyzes', 'analyzed', 'analyzing', 'quantify', 'quantifies', 'quantified',
  'test', 'tests', 'tested', 'testing', 'understand', 'understanding', 'explain', 'explains']);
// Words that may stand between the research verb and the noun: "look at the possible role of".
const TOPIC_FILLERS = defineWordSet(['at', 'on', 'into', 'the', 'a', 'an', 'its', 'their', 'this', 'these', 'possible',
  'potential', 'likely', 'relative', 'causal', 'wider', 'main', 'overall']);
const MAX_TOPIC_GAP = 4;
const ARTICLES = defineWordSet(['the', 'a', 'an', 'its', 'their']);

const WE = wordId('we');
const AUTHOR_ADVERBS = defineWordSet(['then', 'also', 'further', 'first', 'finally', 'subsequently', 'therefore']);

/** "We reduced the sample to…", "we then changed the weights": what the authors did, not a finding. */
function isAuthorsAction(scan: CueScan, j: number): boolean {
  if (scan.cls[j] !== CAUSAL_VERB) return false;
  const words = scan.words;
  let k = scan.first[j] - 1;
  if (k >= 0 && words.inSet(k, AUTHOR_ADVERBS)) k--;
  return k >= 0 && words.id[k] === WE;
}

const CONTRIBUTES = phraseFlags((entry) => entry.startsWith('contribut'));
const SCHOLARSHIP = defineWordSet(['literature', 'evidence', 'knowledge', 'understanding', 'debate', 'debates', 'field', 'body', 'research', 'insight', 'insights']);
const MAX_SCHOLARSHIP_GAP = 3;

/** "These findings contribute to the growing body of literature": adding to what is known, not causing an outcome. */
function addsToScholarship(scan: CueScan, j: number): boolean {
  if (!CONTRIBUTES[scan.phrase[j]]) return false;
  const words = scan.words;
  for (let k = scan.last[j]; k < words.count && k - scan.last[j] <= MAX_SCHOLARSHIP_GAP; k++) {
    if (words.inSet(k, SCHOLARSHIP)) return true;
  }
  return false;
}

/** A causal noun that is the object of a research verb ("examines the impact of"), or an authors' action. */
function isResearchTopic(scan: CueScan, j: number): boolean {
  if (isAuthorsAction(scan, j) || addsToScholarship(scan, j)) return true;
  const words = scan.words;
  // "the impact of" is matched as the verb "impact"; after an article it is the noun.
  const noun = scan.cls[j] === CAUSAL_NOUN || (scan.cls[j] === CAUSAL_VERB && scan.tense[j] === BASE && scan.first[j] > 0 && words.inSet(scan.first[j] - 1, ARTICLES));
  if (!noun) return false;
  for (let k = scan.first[j] - 1, gap = 0; k >= 0 && gap <= MAX_TOPIC_GAP; k--, gap++) {
    if (words.inSet(k, RESEARCH_VERBS)) return true;
    if (!words.inSet(k, TOPIC_FILLERS)) return false;
  }
  return false;
}

/** Every causal word is a research topic's noun and nothing else asserts cause ("looks at the role of engagement"). */
function onlyResearchTopics(scan: CueScan): boolean {
  let topics = 0;
  for (let j = 0; j < scan.count; j++) {
    const cls = scan.cls[j];
    if (cls === CAUSAL_LINK && !SOFT_LINKS[scan.phrase[j]]) return false;
    if (!isCausalClass(cls)) continue;
    if (!isResearchTopic(scan, j)) return false;
    topics++;
  }
  return topics > 0;
}

/** "makes a difference to whether", "affects whether": the whether-clause is the outcome, not an open question. */
function isOutcomeWhether(scan: CueScan, j: number): boolean {
  // The nearest earlier match that is not a determiner (matches run left to right).
  let before = j - 1;
  while (before >= 0 && scan.cls[before] === DETERMINER) before--;
  return before >= 0 && scan.cls[before] === CAUSAL_VERB && scan.first[j] - scan.last[before] <= 1;
}

/** Swaps probability mass so `label` comes out on top, keeping the distribution's values. */
function promote(probabilities: Record<ClaimLabel, number>, label: ClaimLabel): void {
  const top = topLabel(probabilities);
  [probabilities[top], probabilities[label]] = [probabilities[label], probabilities[top]];
}

/** Sets one label's probability to 0 and renormalises the rest. */
function withhold(probabilities: Record<ClaimLabel, number>, label: 'direct_causal' | 'conditional_causal'): void {
  const rest = 1 - probabilities[label];
  probabilities[label] = 0;
  if (rest <= 0) {
    probabilities.none = 1;
    return;
  }
  probabilities.none /= rest;
  probabilities.correlational /= rest;
  if (label === 'direct_causal') probabilities.conditional_causal /= rest;
  else probabilities.direct_causal /= rest;
}

function cue(text: string, start: number, end: number, kind: CueKind): Cue {
  return { start, end, text: text.slice(start, end), kind };
}

/** Matches of the causal classes (verb, noun, adjective) as cues of `kind`. */
function causalCues(scan: CueScan, kind: CueKind, out: Cue[]): Cue[] {
  for (let j = 0; j < scan.count; j++) if (isCausalClass(scan.cls[j])) out.push(cue(scan.text, scan.startOf(j), scan.endOf(j), kind));
  return out;
}

const SOFT_LINKS = phraseFlags((entry) => ['therefore', 'thus', 'hence'].includes(entry));

/** The words that carry the claim the label describes. */
function collectClaimCues(scan: CueScan, label: ClaimLabel): Cue[] {
  const cues: Cue[] = [];
  if (label === 'none') return cues;
  const text = scan.text;
  if (label === 'correlational') {
    for (let j = 0; j < scan.count; j++) {
      const cls = scan.cls[j];
      if (cls === ASSOCIATION || cls === LIKELIHOOD) cues.push(cue(text, scan.startOf(j), scan.endOf(j), 'association'));
    }
    return cues.length > 0 ? cues : causalCues(scan, 'causal', cues);
  }
  if (label === 'conditional_causal') {
    for (let j = 0; j < scan.count; j++) {
      const modal = scan.hedgedBy[j];
      if (isCausalClass(scan.cls[j]) && modal >= 0) cues.push(cue(text, scan.startOf(modal), scan.endOf(j), 'causal'));
    }
    if (cues.length > 0) return cues;
    // "probably reduces": the adverb and the verb together, as "may reduce" is.
    for (let j = 0; j < scan.count; j++) {
      if (!isCausalClass(scan.cls[j])) continue;
      const before = scan.first[j] - 1;
      const start = before >= 0 && scan.words.inSet(before, HEDGE_ADVERBS) ? scan.words.start[before] : scan.startOf(j);
      cues.push(cue(text, start, scan.endOf(j), 'causal'));
    }
    return cues;
  }
  causalCues(scan, 'causal', cues);
  if (cues.length > 0) return cues;
  for (let j = 0; j < scan.count; j++) {
    if (scan.cls[j] === CAUSAL_LINK && !SOFT_LINKS[scan.phrase[j]]) cues.push(cue(text, scan.startOf(j), scan.endOf(j), 'causal'));
  }
  const proof = cues.length === 0 ? provesThat(scan) : -1;
  if (proof >= 0) cues.push(cue(text, scan.startOf(proof), scan.words.end[scan.last[proof]], 'causal'));
  // "is essential for desistance": the adjective and its preposition carry the claim.
  const essential = cues.length === 0 ? essentialForWord(scan) : -1;
  if (essential >= 0) cues.push(cue(text, scan.words.start[essential], scan.words.end[essential + 1], 'causal'));
  return cues;
}

/** Hedges, negation, questions, research plans, disclaimers and named designs, left to right. */
function collectSignals(scan: CueScan): Cue[] {
  const signals: Cue[] = [];
  const text = scan.text;
  for (let j = 0; j < scan.count; j++) {
    const cls = scan.cls[j];
    let kind: CueKind | undefined;
    if (cls === MODAL || cls === HEDGE) kind = 'hedge';
    else if (cls === NEGATION) kind = 'negation';
    else if (cls === WHETHER) kind = isOutcomeWhether(scan, j) ? undefined : 'question';
    else if (cls === FUTURE_WORK) kind = 'future-work';
    else if (cls === DESIGN) kind = 'design';
    if (kind) signals.push(cue(text, scan.startOf(j), scan.endOf(j), kind));
  }
  if (scan.disclaimerCount === 0 && scan.questionMark < 0) return signals; // already left to right
  for (let k = 0; k < scan.disclaimerCount; k++) signals.push(cue(text, scan.disclaimers[2 * k], scan.disclaimers[2 * k + 1], 'disclaimer'));
  if (scan.questionMark >= 0) signals.push(cue(text, scan.questionMark, scan.questionMark + 1, 'question'));
  return signals.sort((a, b) => a.start - b.start || a.end - b.end);
}
