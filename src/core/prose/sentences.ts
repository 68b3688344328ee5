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

const TERMINATOR = /[.!?\u2026]/g;
const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']', '\u00bb', '*', '_']);
const LOWER_CASE = /\p{Ll}/u;
const WORD_CHAR = /[\p{L}\p{N}.]/u;
const MAX_WORD = 24;

export function splitSentences(blockText: string): { start: number; end: number }[] {
  const sentences: { start: number; end: number }[] = [];
  const length = blockText.length;
  let start = skipSpace(blockText, 0);
  TERMINATOR.lastIndex = start;
  let match: RegExpExecArray | null;
  while ((match = TERMINATOR.exec(blockText)) !== null) {
    const at = match.index;
    let end = at;
    while (end < length && isTerminator(blockText[end])) end++;
    while (end < length && CLOSERS.has(blockText[end])) end++;
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
  const following = text[next];
  if (LOWER_CASE.test(following)) return false;
  if (text[at] !== '.' || runLength > 1) return true;
  const word = wordBefore(text, at);
  if (word === '') return true;
  const lower = word.toLowerCase();
  if (NEVER_FINAL.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && /\d/.test(following)) return false;
  // An initial ("J. Smith") or dotted abbreviation ("U.K.", "a.m.") rarely ends a sentence.
  if (/^\p{Lu}$/u.test(word)) return false;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  return true;
}

/** The word immediately before `at` (letters, digits and inner full stops), or '' if too long. */
function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && at - i < MAX_WORD && WORD_CHAR.test(text[i - 1])) i--;
  if (at - i >= MAX_WORD) return '';
  return text.slice(i, at);
}

function isTerminator(c: string): boolean {
  return c === '.' || c === '!' || c === '?' || c === '\u2026';
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
