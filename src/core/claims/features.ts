// Turns a sentence into a sparse, hashed feature vector: word 1–3-grams, character n-grams, and
// named features built from the cue lexicon. Shared by training (scripts/) and the classifier.
//
// There are two routes to the same vector. The named route (`extractFeatures` given a CueAnalysis,
// and `cueFeatureNames`) works on strings and is the readable definition of the features. The fast
// route (`collectFeatures`, used by the classifier and by `extractFeatures` without an analysis) works
// on the numeric CueScan, writes into a reused buffer and remembers the hash of each named cue feature,
// so a sentence costs no strings at all. Unit tests hold the two routes to the same output.
import {
  CLASS_NUMBER, CUE_CLASSES, CueScan, FORM_BITS, isCausal, PHRASE_COUNT, phraseEntry, TENSES, type CueAnalysis, type CueMatch,
} from './cues';
import { FNV, hashString, wordId, type WordScan } from './tokens';

export { hashString };

// Module-level copies: an imported binding read on a per-word path costs a getter call under tsx.
const {
  'causal-adj': CAUSAL_ADJ, association: ASSOCIATION, likelihood: LIKELIHOOD, comparative: COMPARATIVE, determiner: DETERMINER,
  evidence: EVIDENCE, hedge: HEDGE, term: FIXED_TERM,
} = CLASS_NUMBER;
const { adjectival: ADJECTIVAL, passive: PASSIVE } = FORM_BITS;
const { offset: FNV_OFFSET, prime: FNV_PRIME } = FNV;
const CLASS_NAMES: readonly string[] = CUE_CLASSES;
const PHRASES = PHRASE_COUNT;

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
    if (m.cls === 'determiner' || m.cls === 'term') continue;
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

/**
 * The FNV hash of the pieces' concatenation under the cue namespace: FNV-1a runs left to right, so
 * hashing the pieces in turn equals hashing the joined name, and no name string is built.
 */
function hashPieces(a: string, b?: string, c?: string, d?: string): number {
  let h = hashString(a, NS_CUE);
  if (b !== undefined) h = hashString(b, h);
  if (c !== undefined) h = hashString(c, h);
  if (d !== undefined) h = hashString(d, h);
  return h;
}

class HashingSink implements NameSink {
  constructor(private readonly indices: number[], private readonly values: number[], private readonly mask: number, private readonly value: number) {}
  add(a: string, b?: string, c?: string, d?: string): void {
    this.indices.push(finalise(hashPieces(a, b, c, d), this.mask));
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
      const next = analysis.matches.find((x) => x.first >= m.last && x.cls !== 'determiner' && x.cls !== 'term');
      if (next) names.push(`main:${m.cls}>${next.cls}:${next.tense ?? ''}`);
      break;
    }
  }
  if (reporting) names.push('reporting-frame');
}

/**
 * Builds the sparse vector; the same code runs in training and in the editor. Given an analysis,
 * takes the named route over it; otherwise the fast route, which gives the same vector.
 */
export function extractFeatures(text: string, config: FeatureConfig, analysis?: CueAnalysis): FeatureVector {
  if (analysis === undefined) {
    FAST_SCAN.analyse(text);
    collectFeatures(FAST_SCAN, config, FAST_BUFFER);
    return FAST_BUFFER.toVector();
  }
  return extractNamedFeatures(text, config, analysis);
}

/** The named route: features from the string form of the analysis (the reference for the fast route). */
function extractNamedFeatures(text: string, config: FeatureConfig, analysis: CueAnalysis): FeatureVector {
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

// ---------------------------------------------------------------------------------------------
// The fast route.

/** (bucket, value) pairs of one sentence, reused from sentence to sentence. */
export class FeatureBuffer {
  count = 0;
  /** Where the cue features begin. */
  cueStart = 0;
  indices = new Int32Array(256);
  values = new Float64Array(256);

  push(index: number, value: number): void {
    if (this.count === this.indices.length) this.grow();
    this.indices[this.count] = index;
    this.values[this.count++] = value;
  }

  /** Makes room for `more` pushes (or direct writes) after the current count. */
  reserve(more: number): void {
    while (this.count + more > this.indices.length) this.grow();
  }

  private grow(): void {
    const indices = new Int32Array(this.indices.length * 2);
    indices.set(this.indices);
    const values = new Float64Array(indices.length);
    values.set(this.values);
    this.indices = indices;
    this.values = values;
  }

  /** After a huge sentence, lets the arrays shrink back rather than keep megabytes for the session. */
  trim(): void {
    if (this.indices.length > 1 << 16 && this.count < this.indices.length >> 3) {
      this.indices = new Int32Array(256);
      this.values = new Float64Array(256);
      this.count = 0;
    }
  }

  toVector(): FeatureVector {
    return {
      indices: Array.from(this.indices.subarray(0, this.count)),
      values: Array.from(this.values.subarray(0, this.count)),
      cueStart: this.cueStart,
    };
  }
}

const FAST_SCAN = new CueScan();
const FAST_BUFFER = new FeatureBuffer();

// The suffixes flat, grouped by their last letter (each group in SUFFIXES order), so a word is
// tested only against suffixes it could end with and the first that fits is the one crudeStem strips.
const SUFFIX_LIST: number[] = [];
const SUFFIX_CHARS: number[] = [];
const SUFFIX_FROM: number[] = [];
const SUFFIX_LENGTH: number[] = [];
const LAST_FROM = new Int32Array(128);
const LAST_TO = new Int32Array(128);
for (let last = 0; last < 128; last++) {
  LAST_FROM[last] = SUFFIX_LIST.length;
  SUFFIX_CODES.forEach((codes, k) => {
    if (codes[codes.length - 1] === last) SUFFIX_LIST.push(k);
  });
  LAST_TO[last] = SUFFIX_LIST.length;
}
for (const codes of SUFFIX_CODES) {
  SUFFIX_FROM.push(SUFFIX_CHARS.length);
  SUFFIX_LENGTH.push(codes.length);
  SUFFIX_CHARS.push(...codes);
}
const SUFFIX_ORDER = Int32Array.from(SUFFIX_LIST);
const SUFFIX_TEXT = Int32Array.from(SUFFIX_CHARS);
const SUFFIX_START = Int32Array.from(SUFFIX_FROM);
const SUFFIX_LEN = Int32Array.from(SUFFIX_LENGTH);

/**
 * stemId of word i of a scan, read from the scan's character buffer, as a signed 32-bit integer
 * (stemId's bits; the engine need not box it). Only `combine` reads it, and combine gives the same
 * for either reading of the bits.
 */
function stemIdAt(words: WordScan, i: number): number {
  const chars = words.chars;
  const from = words.from[i];
  const n = words.to[i] - from;
  const first = chars[from];
  if (first >= 48 && first <= 57) return NUM;
  const lastChar = chars[from + n - 1];
  if (lastChar >= 128) return words.hash[i];
  let keep = n;
  for (let c = LAST_FROM[lastChar], to = LAST_TO[lastChar]; c < to; c++) {
    const k = SUFFIX_ORDER[c];
    const m = SUFFIX_LEN[k];
    if (n - m < 3) continue;
    // The last letter is known to match; compare the rest.
    const tail = from + n - m;
    const start = SUFFIX_START[k];
    let j = 0;
    while (j < m - 1 && chars[tail + j] === SUFFIX_TEXT[start + j]) j++;
    if (j === m - 1) {
      keep = n - m;
      break;
    }
  }
  // Nothing stripped: the stem is the word, whose hash the scan already has.
  if (keep === n) return words.hash[i];
  let h = FNV_OFFSET;
  for (let k = from, end = from + keep; k < end; k++) h = Math.imul(h ^ chars[k], FNV_PRIME);
  return h;
}

// Cue feature names are made of a handful of parts (class, label, lexicon entry), so each name's
// FNV hash is worked out once and kept in a table indexed by those parts' numbers; 0 marks "not yet"
// (a name whose hash really is 0 is just hashed again each time).
const CLASS_COUNT = CLASS_NAMES.length;
const SLOTS = 15;
const LABEL_COUNT = CLASS_COUNT * SLOTS;
/** The label before the first match ("^"). */
const START = LABEL_COUNT;
const LABEL_NAMES: string[] = [];
for (let cls = 0; cls < CLASS_COUNT; cls++) {
  for (let slot = 0; slot < SLOTS; slot++) {
    const tense = TENSES[Math.floor(slot / 3)];
    const variant = slot % 3;
    let label = tense ? `${CLASS_NAMES[cls]}:${tense}` : CLASS_NAMES[cls];
    if (variant === 1) label += ':adjectival';
    else if (variant === 2) label += ':passive';
    LABEL_NAMES.push(label);
  }
}
LABEL_NAMES.push('^');
const ENTRIES = Array.from({ length: PHRASES }, (_, p) => phraseEntry(p));
const ENTRY_STEMS = ENTRIES.map(crudeStem);
const STANCES = ['hedged', 'can', 'negated', 'adjectival', 'bare'];
const BARE = 4;
const WITH = wordId('with');
const BY = wordId('by');

const FIRST_CLAIM = new Int32Array(LABEL_COUNT);
const CLS = new Int32Array(CLASS_COUNT);
// A sentence's label pairs ("seq:") are looked up by compact label numbers, handed out as labels are
// first seen: few labels occur, so the table stays small (16 KB) where one by full label number would
// take 360 KB and miss the cache. Pairs beyond the table's side are hashed each time.
const SEQ_SIDE = 64;
const SEQ = new Int32Array(SEQ_SIDE * SEQ_SIDE);
const COMPACT_LABEL = new Int16Array(LABEL_COUNT + 1).fill(-1);
let compactLabels = 0;

function compactLabel(label: number): number {
  let compact = COMPACT_LABEL[label];
  if (compact < 0) COMPACT_LABEL[label] = compact = compactLabels++;
  return compact;
}
const SEQ_END = new Int32Array(LABEL_COUNT + 1);
const CLS_LABEL = new Int32Array(LABEL_COUNT);
const HEDGED_LABEL = new Int32Array(LABEL_COUNT);
const HEDGED_CLS = new Int32Array(CLASS_COUNT);
const HEDGED_BY = new Int32Array(PHRASES);
const CAN_CLS = new Int32Array(CLASS_COUNT);
const NEGATED_CLS = new Int32Array(CLASS_COUNT);
const SOFTENED_CLS = new Int32Array(CLASS_COUNT);
const SOFTENED_BY = new Int32Array(PHRASES);
const AFTER_HEDGE_CLS = new Int32Array(CLASS_COUNT);
const STANCE = new Int32Array(STANCES.length * PHRASES);
const NEXT = new Int32Array(LABEL_COUNT * 2);
const CONSTANT = new Int32Array(8);
const CONSTANT_NAMES = ['hedged:association', 'negated:association', 'hedged:evidence', 'no-claim-words', 'bare-causal',
  'association-only', 'disclaimer', 'question-mark'];

/** Pushes one named cue feature, its hash taken from `table[slot]` or worked out and kept there. */
function pushCue(out: FeatureBuffer, mask: number, value: number, table: Int32Array, slot: number, a: string, b?: string, c?: string, d?: string): void {
  let h = table[slot];
  if (h === 0) table[slot] = h = hashPieces(a, b, c, d) | 0;
  out.push(finalise(h, mask), value);
}

/** The fast route's cue features: what emitCueFeatures names, in the same order, as bucket numbers. */
function collectCueFeatures(scan: CueScan, out: FeatureBuffer, mask: number, value: number, structure: boolean, structureParts: number): void {
  const words = scan.words;
  let causal = 0;
  let bareCausal = 0;
  let association = 0;
  let previous = START;
  let sawHedge = false;
  let firstClaim = false;
  for (let j = 0; j < scan.count; j++) {
    const cls = scan.cls[j];
    if (cls === DETERMINER || cls === FIXED_TERM) continue;
    const tense = scan.tense[j];
    const form = scan.form[j];
    const label = cls * SLOTS + tense * 3 + ((form & ADJECTIVAL) !== 0 ? 1 : (form & PASSIVE) !== 0 ? 2 : 0);
    const labelName = LABEL_NAMES[label];
    const clsName = CLASS_NAMES[cls];
    const claimWord = cls <= CAUSAL_ADJ; // the causal classes come first
    if (!firstClaim && (claimWord || cls === ASSOCIATION || cls === LIKELIHOOD || cls === COMPARATIVE)) {
      firstClaim = true;
      pushCue(out, mask, value, FIRST_CLAIM, label, 'first-claim:', labelName);
    }
    pushCue(out, mask, value, CLS, cls, 'cls:', clsName);
    const before = compactLabel(previous);
    const after = compactLabel(label);
    if (before < SEQ_SIDE && after < SEQ_SIDE) pushCue(out, mask, value, SEQ, before * SEQ_SIDE + after, 'seq:', LABEL_NAMES[previous], '>', labelName);
    else out.push(finalise(hashPieces('seq:', LABEL_NAMES[previous], '>', labelName), mask), value);
    if (tense !== 0) pushCue(out, mask, value, CLS_LABEL, label, 'cls:', labelName);
    if (cls === HEDGE) sawHedge = true;
    if (claimWord) {
      causal++;
      const modal = scan.hedgedBy[j];
      const can = scan.enabledBy[j];
      const negation = scan.negatedBy[j];
      if (modal >= 0) {
        pushCue(out, mask, value, HEDGED_LABEL, label, 'hedged:', labelName);
        pushCue(out, mask, value, HEDGED_CLS, cls, 'hedged:', clsName);
        const p = scan.phrase[modal];
        pushCue(out, mask, value, HEDGED_BY, p, 'hedged-by:', ENTRIES[p]);
      }
      if (can >= 0) pushCue(out, mask, value, CAN_CLS, cls, 'can:', clsName);
      if (negation >= 0) pushCue(out, mask, value, NEGATED_CLS, cls, 'negated:', clsName);
      const softener = scan.softenedBy[j];
      if (softener >= 0) {
        pushCue(out, mask, value, SOFTENED_CLS, cls, 'softened:', clsName);
        const p = scan.phrase[softener];
        pushCue(out, mask, value, SOFTENED_BY, p, 'softened-by:', ENTRIES[p]);
      }
      if (sawHedge) pushCue(out, mask, value, AFTER_HEDGE_CLS, cls, 'after-hedge:', clsName);
      const stance = modal >= 0 ? 0 : can >= 0 ? 1 : negation >= 0 ? 2 : (form & ADJECTIVAL) !== 0 ? 3 : BARE;
      const p = scan.phrase[j];
      pushCue(out, mask, value, STANCE, stance * PHRASES + p, STANCES[stance], ':', ENTRY_STEMS[p]);
      const last = scan.last[j];
      const next = last < words.count ? words.id[last] : -1;
      if (next === WITH) pushCue(out, mask, value, NEXT, label * 2, labelName, '>', 'with');
      else if (next === BY) pushCue(out, mask, value, NEXT, label * 2 + 1, labelName, '>', 'by');
      if (stance === BARE) bareCausal++;
    } else if (cls === ASSOCIATION || cls === LIKELIHOOD) {
      association++;
      if (scan.hedgedBy[j] >= 0) pushCue(out, mask, value, CONSTANT, 0, CONSTANT_NAMES[0]);
      if (scan.negatedBy[j] >= 0) pushCue(out, mask, value, CONSTANT, 1, CONSTANT_NAMES[1]);
    } else if (cls === EVIDENCE && scan.hedgedBy[j] >= 0) {
      pushCue(out, mask, value, CONSTANT, 2, CONSTANT_NAMES[2]);
    }
    previous = label;
  }
  pushCue(out, mask, value, SEQ_END, previous, 'seq:', LABEL_NAMES[previous], '>$');
  if (structure) {
    // Not in the shipped model: reuse the named code rather than keep a second copy of it.
    const names: string[] = [];
    structuralFeatureNames(scan.toAnalysis(), names, structureParts);
    for (const name of names) out.push(finalise(hashPieces(name), mask), value);
  }
  if (causal === 0 && association === 0) pushCue(out, mask, value, CONSTANT, 3, CONSTANT_NAMES[3]);
  if (bareCausal > 0) pushCue(out, mask, value, CONSTANT, 4, CONSTANT_NAMES[4]);
  if (association > 0 && causal === 0) pushCue(out, mask, value, CONSTANT, 5, CONSTANT_NAMES[5]);
  if (scan.disclaimerCount > 0) pushCue(out, mask, value, CONSTANT, 6, CONSTANT_NAMES[6]);
  if (scan.questionMark >= 0) pushCue(out, mask, value, CONSTANT, 7, CONSTANT_NAMES[7]);
}

let wordIds = new Float64Array(64);
let joinedChars = new Uint16Array(256);

/** The fast route: the sentence's features into `out`, exactly as extractNamedFeatures builds them. */
export function collectFeatures(scan: CueScan, config: FeatureConfig, out: FeatureBuffer): void {
  out.trim();
  out.count = 0;
  const mask = (1 << config.hashBits) - 1;
  const words = scan.words;
  const count = words.count;

  // Word n-grams over the token hashes, with sentence boundary markers.
  const ww = config.wordWeight;
  if (ww > 0) {
    const n = count + 2;
    if (wordIds.length < n || wordIds.length > 1 << 16) wordIds = new Float64Array(Math.max(64, n));
    const ids = wordIds;
    ids[0] = BOS;
    for (let i = 0; i < count; i++) ids[i + 1] = isDigit(words.firstChar(i)) ? NUM : words.hash[i] >>> 0;
    ids[n - 1] = EOS;
    const trigrams = config.wordTrigrams !== false;
    for (let i = 0; i < n; i++) {
      const uni = combine(NS_WORD, ids[i]);
      if (i > 0 && i < n - 1) out.push(finalise(uni, mask), ww);
      if (i + 1 < n) {
        const bi = combine(uni, ids[i + 1]);
        out.push(finalise(bi, mask), ww);
        if (i + 2 < n && trigrams) out.push(finalise(combine(bi, ids[i + 2]), mask), ww);
      }
    }
  }

  const sw = config.stemWeight ?? 0;
  if (sw > 0) {
    // Room for every stem feature first, so the loop writes without checking.
    out.reserve(2 * count + 1);
    const { indices, values } = out;
    let k = out.count;
    let previous = combine(NS_STEM, BOS);
    for (let i = 0; i <= count; i++) {
      const id = i < count ? stemIdAt(words, i) : EOS;
      const uni = combine(NS_STEM, id);
      if (i < count) {
        indices[k] = finalise(uni, mask);
        values[k++] = sw;
      }
      indices[k] = finalise(combine(previous, id), mask);
      values[k++] = sw;
      previous = uni;
    }
    out.count = k;
  }

  const skw = config.skipWeight ?? 0;
  if (skw > 0) {
    for (let i = 0; i < count; i++) {
      const a = combine(NS_SKIP, stemIdAt(words, i));
      for (let gap = 2; gap <= 3 && i + gap < count; gap++) {
        out.push(finalise(combine(a + gap, stemIdAt(words, i + gap)), mask), skw);
      }
    }
  }

  // Character n-grams over the words joined by single spaces (markup gaps collapse).
  const charStart = out.count;
  if (config.charWeight > 0) {
    let length = 1;
    for (let i = 0; i < count; i++) length += (isDigit(words.firstChar(i)) ? 1 : words.length(i)) + 1;
    if (joinedChars.length < length || joinedChars.length > 1 << 16) joinedChars = new Uint16Array(Math.max(256, length));
    const joined = joinedChars;
    let p = 0;
    joined[p++] = 32;
    for (let i = 0; i < count; i++) {
      if (isDigit(words.firstChar(i))) joined[p++] = 48;
      else for (let k = words.from[i]; k < words.to[i]; k++) joined[p++] = words.chars[k];
      joined[p++] = 32;
    }
    for (let i = 0; i < length; i++) {
      let h = NS_CHAR;
      for (let n = 1; n <= config.charMax && i + n <= length; n++) {
        h = combine(h, joined[i + n - 1]);
        if (n >= config.charMin) out.push(finalise(h, mask), 0);
      }
    }
  }
  const charCount = out.count - charStart;
  const cw = charCount > 0 ? config.charWeight / Math.sqrt(charCount) : 0;
  for (let i = charStart; i < out.count; i++) out.values[i] = cw;

  const structure = config.structure ?? 0;
  out.cueStart = out.count;
  collectCueFeatures(scan, out, mask, config.cueWeight, structure > 0, structure);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
