// Turns a sentence into a sparse, hashed feature vector: word 1–3-grams, character n-grams, and
// named features built from the cue lexicon. Shared by training (scripts/) and the classifier.
import { analyseCues, isCausal, type CueAnalysis, type CueMatch } from './cues';

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
  /** Weight of stem pairs with one or two words between them ("may * reduce"); 0 or absent turns them off. */
  skipWeight?: number;
  /** Structural features: what follows claim verbs, the main verb, reporting frames. */
  structure?: number;
}

export interface FeatureVector {
  indices: number[];
  values: number[];
  /** Where the cue features begin in `indices` (they run to the end). */
  cueStart?: number;
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
const NS_SKIP = hashString('g');
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

/** Receives each named feature as up to four pieces that concatenate to its name. */
interface NameSink {
  add(a: string, b?: string, c?: string, d?: string): void;
}

const TENSE_INDEX: Record<string, number> = { base: 1, present: 2, past: 3, gerund: 4 };
const LABELS = new Map<string, string[]>();

/** "causal-verb:past:adjectival" and the like, built once per combination rather than per sentence. */
function labelOf(m: CueMatch, analysis: CueAnalysis): string {
  const variant = analysis.adjectival.has(m) ? 1 : analysis.passive.has(m) ? 2 : 0;
  const slot = (m.tense ? TENSE_INDEX[m.tense] : 0) * 3 + variant;
  let row = LABELS.get(m.cls);
  if (!row) LABELS.set(m.cls, (row = new Array<string>(15)));
  let label = row[slot];
  if (label === undefined) {
    label = m.tense ? `${m.cls}:${m.tense}` : m.cls;
    if (variant === 1) label += ':adjectival';
    else if (variant === 2) label += ':passive';
    row[slot] = label;
  }
  return label;
}

const STEMS = new Map<string, string>();

/** crudeStem of a lexicon entry, remembered (entries are few and fixed). */
function entryStem(entry: string): string {
  let stem = STEMS.get(entry);
  if (stem === undefined) STEMS.set(entry, (stem = crudeStem(entry)));
  return stem;
}

/** Named features from the cue lexicon: what kinds of wording occur and how they combine. */
function emitCueFeatures(analysis: CueAnalysis, out: NameSink, structure: boolean, structureParts: number): void {
  const { matches, hedgedBy, enabledBy, negatedBy, softenedBy } = analysis;
  let causal = 0;
  let bareCausal = 0;
  let association = 0;
  let previous = '^';
  let sawHedge = false;
  let firstClaim = false;
  for (const m of matches) {
    if (m.cls === 'determiner') continue;
    const label = labelOf(m, analysis);
    const claimWord = isCausal(m);
    if (!firstClaim && (claimWord || m.cls === 'association' || m.cls === 'likelihood' || m.cls === 'comparative')) {
      firstClaim = true;
      out.add('first-claim:', label);
    }
    out.add('cls:', m.cls);
    out.add('seq:', previous, '>', label);
    if (m.tense) out.add('cls:', label);
    if (m.cls === 'hedge') sawHedge = true;
    if (claimWord) {
      causal++;
      const modal = hedgedBy.get(m);
      const can = enabledBy.get(m);
      const negation = negatedBy.get(m);
      if (modal) {
        out.add('hedged:', label);
        out.add('hedged:', m.cls);
        out.add('hedged-by:', modal.entry);
      }
      if (can) out.add('can:', m.cls);
      if (negation) out.add('negated:', m.cls);
      const softener = softenedBy.get(m);
      if (softener) {
        out.add('softened:', m.cls);
        out.add('softened-by:', softener.entry);
      }
      if (sawHedge) out.add('after-hedge:', m.cls);
      const stance = modal ? 'hedged' : can ? 'can' : negation ? 'negated' : analysis.adjectival.has(m) ? 'adjectival' : 'bare';
      out.add(stance, ':', entryStem(m.entry));
      const next = m.last < analysis.tokens.length ? analysis.tokens[m.last].word : undefined;
      if (next === 'with' || next === 'by') out.add(label, '>', next);
      if (stance === 'bare') bareCausal++;
    } else if (m.cls === 'association' || m.cls === 'likelihood') {
      association++;
      if (hedgedBy.has(m)) out.add('hedged:association');
      if (negatedBy.has(m)) out.add('negated:association');
    } else if (m.cls === 'evidence' && hedgedBy.has(m)) {
      out.add('hedged:evidence');
    }
    previous = label;
  }
  out.add('seq:', previous, '>$');
  if (structure) {
    const names: string[] = [];
    structuralFeatureNames(analysis, names, structureParts);
    for (const name of names) out.add(name);
  }
  if (causal === 0 && association === 0) out.add('no-claim-words');
  if (bareCausal > 0) out.add('bare-causal');
  if (association > 0 && causal === 0) out.add('association-only');
  if (analysis.disclaimers.length > 0) out.add('disclaimer');
  if (analysis.questionMark >= 0) out.add('question-mark');
}

/** The cue features' names, for reading and debugging; extractFeatures hashes the same names without building them. */
export function cueFeatureNames(analysis: CueAnalysis, structure = false, structureParts = 7): string[] {
  const names: string[] = [];
  emitCueFeatures(analysis, { add: (a, b = '', c = '', d = '') => names.push(a + b + c + d) }, structure, structureParts);
  return names;
}

/** The bucket a named cue feature lands in (for tests and debugging). */
export function cueBucket(name: string, hashBits: number): number {
  return finalise(hashString(name, NS_CUE), (1 << hashBits) - 1);
}

/** Hashes the pieces as if joined (FNV-1a runs left to right), so no name string is built. */
class HashingSink implements NameSink {
  constructor(private readonly indices: number[], private readonly values: number[], private readonly mask: number, private readonly value: number) {}
  add(a: string, b?: string, c?: string, d?: string): void {
    let h = hashString(a, NS_CUE);
    if (b !== undefined) h = hashString(b, h);
    if (c !== undefined) h = hashString(c, h);
    if (d !== undefined) h = hashString(d, h);
    this.indices.push(finalise(h, this.mask));
    this.values.push(this.value);
  }
}

const SUFFIX_CODES = SUFFIXES.map((suffix) => Array.from(suffix, (ch) => ch.charCodeAt(0)));

/** hashString(crudeStem(word)), or <num> for numbers, computed on the word's characters without slicing it. */
export function stemId(word: string): number {
  if (isNumber(word)) return NUM;
  const n = word.length;
  let keep = n;
  for (const codes of SUFFIX_CODES) {
    const m = codes.length;
    if (n - m < 3) continue;
    let match = true;
    for (let j = 0; j < m; j++) {
      if (word.charCodeAt(n - m + j) !== codes[j]) {
        match = false;
        break;
      }
    }
    if (match) {
      keep = n - m;
      break;
    }
  }
  let h = FNV_OFFSET;
  for (let i = 0; i < keep; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

const PREPOSITIONS = new Set(['with', 'by', 'in', 'from', 'after', 'during', 'over', 'across', 'at', 'among', 'between', 'for', 'to', 'compared', 'when', 'until', 'since', 'on', 'following', 'within', 'than', 'as']);
const OBJECT_STARTERS = new Set(['the', 'a', 'an', 'their', 'its', 'his', 'her', 'our', 'this', 'these', 'both', 'all', 'patients', 'mortality', 'risk']);
const CHANGE_NOUNS = new Set(['prevalence', 'level', 'levels', 'rate', 'rates', 'risk', 'risks', 'incidence', 'score', 'scores',
  'concentration', 'concentrations', 'values', 'value', 'number', 'numbers', 'proportion', 'use', 'volume', 'thickness',
  'mortality', 'frequency', 'costs', 'cost', 'weight', 'bmi', 'intake', 'uptake', 'activity', 'expression', 'count', 'counts']);
const PRE_VERB = new Set(['to', 'should', 'will', 'must', 'not', 'which', 'that', 'who', 'also', 'significantly', 'further', 'thereby', 'and', 'it', 'they', 'we', 'treatment', 'therapy', 'intervention', 'supplementation', 'exercise', 'program', 'programme']);
const REPORTING = new Set(['suggest', 'suggests', 'suggested', 'show', 'shows', 'showed', 'shown', 'indicate', 'indicates', 'indicated',
  'demonstrate', 'demonstrates', 'demonstrated', 'confirm', 'confirms', 'confirmed', 'reveal', 'reveals', 'revealed', 'support', 'supports', 'found', 'find', 'conclude', 'concluded']);
const SUBORDINATORS = new Set(['although', 'though', 'while', 'whereas', 'because', 'since', 'if', 'when', 'given', 'despite', 'in', 'among', 'for', 'after', 'compared', 'as', 'unlike', 'with', 'by', 'using', 'at', 'during', 'overall', 'however', 'moreover', 'furthermore', 'therefore', 'thus', 'hence', 'finally', 'conclusions', 'conclusion', 'together']);

/** What the words around claim verbs look like: object or not, the main verb, the reporting frame. */
function structuralFeatureNames(analysis: CueAnalysis, names: string[], parts: number): void {
  const { tokens, text } = analysis;
  const gapHasComma = (i: number) => {
    const from = tokens[i].end;
    const to = i + 1 < tokens.length ? tokens[i + 1].start : text.length;
    for (let p = from; p < to; p++) {
      const c = text.charCodeAt(p);
      if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41) return true;
    }
    return false;
  };
  for (const m of analysis.matches) {
    if (!(parts & 1) || m.cls !== 'causal-verb' || !m.tense) continue;
    const stance = analysis.hedgedBy.has(m) ? 'hedged' : analysis.enabledBy.has(m) ? 'can' : analysis.negatedBy.has(m) ? 'negated' : analysis.adjectival.has(m) ? 'adj' : analysis.passive.has(m) ? 'passive' : 'bare';
    let after = 'end';
    if (m.last < tokens.length) {
      const w = tokens[m.last].word;
      if (gapHasComma(m.last - 1)) after = 'comma';
      else if (PREPOSITIONS.has(w)) after = w === 'with' || w === 'by' || w === 'in' || w === 'from' || w === 'to' ? w : 'prep';
      else if (w.endsWith('ly')) after = 'adverb';
      else if (OBJECT_STARTERS.has(w)) after = 'object';
      else if (w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57) after = 'number';
      else after = 'word';
    }
    names.push(`after:${m.tense}:${after}`, `after:${stance}:${m.tense}:${after}`);
    const before = m.first > 0 ? tokens[m.first - 1].word : '^';
    const beforeClass = before === '^' ? '^' : PRE_VERB.has(before) ? before : CHANGE_NOUNS.has(before) ? 'change-noun' : before.endsWith('ly') ? 'adverb' : 'word';
    names.push(`before:${m.tense}:${beforeClass}`);
    if (beforeClass === 'change-noun' || (m.first > 1 && CHANGE_NOUNS.has(tokens[m.first - 2].word))) names.push(`change-subject:${m.tense}:${after}`);
  }
  // The main verb: the first verb-like cue after any opening adverbial clause closed by a comma.
  if (parts & 4) {
    let digits = 0;
    for (const t of tokens) if (t.word.charCodeAt(0) >= 48 && t.word.charCodeAt(0) <= 57) digits++;
    names.push(`numbers:${Math.min(digits, 3)}`, `length:${Math.min(Math.floor(tokens.length / 8), 5)}`);
    if (text.includes('%')) names.push('percent');
  }
  if (!(parts & 2)) return;
  let from = 0;
  if (tokens.length > 0 && SUBORDINATORS.has(tokens[0].word)) {
    for (let i = 0; i < tokens.length - 1; i++) if (gapHasComma(i)) { from = i + 1; break; }
  }
  let reporting = false;
  for (let i = from; i < tokens.length; i++) {
    if (REPORTING.has(tokens[i].word)) {
      reporting = true;
      names.push(`main:report:${crudeStem(tokens[i].word)}`);
      break;
    }
    const m = analysis.matches.find((x) => x.first === i);
    if (!m) continue;
    if (m.cls === 'modal' || m.cls === 'can' || m.cls === 'copula' || m.cls === 'hedge' || m.cls === 'association' || m.cls === 'likelihood' || (m.cls === 'causal-verb' && (m.tense === 'present' || m.tense === 'past') && !analysis.adjectival.has(m)) || m.cls === 'future-work' || m.cls === 'importance') {
      names.push(`main:${m.cls}`, `main:${m.cls}:${m.tense ?? ''}`);
      const next = analysis.matches.find((x) => x.first >= m.last && x.cls !== 'determiner');
      if (next) names.push(`main:${m.cls}>${next.cls}:${next.tense ?? ''}`);
      break;
    }
  }
  if (reporting) names.push('reporting-frame');
}

/** Builds the sparse vector; the same code runs in training and in the editor. */
export function extractFeatures(text: string, config: FeatureConfig, analysis = analyseCues(text)): FeatureVector {
  const mask = (1 << config.hashBits) - 1;
  const indices: number[] = [];
  const values: number[] = [];
  const tokens = analysis.tokens;

  // Word n-grams over the token hashes, with sentence boundary markers.
  const ww = config.wordWeight;
  const ids: number[] = [BOS];
  if (ww > 0) for (const t of tokens) ids.push(isNumber(t.word) ? NUM : hashString(t.word));
  ids.push(EOS);
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
      const id = i < tokens.length ? stemId(tokens[i].word) : EOS;
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

  const skw = config.skipWeight ?? 0;
  if (skw > 0) {
    for (let i = 0; i < tokens.length; i++) {
      const a = combine(NS_SKIP, stemId(tokens[i].word));
      for (let gap = 2; gap <= 3 && i + gap < tokens.length; gap++) {
        indices.push(finalise(combine(a + gap, stemId(tokens[i + gap].word)), mask));
        values.push(skw);
      }
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

  const structure = config.structure ?? 0;
  const cueStart = indices.length;
  emitCueFeatures(analysis, new HashingSink(indices, values, mask, config.cueWeight), structure > 0, structure);
  return { indices, values, cueStart };
}
