// Pandoc-style citations in the raw text: `[@key]`, `[@key, p. 4]`, `[see @a; -@b]`.
import type { TextRange } from '../types';
import { shiftRange } from '../text/shift';

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
  scan(text, 0, text.length, citations);
  return citations;
}

/**
 * The citations of `text` after an edit, from those of the text before it (`previous`): a citation
 * never spans a line break, so outside the edited lines [from, to) (offsets in the new text, both
 * line starts or the text's ends) the previous ones hold, moved by `delta` after the edit.
 */
export function findCitationsAgain(text: string, previous: Citation[], from: number, to: number, delta: number): Citation[] {
  const citations: Citation[] = [];
  let i = 0;
  for (; i < previous.length && previous[i].range.start < from; i++) citations.push(previous[i]);
  scan(text, from, to, citations);
  const oldTo = to - delta;
  while (i < previous.length && previous[i].range.start < oldTo) i++;
  for (; i < previous.length; i++) citations.push(delta === 0 ? previous[i] : moveCitation(previous[i], delta));
  return citations;
}

function moveCitation(citation: Citation, delta: number): Citation {
  const keys: CitationKey[] = new Array(citation.keys.length);
  for (let k = 0; k < keys.length; k++) {
    const key = citation.keys[k];
    keys[k] = { key: key.key, range: shiftRange(key.range, delta) };
  }
  return { range: shiftRange(citation.range, delta), keys };
}

/** Citations in [from, to), whose ends are line starts or the text's ends. */
function scan(text: string, from: number, to: number, citations: Citation[]): void {
  // A citation ends before a line break, and so does the character after it that decides whether
  // it is a link: the part is searched alone, or the search would run on past `to`.
  const whole = from === 0 && to === text.length;
  const part = whole ? text : text.slice(from, to);
  if (!whole && !part.includes('@')) return;
  BRACKET.lastIndex = 0;
  for (let m = BRACKET.exec(part); m; m = BRACKET.exec(part)) {
    const inner = m[0];
    if (!inner.includes('@')) continue;
    const after = part[m.index + inner.length];
    // `[@handle](url)` is a link, not a citation.
    if (after === '(' || after === '[') continue;
    const keys: CitationKey[] = [];
    KEY.lastIndex = 0;
    for (let k = KEY.exec(inner); k; k = KEY.exec(inner)) {
      const start = from + m.index + k.index + k[0].length - k[2].length;
      keys.push({ key: k[2], range: { start, end: start + k[2].length } });
    }
    if (keys.length > 0) citations.push({ range: { start: from + m.index, end: from + m.index + inner.length }, keys });
  }
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
