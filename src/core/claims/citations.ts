// Pandoc-style citations in the raw text: `[@key]`, `[@key, p. 4]`, `[see @a; -@b]`.
import type { TextRange } from '../types';

export interface CitationKey {
  key: string;
  /** The key itself, without the `@`. */
  range: TextRange;
}

export interface Citation {
  /** The whole bracketed citation. */
  range: TextRange;
  keys: CitationKey[];
}

// A bracket with no nested brackets or line break: each `[` is scanned at most to the next bracket.
const BRACKET = /\[[^[\]\n\r]*\]/g;
// Pandoc keys start with a letter, digit or `_`; inner punctuation must be followed by a key character.
const KEY = /(^|[\s;[])-?@([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*)/gu;

/** Every citation in the text, in document order. */
export function findCitations(text: string): Citation[] {
  const citations: Citation[] = [];
  if (!text.includes('@')) return citations;
  BRACKET.lastIndex = 0;
  for (let m = BRACKET.exec(text); m; m = BRACKET.exec(text)) {
    const inner = m[0];
    if (!inner.includes('@')) continue;
    const after = text[m.index + inner.length];
    // `[@handle](url)` is a link, not a citation.
    if (after === '(' || after === '[') continue;
    const keys: CitationKey[] = [];
    KEY.lastIndex = 0;
    for (let k = KEY.exec(inner); k; k = KEY.exec(inner)) {
      const start = m.index + k.index + k[0].length - k[2].length;
      keys.push({ key: k[2], range: { start, end: start + k[2].length } });
    }
    if (keys.length > 0) citations.push({ range: { start: m.index, end: m.index + inner.length }, keys });
  }
  return citations;
}

/** Citations that start inside [start, end), found by binary search over document-ordered citations. */
export function citationsWithin(citations: Citation[], start: number, end: number): Citation[] {
  let lo = 0;
  let hi = citations.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (citations[mid].range.start < start) lo = mid + 1;
    else hi = mid;
  }
  const found: Citation[] = [];
  for (let i = lo; i < citations.length && citations[i].range.start < end; i++) found.push(citations[i]);
  return found;
}
