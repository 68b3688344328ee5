// Word tokens with offsets, shared by the cue finder and the feature extractor.
//
// The classifier runs on every sentence of a bulletin on each keystroke, so the scanner below makes
// no string per word: it writes the lower-cased words into one reused character buffer, hashes each
// word as it goes and looks it up in a small vocabulary (every word the lexicon and the rules ask
// about). Strings are only made for callers that want `WordToken`s.

export interface WordToken {
  /** Lower-cased word (letters, digits and inner apostrophes). */
  word: string;
  start: number;
  end: number;
}

/** FNV-1a's constants, for code that hashes words from character buffers (features.ts's stems). */
export const FNV: { readonly offset: number; readonly prime: number } = { offset: 0x811c9dc5, prime: 0x01000193 };
const FNV_OFFSET = FNV.offset;
const FNV_PRIME = FNV.prime;

/** FNV-1a over UTF-16 code units; cheap and stable across runtimes. */
export function hashString(text: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  }
  return h >>> 0;
}

function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

// Lower case of each word character: 0 for a non-word character, SEVERAL when it lower-cases to more
// than one code unit (only U+0130 'İ' does). Every word character lower-cases the same wherever it
// stands (the only context-dependent rule, final sigma, is for Greek), so a per-character table
// gives what lower-casing the whole sentence or the word would.
const WORD_CHAR_LIMIT = 0x250;
const SEVERAL = 0xffff;
const LOWER = new Uint16Array(WORD_CHAR_LIMIT);
const LOWER_SEVERAL = new Map<number, string>();
for (let c = 0; c < WORD_CHAR_LIMIT; c++) {
  if (!isWordChar(c)) continue;
  const lower = String.fromCharCode(c).toLowerCase();
  if (lower.length === 1) LOWER[c] = lower.charCodeAt(0);
  else {
    LOWER[c] = SEVERAL;
    LOWER_SEVERAL.set(c, lower);
  }
}

// The vocabulary: words the lexicon and rules compare against, each with an id and set-membership
// bits, found by FNV hash (open addressing) and confirmed character by character.
const VOCABULARY: string[] = [];
const VOCABULARY_IDS = new Map<string, number>();
const WORD_FLAGS: number[] = [];
// The words' characters end to end, for comparing against the scan buffer without string calls.
let vocabularyChars = new Uint16Array(4096);
let vocabularyCharsUsed = 0;
const VOCABULARY_FROM: number[] = [];
// Slot s holds a word's hash at 2s and its id at 2s + 1 (-1 when empty), side by side so a probe
// touches one cache line. Kept under half full, and small enough (16 KB for the shipped lexicon) to
// stay in the processor's nearest cache.
let table = emptyTable(2048);
// One bit per value of a hash's low 16 bits, set for each vocabulary word. A word whose bit is clear
// cannot be in the vocabulary (that is about half the words of a sentence) and skips the table.
const HASH_BITS = new Int32Array(1 << 11);
/** No longer word can be in the vocabulary, so it needs no look-up. */
let longestWord = 0;
let nextFlag = 1;

function emptyTable(slots: number): Int32Array {
  const t = new Int32Array(2 * slots);
  for (let i = 1; i < t.length; i += 2) t[i] = -1;
  return t;
}

function placeInTable(id: number): void {
  const mask = (table.length >> 1) - 1;
  const h = hashString(VOCABULARY[id]) | 0;
  HASH_BITS[(h >>> 5) & 2047] |= 1 << (h & 31);
  let slot = h & mask;
  while (table[2 * slot + 1] >= 0) slot = (slot + 1) & mask;
  table[2 * slot] = h;
  table[2 * slot + 1] = id;
}

/** The id of a vocabulary word, adding it if new. */
export function wordId(word: string): number {
  let id = VOCABULARY_IDS.get(word);
  if (id !== undefined) return id;
  id = VOCABULARY.length;
  VOCABULARY.push(word);
  VOCABULARY_IDS.set(word, id);
  WORD_FLAGS.push(0);
  if (vocabularyCharsUsed + word.length > vocabularyChars.length) {
    const wider = new Uint16Array(2 * (vocabularyCharsUsed + word.length));
    wider.set(vocabularyChars);
    vocabularyChars = wider;
  }
  longestWord = Math.max(longestWord, word.length);
  VOCABULARY_FROM.push(vocabularyCharsUsed);
  for (let k = 0; k < word.length; k++) vocabularyChars[vocabularyCharsUsed++] = word.charCodeAt(k);
  VOCABULARY_FROM.push(vocabularyCharsUsed);
  if (VOCABULARY.length * 2 > table.length >> 1) {
    table = emptyTable(table.length);
    for (let i = 0; i < VOCABULARY.length; i++) placeInTable(i);
  } else {
    placeInTable(id);
  }
  return id;
}

/** The id of the vocabulary word in chars[from..to) whose hash (as int32) is h, or -1. */
function findWord(chars: Uint16Array, from: number, to: number, h: number): number {
  const slots = table;
  const mask = (slots.length >> 1) - 1;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const id = slots[2 * slot + 1];
    if (id < 0) return -1;
    if (slots[2 * slot] !== h) continue;
    const start = VOCABULARY_FROM[2 * id];
    if (VOCABULARY_FROM[2 * id + 1] - start !== to - from) continue;
    const words = vocabularyChars;
    let k = 0;
    while (from + k < to && words[start + k] === chars[from + k]) k++;
    if (from + k === to) return id;
  }
}

/** The id of a word already in the vocabulary, or -1 (never adds). */
export function knownWordId(word: string): number {
  return VOCABULARY_IDS.get(word) ?? -1;
}

/** Registers a named word set; returns the bit to test with `WordScan.inSet`. At most 31 sets. */
export function defineWordSet(words: Iterable<string>): number {
  if (nextFlag === 0) throw new Error('Too many word sets');
  const flag = nextFlag;
  nextFlag = nextFlag === 0x40000000 ? 0 : nextFlag << 1;
  for (const word of words) WORD_FLAGS[wordId(word)] |= flag;
  return flag;
}

// Sentences up to this long are first copied as UTF-8 into ASCII_BYTES (TextEncoder is standard in
// Node and browsers; without it every sentence takes the general path).
const ASCII_LIMIT = 4096;
const ASCII_BYTES = new Uint8Array(ASCII_LIMIT);
const ENCODER: InstanceType<typeof TextEncoder> | undefined = typeof TextEncoder === 'function' ? new TextEncoder() : undefined;

/**
 * The words of one sentence as parallel arrays. One instance is reused from sentence to sentence,
 * so its contents are only valid until the next `scan`.
 */
export class WordScan {
  text = '';
  count = 0;
  /** Offsets of each word in the text. */
  start = new Int32Array(64);
  end = new Int32Array(64);
  /** Each lower-cased word is chars[from[i]..to[i]). */
  from = new Int32Array(64);
  to = new Int32Array(64);
  chars = new Uint16Array(512);
  /** hashString(word) | 0: kept as a signed 32-bit integer, which the engine never has to box. */
  hash = new Int32Array(64);
  /** Vocabulary id of the word, or -1. */
  id = new Int32Array(64);
  /** Offset of the first '?', or -1 (text.indexOf('?'), found on the way). */
  questionMark = -1;
  private used = 0;

  /** Splits text into lower-cased words; hyphens and punctuation separate words. One pass, no regex. */
  scan(text: string): this {
    this.text = text;
    this.count = 0;
    this.used = 0;
    const n = text.length;
    // A word never has more characters than the text, bar the two-unit 'İ'. After a huge sentence
    // the buffers shrink again, so one hostile paragraph does not pin megabytes for the session.
    if (this.chars.length < 2 * n || (this.chars.length > 1 << 16 && this.chars.length > 8 * (2 * n + 64))) {
      this.chars = new Uint16Array(2 * n + 64);
    }
    if (this.start.length > 1 << 14 && this.start.length > 8 * n) this.resize(64);
    if (n <= ASCII_LIMIT && ENCODER !== undefined) {
      // Most sentences are plain ASCII: then their UTF-8 bytes are their code units, and one native
      // copy plus byte reads costs less than a charCodeAt per character.
      const { read, written } = ENCODER.encodeInto(text, ASCII_BYTES);
      if (read === n && written === n) return this.scanAscii(n);
    }
    const chars = this.chars;
    let question = -1;
    let i = 0;
    while (i < n) {
      let code = text.charCodeAt(i);
      // The lower case of a word character; 0 for any other character.
      let lower = code < WORD_CHAR_LIMIT ? LOWER[code] : 0;
      if (lower === 0) {
        // Every character outside a word passes here, so this is also where a '?' is found.
        if (code === 63 && question < 0) question = i;
        i++;
        continue;
      }
      const start = i;
      const from = this.used;
      let used = from;
      let h = FNV_OFFSET;
      // `code` is a word character at i: take it, then decide whether the word goes on.
      for (;;) {
        if (lower !== SEVERAL) {
          chars[used++] = lower;
          h = Math.imul(h ^ lower, FNV_PRIME);
        } else {
          const several = LOWER_SEVERAL.get(code)!;
          for (let k = 0; k < several.length; k++) {
            const unit = several.charCodeAt(k);
            chars[used++] = unit;
            h = Math.imul(h ^ unit, FNV_PRIME);
          }
        }
        if (++i >= n) break;
        code = text.charCodeAt(i);
        lower = code < WORD_CHAR_LIMIT ? LOWER[code] : 0;
        if (lower !== 0) continue;
        if ((code === 39 || code === 0x2019) && i + 1 < n) {
          // An inner apostrophe, straight or curly, joins the word as a straight one.
          const next = text.charCodeAt(i + 1);
          lower = next < WORD_CHAR_LIMIT ? LOWER[next] : 0;
          if (lower !== 0) {
            chars[used++] = 39;
            h = Math.imul(h ^ 39, FNV_PRIME);
            code = next;
            i++;
            continue;
          }
        }
        break;
      }
      this.used = used;
      this.push(start, i, from, h);
    }
    this.questionMark = question;
    return this;
  }

  /** scan() for text whose n code units are ASCII and sit in ASCII_BYTES: the same steps, fewer cases. */
  private scanAscii(n: number): this {
    const bytes = ASCII_BYTES;
    const chars = this.chars;
    let question = -1;
    let i = 0;
    while (i < n) {
      let lower = LOWER[bytes[i]];
      if (lower === 0) {
        if (bytes[i] === 63 && question < 0) question = i;
        i++;
        continue;
      }
      const start = i;
      const from = this.used;
      let used = from;
      let h = FNV_OFFSET;
      for (;;) {
        chars[used++] = lower;
        h = Math.imul(h ^ lower, FNV_PRIME);
        if (++i >= n) break;
        lower = LOWER[bytes[i]];
        if (lower !== 0) continue;
        if (bytes[i] === 39 && i + 1 < n) {
          // An inner apostrophe joins the word.
          lower = LOWER[bytes[i + 1]];
          if (lower !== 0) {
            chars[used++] = 39;
            h = Math.imul(h ^ 39, FNV_PRIME);
            i++;
            continue;
          }
        }
        break;
      }
      this.used = used;
      this.push(start, i, from, h);
    }
    this.questionMark = question;
    return this;
  }

  private push(start: number, end: number, from: number, hash: number): void {
    let k = this.count;
    if (k === this.start.length) this.resize(2 * k);
    this.start[k] = start;
    this.end[k] = end;
    this.from[k] = from;
    this.to[k] = this.used;
    this.hash[k] = hash;
    const maybe = this.used - from <= longestWord && (HASH_BITS[(hash >>> 5) & 2047] & (1 << (hash & 31))) !== 0;
    this.id[k] = maybe ? findWord(this.chars, from, this.used, hash) : -1;
    this.count = ++k;
  }

  /** Gives each per-word array `size` slots, keeping the words so far (as many as fit). */
  private resize(size: number): void {
    const resized = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a.subarray(0, size));
      return b;
    };
    this.start = resized(this.start);
    this.end = resized(this.end);
    this.from = resized(this.from);
    this.to = resized(this.to);
    this.hash = resized(this.hash);
    this.id = resized(this.id);
  }

  /** Whether word i is in the word set `flag` (see defineWordSet). */
  inSet(i: number, flag: number): boolean {
    const id = this.id[i];
    return id >= 0 && (WORD_FLAGS[id] & flag) !== 0;
  }

  length(i: number): number {
    return this.to[i] - this.from[i];
  }

  /** First code unit of word i (a digit means a number). */
  firstChar(i: number): number {
    return this.chars[this.from[i]];
  }

  /** Code unit `back` places from the end of word i (1 is the last), or -1. */
  charFromEnd(i: number, back: number): number {
    const p = this.to[i] - back;
    return p >= this.from[i] ? this.chars[p] : -1;
  }

  /** Word i as a string (vocabulary words are not copied). */
  word(i: number): string {
    const id = this.id[i];
    if (id >= 0) return VOCABULARY[id];
    let word = '';
    // In pieces, as a call takes only so many arguments.
    for (let p = this.from[i]; p < this.to[i]; p += 4096) {
      word += String.fromCharCode.apply(null, this.chars.subarray(p, Math.min(p + 4096, this.to[i])) as unknown as number[]);
    }
    return word;
  }

  /** The words as `WordToken`s, for callers that want strings. */
  tokens(): WordToken[] {
    const tokens: WordToken[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) tokens[i] = { word: this.word(i), start: this.start[i], end: this.end[i] };
    return tokens;
  }
}

/** Splits text into lower-cased words; hyphens and punctuation separate words. */
export function tokenize(text: string): WordToken[] {
  return new WordScan().scan(text).tokens();
}
