// Classifies one sentence's claim strength (none / correlational / conditional / direct causal)
// with a linear model over hashed n-grams and cue features, applies the product rules (the wording
// they look for is in wording.ts), then marks the words carrying the claim.
import type { ClaimClassification, ClaimLabel, Cue, CueKind } from '../types';
import { CLASS_NUMBER, CueScan } from './cues';
import { collectFeatures, FeatureBuffer } from './features';
import { loadModel, scoreFeatures, type LinearModel, type SerialisedModel } from './model';
import { predictTrees, treeInputs } from './model-trees';
import shippedModel from './model.json';
import {
  asksAboutHedgedClaim, asksOrPlans, comparesOutcomes, essentialForWord, HEDGE_ADVERBS, hasHedgeOrPurpose, isBlocked,
  isCausalClass, isOutcomeWhether, lacksAssertion, lacksAssociationWording, onlyHedgedByAdverbs, onlyRecommends,
  onlyResearchTopics, plainlyClaimsCause, plainlyHedgesCause, provesThat, SOFT_LINKS,
} from './wording';

// Module-level copies: an imported binding read on a per-match path costs a getter call under tsx.
const {
  'causal-link': CAUSAL_LINK, association: ASSOCIATION, likelihood: LIKELIHOOD, modal: MODAL, hedge: HEDGE,
  negation: NEGATION, whether: WHETHER, 'future-work': FUTURE_WORK, design: DESIGN,
} = CLASS_NUMBER;

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
// Below this probability of "none", a comparison is an association (0.9 lowered dev cross-validation by 0.0014).
const COMPARISON_OVERRIDE = 0.7;

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
