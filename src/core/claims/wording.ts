// What a sentence's wording says, read off its cue scan: the predicates behind the product rules
// that classifier.ts applies on top of the model ("a finite causal verb nothing qualifies", "a
// hedged causal word", "a comparison between groups", "a recommendation", "a research topic"…).
// Each names a kind of wording a careful editor would recognise; docs/classifier.md lists the rules
// in the order they apply and the dev cross-validation figures behind them.
import { CLASS_NUMBER, CueScan, FORM_BITS, phraseFlags, TENSE_NUMBER } from './cues';
import { defineWordSet, wordId } from './tokens';

// Module-level copies: an imported binding read on a per-match path costs a getter call under tsx.
const {
  'causal-verb': CAUSAL_VERB, 'causal-noun': CAUSAL_NOUN, 'causal-adj': CAUSAL_ADJ, 'causal-link': CAUSAL_LINK,
  association: ASSOCIATION, likelihood: LIKELIHOOD, modal: MODAL, hedge: HEDGE, negation: NEGATION, whether: WHETHER,
  'future-work': FUTURE_WORK, purpose: PURPOSE, importance: IMPORTANCE, determiner: DETERMINER, evidence: EVIDENCE,
} = CLASS_NUMBER;
const { base: BASE, present: PRESENT, past: PAST } = TENSE_NUMBER;
const { adjectival: ADJECTIVAL, passive: PASSIVE } = FORM_BITS;

/** The causal classes (verb, noun, adjective) come first in CUE_CLASSES. */
export function isCausalClass(cls: number): boolean {
  return cls <= CAUSAL_ADJ;
}

/** A disclaimer, a question ("whether", "?") or a research plan. */
export function isBlocked(scan: CueScan): boolean {
  return scan.disclaimerCount > 0 || asksOrPlans(scan);
}

/** A question ("whether", "?") or a research plan: it asks about an effect rather than claiming one. */
export function asksOrPlans(scan: CueScan): boolean {
  if (scan.questionMark >= 0) return true;
  for (let j = 0; j < scan.count; j++) {
    const cls = scan.cls[j];
    if (cls === FUTURE_WORK || (cls === WHETHER && !isOutcomeWhether(scan, j))) return true;
  }
  return false;
}

/** A question mark, or a "whether" before the first hedged causal word ("we ask whether … may reduce"). */
export function asksAboutHedgedClaim(scan: CueScan): boolean {
  if (scan.questionMark >= 0) return true;
  for (let j = 0; j < scan.count; j++) {
    const cls = scan.cls[j];
    if (cls === WHETHER && !isOutcomeWhether(scan, j)) return true;
    if (isCausalClass(cls) && scan.hedgedBy[j] >= 0) return false;
  }
  return false;
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
export function plainlyClaimsCause(scan: CueScan): boolean {
  if (hasHedgeOrPurpose(scan)) return false;
  return hasBareFiniteCausalVerb(scan) || hasBareCauseNoun(scan) || hasNoEffectOn(scan) || opensWithCredit(scan) || isEssentialFor(scan);
}

const COPULA_WORDS = defineWordSet(['is', 'are', 'was', 'were', 'be', 'remain', 'remains', 'seem', 'seems']);
/** Adjectives that name something indispensable to an outcome; rewrite.ts hedges them through their copula. */
export const ESSENTIAL_ADJECTIVES = ['crucial', 'critical', 'essential', 'key', 'vital', 'fundamental', 'pivotal', 'instrumental', 'indispensable'];
const ESSENTIAL = defineWordSet(ESSENTIAL_ADJECTIVES);
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
export function essentialForWord(scan: CueScan): number {
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
export function plainlyHedgesCause(scan: CueScan): boolean {
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
export function provesThat(scan: CueScan): number {
  const words = scan.words;
  for (let j = 0; j < scan.count; j++) {
    if (scan.cls[j] !== EVIDENCE || !PROVE_FORMS[scan.phrase[j]] || scan.negatedBy[j] >= 0) continue;
    const last = scan.last[j];
    if (last < words.count && words.id[last] === THAT_WORD) return j;
  }
  return -1;
}

/** A modal, a hedge or a statement of purpose anywhere in the sentence. */
export function hasHedgeOrPurpose(scan: CueScan): boolean {
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

const COMPARATIVE_WORDS = defineWordSet(['higher', 'lower', 'greater', 'better', 'worse', 'fewer', 'more', 'less', 'shorter', 'longer', 'larger', 'smaller']);
const THAN = wordId('than');
// "was highest among those with no contact", "was lower for people with mental health needs".
const SUPERLATIVE_WORDS = defineWordSet(['highest', 'lowest', 'greatest', 'fewest', 'best', 'worst']);
const GROUP_WORDS = defineWordSet(['among', 'amongst', 'for', 'in', 'where', 'when']);
const POINTS = wordId('points');
const MAX_COMPARISON_GAP = 12;

/**
 * A comparison between groups and no causal wording: a comparative with "than" after it, "percentage
 * points higher/lower", a comparative straight after a copula and before "for/among/in/where" ("was
 * lower for people with…"), or a superlative before those words ("was highest among those…").
 * "Lower" counts as the comparative here unless it reads as a finite verb.
 */
export function comparesOutcomes(scan: CueScan): boolean {
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

export const HEDGE_ADVERBS = defineWordSet(['possibly', 'probably', 'perhaps', 'presumably', 'plausibly', 'potentially', 'likely', 'conceivably', 'arguably']);
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
export function onlyHedgedByAdverbs(scan: CueScan): boolean {
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
export function lacksAssociationWording(scan: CueScan): boolean {
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
export function onlyRecommends(scan: CueScan): boolean {
  const words = scan.words;
  let recommends = false;
  for (let i = 0; i < words.count && !recommends; i++) recommends = words.inSet(i, RECOMMENDING);
  if (!recommends) return false;
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
export function lacksAssertion(scan: CueScan): boolean {
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
export function onlyResearchTopics(scan: CueScan): boolean {
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
export function isOutcomeWhether(scan: CueScan, j: number): boolean {
  // The nearest earlier match that is not a determiner (matches run left to right).
  let before = j - 1;
  while (before >= 0 && scan.cls[before] === DETERMINER) before--;
  return before >= 0 && scan.cls[before] === CAUSAL_VERB && scan.first[j] - scan.last[before] <= 1;
}

export const SOFT_LINKS = phraseFlags((entry) => ['therefore', 'thus', 'hence'].includes(entry));
