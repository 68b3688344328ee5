// Sentence boundaries within one block's masked text. A full stop, question mark, exclamation
// mark or ellipsis ends a sentence when whitespace follows (after any closing quotes or brackets)
// and the next word does not start in lower case, unless the word before is a known abbreviation
// or an initial. The end of the block always ends a sentence. One pass; look-behinds are bounded.

/** Abbreviations that never end a sentence (lower-cased, without their final full stop). */
const NEVER_FINAL = new Set([
  'e.g', 'i.e', 'eg', 'ie', 'al', 'cf', 'vs', 'v', 'approx', 'dr', 'mr', 'mrs', 'ms', 'mx', 'prof',
  'fig', 'figs', 'pp', 'p', 'vol', 'ch', 'sec', 'eq', 'ref', 'refs', 'cap', 'para', 'paras', 'sr', 'jr',
  'rev', 'hon', 'st', 'gen', 'col', 'lt', 'sgt', 'insp', 'supt', 'det', 'viz', 'ca', 'c', 'incl', 'est',
]);

/** Abbreviations that end a sentence only when nothing but a capitalised word could follow. */
const BEFORE_NUMBER = new Set(['no', 'nos', 'art', 'reg', 's']);

const LOWER_CASE = /\p{Ll}/u;
const WORD_CHAR = /[\p{L}\p{N}.]/u;
const MAX_WORD = 24;

// Code-unit classes, filled on first sight outside ASCII: a block is read a character at a time,
// and a regular expression or a one-character string per character costs far more than a table.
const LOWER = 1;
const WORD = 2;
const classCache = new Uint8Array(65536);

function classOf(code: number): number {
  let known = classCache[code];
  if (known === 0) {
    const ch = String.fromCharCode(code);
    known = 0x80 | (LOWER_CASE.test(ch) ? LOWER : 0) | (WORD_CHAR.test(ch) ? WORD : 0);
    classCache[code] = known;
  }
  return known;
}

function isLowerCase(code: number): boolean {
  if (code < 128) return code >= 97 && code <= 122;
  return (classOf(code) & LOWER) !== 0;
}

/** A letter, digit or full stop: what `wordBefore` takes. */
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 46;
  return (classOf(code) & WORD) !== 0;
}

function isTerminator(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026;
}

/** Closing quotes, brackets and emphasis that stay with the sentence they end. */
function isCloser(code: number): boolean {
  return (
    code === 0x22 || code === 0x27 || code === 0x201d || code === 0x2019 || code === 0x29 || code === 0x5d || code === 0xbb || code === 0x2a || code === 0x5f
  );
}

// The scan for terminators runs natively; `test` (not `exec`) makes no match array per terminator.
const TERMINATOR = /[.!?\u2026]/g;

export function splitSentences(blockText: string): { start: number; end: number }[] {
  const sentences: { start: number; end: number }[] = [];
  const length = blockText.length;
  let start = skipSpace(blockText, 0);
  TERMINATOR.lastIndex = start;
  while (TERMINATOR.test(blockText)) {
    const at = TERMINATOR.lastIndex - 1; // every terminator is one code unit
    let end = at;
    while (end < length && isTerminator(blockText.charCodeAt(end))) end++;
    while (end < length && isCloser(blockText.charCodeAt(end))) end++;
    TERMINATOR.lastIndex = end;
    if (end < length && !isSpace(blockText.charCodeAt(end))) continue;
    const next = skipSpace(blockText, end);
    if (next >= length) break;
    if (!endsSentence(blockText, at, end - at, next)) continue;
    sentences.push({ start, end });
    start = next;
  }
  const last = trimEnd(blockText, start, length);
  if (last > start) sentences.push({ start, end: last });
  return sentences;
}

function endsSentence(text: string, at: number, runLength: number, next: number): boolean {
  const following = text.charCodeAt(next);
  if (isLowerCase(following)) return false;
  if (text.charCodeAt(at) !== 0x2e || runLength > 1) return true;
  const from = wordStart(text, at);
  if (from < 0 || from === at) return true;
  if (isAsciiWord(text, from, at)) {
    // Most words before a full stop are ordinary ones: decided on the characters, no string made.
    if (at - from <= LONGEST_ABBREVIATION && !isAbbreviation(text.slice(from, at).toLowerCase(), following)) return false;
    return !isAsciiInitialOrDotted(text, from, at);
  }
  if (!isAbbreviation(text.slice(from, at).toLowerCase(), following)) return false;
  // An initial ("J. Smith") or dotted abbreviation ("U.K.", "a.m.") rarely ends a sentence.
  const word = text.slice(from, at);
  return !(/^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word));
}

/** False when the lower-cased word is an abbreviation that does not end a sentence before `following`. */
function isAbbreviation(lower: string, following: number): boolean {
  if (NEVER_FINAL.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && following >= 0x30 && following <= 0x39) return false;
  return true;
}

/** No ASCII word longer than this is an abbreviation (lower-casing ASCII keeps the length). */
const LONGEST_ABBREVIATION = Math.max(...[...NEVER_FINAL, ...BEFORE_NUMBER].map((word) => word.length));

/** Start of the word immediately before `at` (letters, digits and inner full stops), or -1 if too long. */
function wordStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < MAX_WORD && isWordChar(text.charCodeAt(i - 1))) i--;
  return at - i >= MAX_WORD ? -1 : i;
}

function isAsciiWord(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** For an ASCII word: one capital letter ("J"), or letters each followed by a full stop but the last ("U.K", "a.m"). */
function isAsciiInitialOrDotted(text: string, from: number, to: number): boolean {
  const length = to - from;
  if (length === 1) {
    const code = text.charCodeAt(from);
    return code >= 65 && code <= 90;
  }
  if (length < 3 || length % 2 === 0) return false;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(from + i);
    if (i % 2 === 0 ? !isAsciiLetter(code) : code !== 0x2e) return false;
  }
  return true;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xa0;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}
