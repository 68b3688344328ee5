// Splits text into words the way the glossary matcher sees them: Unicode letters and digits,
// apostrophes inside words, and the gaps between words normalised so that spaces, line breaks,
// hyphens and dashes all count alike. Works on UTF-16 offsets so matches map back exactly.

const enum CharKind {
  Other = 0,
  Word = 1,
  Space = 2,
  Dash = 3,
  Apostrophe = 4,
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
/** 1 for the ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
const SPACE_CHAR = /^\s$/u;
/** Kinds of BMP characters, filled on first sight (0 = not yet known). */
const kindCache = new Uint8Array(65536);

function kindOfNonAscii(code: number): CharKind {
  if (code === 0x2019 || code === 0x2018 || code === 0x02bc) return CharKind.Apostrophe;
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe63 || code === 0xff0d) return CharKind.Dash;
  const ch = String.fromCharCode(code);
  if (WORD_CHAR.test(ch)) return CharKind.Word;
  if (SPACE_CHAR.test(ch)) return CharKind.Space;
  return CharKind.Other;
}

function kindOf(code: number): CharKind {
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) return CharKind.Word;
    if (code === 32 || code === 10 || code === 9 || code === 13 || code === 12 || code === 11) return CharKind.Space;
    if (code === 45) return CharKind.Dash;
    if (code === 39) return CharKind.Apostrophe;
    return CharKind.Other;
  }
  let kind = kindCache[code];
  if (kind === 0) {
    kind = kindOfNonAscii(code) + 1;
    kindCache[code] = kind;
  }
  return (kind - 1) as CharKind;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Whether the character (or surrogate pair) at `index` is a letter, digit or combining mark. */
export function isWordCharAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (isHighSurrogate(code) && index + 1 < text.length) return WORD_CHAR.test(text.slice(index, index + 2));
  return kindOf(code) === CharKind.Word;
}

/** Width in code units of the word character at `index`, or 0 when it is not one. */
function wordWidthAt(text: string, index: number, end: number): number {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff) return kindOf(code) === CharKind.Word ? 1 : 0;
  if (index + 1 < end && WORD_CHAR.test(text.slice(index, index + 2))) return 2;
  return 0;
}

export function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 0x2018 || code === 0x02bc;
}

/**
 * Reads words one at a time without allocating: after `next()` returns true, `start`/`end` bound
 * the word and `hash` is the hash of its normalised key (see `keyHash`).
 */
export class WordScanner {
  start = 0;
  end = 0;
  /**
   * Starts outside V8's small-integer range, as most hashes are, so the field's representation
   * (and with it the scanners' hidden class) never changes once scanners are in use.
   */
  hash = -0x80000000;
  /** False when the word has characters outside ASCII (its key then needs `normaliseWord`). */
  plainAscii = true;

  constructor(
    private readonly text: string,
    private position = 0,
    private readonly limit = text.length,
  ) {}

  /** Continue scanning from `position` (e.g. after a match). */
  seek(position: number): void {
    this.position = position;
  }

  next(): boolean {
    const text = this.text;
    const to = this.limit;
    let i = this.position;
    // ASCII is decided by table; anything else by the full rules (surrogate pairs, marks…).
    for (;;) {
      if (i >= to) {
        this.position = to;
        return false;
      }
      const code = text.charCodeAt(i);
      if (code < 128 ? ASCII_WORD[code] === 1 : wordWidthAt(text, i, to) > 0) break;
      i++;
    }
    const start = i;
    let plainAscii = true;
    let hash = 0;
    while (i < to) {
      const code = text.charCodeAt(i);
      if (code < 128) {
        if (ASCII_WORD[code] === 1) {
          hash = (Math.imul(hash, 31) + (code >= 65 && code <= 90 ? code + 32 : code)) | 0;
          i++;
          continue;
        }
        // An apostrophe joins a word only when a letter follows: "offender's", not "offenders' ".
        if (code === 39 && i + 1 < to && wordWidthAt(text, i + 1, to) > 0) {
          hash = (Math.imul(hash, 31) + 39) | 0;
          i++;
          continue;
        }
        break;
      }
      const w = wordWidthAt(text, i, to);
      if (w > 0) {
        plainAscii = false;
        i += w;
        continue;
      }
      if (isApostrophe(code) && i + 1 < to && wordWidthAt(text, i + 1, to) > 0) {
        plainAscii = false;
        hash = (Math.imul(hash, 31) + 39) | 0;
        i++;
        continue;
      }
      break;
    }
    this.start = start;
    this.end = i;
    this.position = i;
    this.plainAscii = plainAscii;
    this.hash = plainAscii ? hash : keyHash(normaliseWord(text.slice(start, i), false));
    return true;
  }
}

/**
 * Objects kept for good so that V8 keeps their hidden classes. V8 reaches the hidden class an
 * object ends up with, after its fields are added one by one, only through weak links from the
 * first one; once every object of that shape made by a check has been collected, a garbage
 * collection drops the hidden class and throws away all optimised code that checks for it, so the
 * next check runs in the interpreter until that code is compiled again. Measured with
 * --trace-deopt: 18 to 35 such deoptimisations of the term matcher over 30 collections, and 1
 * with one object of each shape kept; term matching just after a collection became several times
 * faster.
 */
const shapeKeepers: object[] = [];

export function keepShapeOf(object: object): void {
  if (shapeKeepers.length < 16) shapeKeepers.push(object);
}

const sampleScanner = new WordScanner('word');
sampleScanner.next();
keepShapeOf(sampleScanner);

/** Hash of the normalised key of plain-ASCII `text[start, end)` (letters folded to lower case). */
export function asciiHash(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    hash = (Math.imul(hash, 31) + (code >= 65 && code <= 90 ? code + 32 : code)) | 0;
  }
  return hash;
}

/** Hash of a normalised key, equal to what `WordScanner` computes for a word with that key. */
export function keyHash(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) | 0;
  return hash;
}

/** Lower-cased, apostrophes straightened, composed (NFC) when not plain ASCII. */
export function normaliseWord(raw: string, plainAscii: boolean): string {
  if (plainAscii) return raw.toLowerCase();
  return raw.replace(/[\u2019\u2018\u02bc]/g, "'").toLowerCase().normalize('NFC');
}

/** Word tokens of `text`: parallel arrays of start/end offsets and normalised keys. */
export interface Tokens {
  starts: number[];
  ends: number[];
  keys: string[];
}

export function tokenize(text: string): Tokens {
  const tokens: Tokens = { starts: [], ends: [], keys: [] };
  const scanner = new WordScanner(text);
  while (scanner.next()) {
    tokens.starts.push(scanner.start);
    tokens.ends.push(scanner.end);
    tokens.keys.push(normaliseWord(text.slice(scanner.start, scanner.end), scanner.plainAscii));
  }
  return tokens;
}

/**
 * The part of a gap between two words that must match exactly: everything except spaces, line
 * breaks, hyphens and dashes (so "risk–need" = "risk-need" = "risk need", but "risk, need" differs).
 * Returns undefined when the gap is too wide to join one phrase (a blank line).
 */
export function gapKey(text: string, from: number, to: number): string | undefined {
  let key = '';
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const kind = kindOf(code);
    if (kind === CharKind.Space) {
      if (code === 10 && ++newlines > 1) return undefined;
      continue;
    }
    if (kind === CharKind.Dash) continue;
    if (kind === CharKind.Apostrophe) key += "'";
    else if (code === 0x201c || code === 0x201d) key += '"';
    else key += text[i];
  }
  return key;
}

/** The trie key of word `index` given the gap before it. */
export function edgeKey(gap: string, wordKey: string): string {
  return gap === '' ? wordKey : `${gap}\u0000${wordKey}`;
}
