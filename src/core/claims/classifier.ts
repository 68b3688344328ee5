// Classifies one sentence's claim strength (none / correlational / conditional / direct causal)
// with a linear model over hashed n-grams and cue features, then marks the words carrying the claim.
import type { ClaimClassification, ClaimLabel, Cue, CueKind } from '../types';
import { analyseCues, isCausal, type CueAnalysis, type CueMatch } from './cues';
import { extractFeatures } from './features';
import { loadModel, predictProbabilities, type LinearModel, type SerialisedModel } from './model';
import { predictTrees, treeInputs } from './model-trees';
import shippedModel from './model.json';

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

export const DEFAULT_OPTIONS: Required<ClassifyOptions> = { bareVerbOverride: 0.7 };

export function classifyWithModel(model: LinearModel, text: string, options: ClassifyOptions = DEFAULT_OPTIONS): ClaimClassification {
  const analysis = analyseCues(text);
  const vector = extractFeatures(text, model.config, analysis);
  let scores = predictProbabilities(model, vector);
  if (model.trees) scores = predictTrees(model.trees, treeInputs(model.trees, scores.map(Math.log), vector));
  const probabilities = { none: 0, correlational: 0, conditional_causal: 0, direct_causal: 0 } as Record<ClaimLabel, number>;
  for (let i = 0; i < model.labels.length; i++) probabilities[model.labels[i]] = scores[i];
  const blocked = isBlocked(analysis);
  const threshold = options.bareVerbOverride ?? DEFAULT_OPTIONS.bareVerbOverride;
  const top = topLabel(probabilities);
  const doubtful = top === 'none' || (top === 'correlational' && onlyPlainAssociationNouns(analysis));
  if (!blocked && threshold > 0 && doubtful && probabilities[top] < threshold && hasBareFiniteCausalVerb(analysis)) {
    // The corpus rarely words claims as press releases do; plain causal verbs are claims whatever the model's doubt.
    promote(probabilities, 'direct_causal');
  }
  if (blocked || lacksAssertion(analysis)) {
    // A disclaimer, question or research plan is never itself an outright causal claim, nor is a
    // fragment whose only claim word is a bare base form ("Block quotes", "To reduce reoffending").
    withholdDirectCausal(probabilities);
  }
  const label = topLabel(probabilities);
  return { label, probabilities, cues: collectClaimCues(text, analysis, label), signals: collectSignals(text, analysis) };
}

/** A disclaimer, a question ("whether", "?") or a research plan. */
function isBlocked(analysis: CueAnalysis): boolean {
  if (analysis.disclaimers.length > 0 || analysis.questionMark >= 0) return true;
  for (const m of analysis.matches) {
    if (m.cls === 'future-work' || (m.cls === 'whether' && !isOutcomeWhether(m, analysis))) return true;
  }
  return false;
}

function topLabel(probabilities: Record<ClaimLabel, number>): ClaimLabel {
  let best: ClaimLabel = 'none';
  if (probabilities.correlational > probabilities[best]) best = 'correlational';
  if (probabilities.conditional_causal > probabilities[best]) best = 'conditional_causal';
  if (probabilities.direct_causal > probabilities[best]) best = 'direct_causal';
  return best;
}

// Words after which a base-form verb is not finite ("to reduce", "will cut", "did not improve").
const NON_FINITE_BEFORE = new Set(['to', 'will', 'would', 'should', 'shall', 'must', 'did', 'does', 'do', "didn't", "doesn't", "don't",
  'not', 'help', 'helps', 'helped', 'let', 'lets', 'may', 'might', 'could', 'can', 'cannot', 'and', 'or']);

// Irregular verbs whose base and past forms are the same word.
const BASE_IS_PAST = new Set(['cut', 'put', 'upset']);

/**
 * A base form that reads as finite: "trust cut reoffending" (past), "Programmes reduce reoffending"
 * (after a plural noun); not an infinitive, not after an auxiliary, not the comparative "lower".
 */
function isFiniteBase(m: CueMatch, analysis: CueAnalysis): boolean {
  if (m.first === 0) return false;
  const before = analysis.tokens[m.first - 1].word;
  if (NON_FINITE_BEFORE.has(before)) return false;
  if (BASE_IS_PAST.has(m.entry)) return true;
  return m.entry !== 'lower' && before.length > 3 && before.endsWith('s') && !/(ss|us|is|'s)$/.test(before);
}

/** A finite causal verb that no modal, "can", negation or hedge qualifies, in a sentence with no hedge at all. */
function hasBareFiniteCausalVerb(analysis: CueAnalysis): boolean {
  if (analysis.matches.some((m) => m.cls === 'modal' || m.cls === 'hedge' || m.cls === 'purpose')) return false;
  return analysis.matches.some(
    (m) =>
      m.cls === 'causal-verb' &&
      (m.tense === 'present' || m.tense === 'past' || (m.tense === 'base' && isFiniteBase(m, analysis))) &&
      !analysis.negatedBy.has(m) &&
      !analysis.enabledBy.has(m) &&
      !analysis.adjectival.has(m) &&
      !analysis.passive.has(m),
  );
}

const ASSOCIATION_NOUNS = new Set(['relationship', 'relationships', 'relation', 'link', 'links', 'association', 'associations', 'connection']);
const RELATING_WORDS = new Set(['between', 'with', 'of', 'to', 'among', 'in', 'and']);

/** Association wording that is only a noun used plainly ("Trusting relationships drive…"), not "the link between". */
function onlyPlainAssociationNouns(analysis: CueAnalysis): boolean {
  let seen = false;
  for (const m of analysis.matches) {
    if (m.cls === 'likelihood') return false;
    if (m.cls !== 'association') continue;
    if (!ASSOCIATION_NOUNS.has(m.entry)) return false;
    const next = m.last < analysis.tokens.length ? analysis.tokens[m.last].word : '';
    if (RELATING_WORDS.has(next)) return false;
    seen = true;
  }
  return seen;
}

/** No claim wording beyond base-form verbs that open the text or follow "to" (headings, purposes). */
function lacksAssertion(analysis: CueAnalysis): boolean {
  let sawVerb = false;
  for (const m of analysis.matches) {
    if (m.cls === 'causal-noun' || m.cls === 'causal-adj' || m.cls === 'causal-link' || m.cls === 'importance') return false;
    if (m.cls !== 'causal-verb') continue;
    if (m.tense !== 'base' || analysis.negatedBy.has(m) || analysis.enabledBy.has(m)) return false;
    const before = m.first > 0 ? analysis.tokens[m.first - 1].word : '';
    if (m.first > 0 && before !== 'to') return false;
    sawVerb = true;
  }
  return sawVerb;
}

/** "makes a difference to whether", "affects whether": the whether-clause is the outcome, not an open question. */
function isOutcomeWhether(m: CueMatch, analysis: CueAnalysis): boolean {
  let before: CueMatch | undefined;
  for (const x of analysis.matches) {
    if (x.first >= m.first) break;
    if (x.cls !== 'determiner') before = x;
  }
  return before !== undefined && before.cls === 'causal-verb' && m.first - before.last <= 1;
}

/** Swaps probability mass so `label` comes out on top, keeping the distribution's values. */
function promote(probabilities: Record<ClaimLabel, number>, label: ClaimLabel): void {
  const top = topLabel(probabilities);
  [probabilities[top], probabilities[label]] = [probabilities[label], probabilities[top]];
}

function withholdDirectCausal(probabilities: Record<ClaimLabel, number>): void {
  const rest = 1 - probabilities.direct_causal;
  probabilities.direct_causal = 0;
  if (rest <= 0) {
    probabilities.none = 1;
    return;
  }
  probabilities.none /= rest;
  probabilities.correlational /= rest;
  probabilities.conditional_causal /= rest;
}

function cue(text: string, start: number, end: number, kind: CueKind): Cue {
  return { start, end, text: text.slice(start, end), kind };
}

/** The words that carry the claim the label describes. */
function collectClaimCues(text: string, analysis: CueAnalysis, label: ClaimLabel): Cue[] {
  if (label === 'none') return [];
  const causal = analysis.matches.filter(isCausal);
  const associations = analysis.matches.filter((m) => m.cls === 'association' || m.cls === 'likelihood');
  const toCues = (list: CueMatch[], kind: CueKind) => list.map((m) => cue(text, m.start, m.end, kind));
  if (label === 'correlational') {
    return associations.length > 0 ? toCues(associations, 'association') : toCues(causal, 'causal');
  }
  if (label === 'conditional_causal') {
    const hedged = causal.filter((m) => analysis.hedgedBy.has(m));
    if (hedged.length > 0) {
      return hedged.map((m) => cue(text, analysis.hedgedBy.get(m)!.start, m.end, 'causal'));
    }
    return toCues(causal, 'causal');
  }
  const links = analysis.matches.filter((m) => m.cls === 'causal-link' && !['therefore', 'thus', 'hence'].includes(m.entry));
  return toCues(causal.length > 0 ? causal : links, 'causal');
}

const SIGNAL_KINDS: Partial<Record<CueMatch['cls'], CueKind>> = {
  modal: 'hedge',
  hedge: 'hedge',
  negation: 'negation',
  whether: 'question',
  'future-work': 'future-work',
  design: 'design',
};

/** Hedges, negation, questions, research plans, disclaimers and named designs, left to right. */
function collectSignals(text: string, analysis: CueAnalysis): Cue[] {
  const signals: Cue[] = [];
  for (const m of analysis.matches) {
    const kind = SIGNAL_KINDS[m.cls];
    if (kind && !(m.cls === 'whether' && isOutcomeWhether(m, analysis))) signals.push(cue(text, m.start, m.end, kind));
  }
  if (analysis.disclaimers.length === 0 && analysis.questionMark < 0) return signals; // already left to right
  for (const d of analysis.disclaimers) signals.push(cue(text, d.start, d.end, 'disclaimer'));
  if (analysis.questionMark >= 0) signals.push(cue(text, analysis.questionMark, analysis.questionMark + 1, 'question'));
  return signals.sort((a, b) => a.start - b.start || a.end - b.end);
}
