// Turns a sentence into a sparse, hashed feature vector: word 1–3-grams, character n-grams, and
// named features built from the cue lexicon. Shared by training (scripts/) and the classifier.
import { analyseCues, isCausal, type CueAnalysis } from './cues';

export interface FeatureConfig {
  /** The hash space has 2^hashBits buckets. */
  hashBits: number;
  charMin: number;
  charMax: number;
  wordWeight: number;
  /** Weight of unigrams and bigrams of crudely stemmed words ("reduces", "reduced" -> "reduc"); 0 turns them off. */
  stemWeight?: number;
  /** Word trigrams on (default) or off. */
  wordTrigrams?: boolean;
  charWeight: number;
  cueWeight: number;
}

export interface FeatureVector {
  indices: number[];
  values: number[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units; cheap and stable across runtimes. */
export function hashString(text: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  }
  return h >>> 0;
}

function combine(a: number, b: number): number {
  let h = Math.imul(a ^ (b + 0x9e3779b9 + (a << 6) + (a >>> 2)), 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

function finalise(h: number, mask: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) & mask;
}

const NS_WORD = hashString('w');
const NS_CHAR = hashString('c');
const NS_CUE = hashString('k');
const NS_STEM = hashString('s');
const SUFFIXES = ['ations', 'ation', 'ingly', 'edly', 'ing', 'ies', 'ied', 'ed', 'es', 'ly', 's', 'e'];

/** Strips one common suffix so inflections share a feature; deliberately crude and fast. */
export function crudeStem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) return word.slice(0, word.length - suffix.length);
  }
  return word;
}
const BOS = hashString('<s>');
const EOS = hashString('</s>');
const NUM = hashString('<num>');

function isNumber(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Named features from the cue lexicon: what kinds of wording occur and how they combine. */
export function cueFeatureNames(analysis: CueAnalysis): string[] {
  const names: string[] = [];
  const { matches, hedgedBy, enabledBy, negatedBy, softenedBy } = analysis;
  let causal = 0;
  let bareCausal = 0;
  let association = 0;
  let previous = '^';
  let sawHedge = false;
  let firstClaim = '';
  for (const m of matches) {
    if (m.cls === 'determiner') continue;
    let label = m.tense ? `${m.cls}:${m.tense}` : m.cls;
    if (analysis.adjectival.has(m)) label += ':adjectival';
    else if (analysis.passive.has(m)) label += ':passive';
    if (!firstClaim && (isCausal(m) || m.cls === 'association' || m.cls === 'likelihood' || m.cls === 'comparative')) {
      firstClaim = label;
      names.push(`first-claim:${label}`);
    }
    names.push(`cls:${m.cls}`, `seq:${previous}>${label}`);
    if (m.tense) names.push(`cls:${label}`);
    if (m.cls === 'hedge') sawHedge = true;
    if (isCausal(m)) {
      causal++;
      const modal = hedgedBy.get(m);
      const can = enabledBy.get(m);
      const negation = negatedBy.get(m);
      if (modal) names.push(`hedged:${label}`, `hedged:${m.cls}`, `hedged-by:${modal.entry}`);
      if (can) names.push(`can:${m.cls}`);
      if (negation) names.push(`negated:${m.cls}`);
      if (softenedBy.has(m)) names.push(`softened:${m.cls}`, `softened-by:${softenedBy.get(m)!.entry}`);
      if (sawHedge) names.push(`after-hedge:${m.cls}`);
      const stance = modal ? 'hedged' : can ? 'can' : negation ? 'negated' : analysis.adjectival.has(m) ? 'adjectival' : 'bare';
      names.push(`${stance}:${crudeStem(m.entry)}`);
      const next = analysis.tokens[m.last]?.word;
      if (next === 'with' || next === 'by') names.push(`${label}>${next}`);
      if (stance === 'bare') bareCausal++;
    } else if (m.cls === 'association' || m.cls === 'likelihood') {
      association++;
      if (hedgedBy.has(m)) names.push('hedged:association');
      if (negatedBy.has(m)) names.push('negated:association');
    } else if (m.cls === 'evidence' && hedgedBy.has(m)) {
      names.push('hedged:evidence');
    }
    previous = label;
  }
  names.push(`seq:${previous}>$`);
  if (causal === 0 && association === 0) names.push('no-claim-words');
  if (bareCausal > 0) names.push('bare-causal');
  if (association > 0 && causal === 0) names.push('association-only');
  if (analysis.disclaimers.length > 0) names.push('disclaimer');
  if (analysis.questionMark >= 0) names.push('question-mark');
  return names;
}

/** Builds the sparse vector; the same code runs in training and in the editor. */
export function extractFeatures(text: string, config: FeatureConfig, analysis = analyseCues(text)): FeatureVector {
  const mask = (1 << config.hashBits) - 1;
  const indices: number[] = [];
  const values: number[] = [];
  const tokens = analysis.tokens;

  // Word n-grams over the token hashes, with sentence boundary markers.
  const ids: number[] = [BOS];
  for (const t of tokens) ids.push(isNumber(t.word) ? NUM : hashString(t.word));
  ids.push(EOS);
  const ww = config.wordWeight;
  for (let i = 0; ww > 0 && i < ids.length; i++) {
    const uni = combine(NS_WORD, ids[i]);
    if (i > 0 && i < ids.length - 1) {
      indices.push(finalise(uni, mask));
      values.push(ww);
    }
    if (i + 1 < ids.length) {
      const bi = combine(uni, ids[i + 1]);
      indices.push(finalise(bi, mask));
      values.push(ww);
      if (i + 2 < ids.length && config.wordTrigrams !== false) {
        indices.push(finalise(combine(bi, ids[i + 2]), mask));
        values.push(ww);
      }
    }
  }

  const sw = config.stemWeight ?? 0;
  if (sw > 0) {
    let previous = combine(NS_STEM, BOS);
    for (let i = 0; i <= tokens.length; i++) {
      const id = i < tokens.length ? (isNumber(tokens[i].word) ? NUM : hashString(crudeStem(tokens[i].word))) : EOS;
      const uni = combine(NS_STEM, id);
      if (i < tokens.length) {
        indices.push(finalise(uni, mask));
        values.push(sw);
      }
      indices.push(finalise(combine(previous, id), mask));
      values.push(sw);
      previous = uni;
    }
  }

  // Character n-grams over the words joined by single spaces (markup gaps collapse).
  let joined = ' ';
  if (config.charWeight > 0) for (const t of tokens) joined += (isNumber(t.word) ? '0' : t.word) + ' ';
  const charStart = indices.length;
  for (let i = 0; config.charWeight > 0 && i < joined.length; i++) {
    let h = NS_CHAR;
    for (let n = 1; n <= config.charMax && i + n <= joined.length; n++) {
      h = combine(h, joined.charCodeAt(i + n - 1));
      if (n >= config.charMin) indices.push(finalise(h, mask));
    }
  }
  const charCount = indices.length - charStart;
  const cw = charCount > 0 ? config.charWeight / Math.sqrt(charCount) : 0;
  for (let i = 0; i < charCount; i++) values.push(cw);

  for (const name of cueFeatureNames(analysis)) {
    indices.push(finalise(hashString(name, NS_CUE), mask));
    values.push(config.cueWeight);
  }
  return { indices, values };
}
