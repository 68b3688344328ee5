// The inline pass over one prose block's content: marks what is not prose (code spans, HTML,
// autolinks, bare URLs, link destinations, footnote markers, citations, emphasis and bracket
// syntax). One left-to-right scan; every look-ahead is bounded or remembered, so it stays linear.
import { ForwardSearch, matchInlineHtml } from './html';

export interface InlineMarks {
  /** Flat, sorted, non-overlapping [start, end) pairs that are not prose. */
  masks: number[];
  /** Flat [start, end) pairs of code spans, backticks included. */
  codeSpans: number[];
  /** Flat [start, end) pairs of HTML comments. */
  comments: number[];
}

const SPECIAL = /[\\`<[\]!*_~:]|www\./g;
const MAX_LABEL = 1000;
const TRAILING_URL_PUNCTUATION = '?!.,:;*_~\'"';
const MAX_LINK_PAREN_DEPTH = 32;

const BACKSLASH = 0x5c;
const BACKTICK = 0x60;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LPAREN = 0x28;
const RPAREN = 0x29;
const NEWLINE = 0x0a;

const NOTHING: InlineMarks = Object.freeze({ masks: [], codeSpans: [], comments: [] }) as InlineMarks;

export function scanInline(s: string): InlineMarks {
  SPECIAL.lastIndex = 0;
  // Most headings, cells and many paragraphs hold no markup at all.
  if (!SPECIAL.test(s)) return NOTHING;
  return new InlineScanner(s).scan();
}

class InlineScanner {
  private readonly masks: number[] = [];
  private readonly codeSpans: number[] = [];
  private readonly comments: number[] = [];
  private readonly openers: number[] = [];
  private search: ForwardSearch | undefined;
  private backtickRuns: Map<number, number[]> | undefined;
  private runCursor: Map<number, number> | undefined;

  constructor(private readonly s: string) {}

  scan(): InlineMarks {
    const s = this.s;
    const re = SPECIAL;
    re.lastIndex = 0;
    // `test` finds the next special character natively without making a match array; the match
    // is one character, or "www." (the only one ending in a full stop).
    while (re.test(s)) {
      const end = re.lastIndex;
      const index = s.charCodeAt(end - 1) === 0x2e ? end - 4 : end - 1;
      re.lastIndex = this.at(index, s.charCodeAt(index));
    }
    return { masks: this.masks, codeSpans: this.codeSpans, comments: this.comments };
  }

  /** Handles the special character at `i`; returns where scanning resumes. */
  private at(i: number, c: number): number {
    const s = this.s;
    switch (c) {
      case BACKSLASH: {
        const next = s.charCodeAt(i + 1);
        if (isAsciiPunctuation(next) || next === NEWLINE) {
          this.mask(i, i + 1);
          return i + 2;
        }
        return i + 1;
      }
      case BACKTICK:
        return this.codeSpan(i);
      case 0x3c /* < */: {
        const html = matchInlineHtml(s, i, (this.search ??= new ForwardSearch(s)));
        if (!html) return i + 1;
        this.mask(i, html.end);
        if (html.kind === 'comment') this.comments.push(i, html.end);
        return html.end;
      }
      case LBRACKET:
        return this.openBracket(i);
      case RBRACKET:
        return this.closeBracket(i);
      case 0x21 /* ! */:
        if (s.charCodeAt(i + 1) === LBRACKET) this.mask(i, i + 1);
        return i + 1;
      case 0x2a /* * */:
      case 0x5f /* _ */:
      case 0x7e /* ~ */:
        return this.delimiterRun(i, c);
      case 0x3a /* : */:
        return this.schemeUrl(i);
      default:
        return this.wwwUrl(i);
    }
  }

  private mask(start: number, end: number): void {
    const masks = this.masks;
    const last = masks.length - 1;
    if (last > 0 && masks[last] >= start) {
      if (end > masks[last]) masks[last] = end;
    } else {
      masks.push(start, end);
    }
  }

  private codeSpan(i: number): number {
    const s = this.s;
    let runEnd = i;
    while (s.charCodeAt(runEnd) === BACKTICK) runEnd++;
    const closer = this.nextRun(runEnd - i, runEnd);
    if (closer < 0) {
      this.mask(i, runEnd);
      return runEnd;
    }
    const end = closer + (runEnd - i);
    this.mask(i, end);
    this.codeSpans.push(i, end);
    return end;
  }

  /** Start of the first backtick run of exactly `length` at or after `from`, or -1. */
  private nextRun(length: number, from: number): number {
    if (!this.backtickRuns) {
      const runs = new Map<number, number[]>();
      const re = /`+/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(this.s)) !== null) {
        const list = runs.get(m[0].length);
        if (list) list.push(m.index);
        else runs.set(m[0].length, [m.index]);
      }
      this.backtickRuns = runs;
    }
    const positions = this.backtickRuns.get(length);
    if (!positions) return -1;
    const cursor = (this.runCursor ??= new Map());
    let k = cursor.get(length) ?? 0;
    while (k < positions.length && positions[k] < from) k++;
    cursor.set(length, k);
    return k < positions.length ? positions[k] : -1;
  }

  private openBracket(i: number): number {
    const s = this.s;
    const close = this.labelEnd(i + 1);
    if (close >= 0) {
      if (s.charCodeAt(i + 1) === 0x5e /* ^ */ && close > i + 2 && !/\s/.test(s.slice(i + 2, close))) {
        this.mask(i, close + 1); // footnote marker
        return close + 1;
      }
      if (s.charCodeAt(close + 1) !== LPAREN && isCitation(s, i + 1, close)) {
        this.mask(i, close + 1);
        return close + 1;
      }
    }
    this.mask(i, i + 1);
    this.openers.push(i);
    return i + 1;
  }

  private closeBracket(i: number): number {
    const s = this.s;
    this.mask(i, i + 1);
    if (this.openers.length === 0) return i + 1;
    const opener = this.openers.pop()!;
    const next = s.charCodeAt(i + 1);
    if (next === LPAREN) {
      const end = inlineLinkTailEnd(s, i + 1);
      if (end > 0) {
        this.mask(i, end);
        // Links cannot contain links, so earlier openers no longer count (images may nest).
        if (s.charCodeAt(opener - 1) !== 0x21) this.openers.length = 0;
        return end;
      }
    } else if (next === LBRACKET) {
      const close = this.labelEnd(i + 2);
      if (close >= 0) {
        this.mask(i, close + 1); // reference label
        return close + 1;
      }
    }
    return i + 1;
  }

  /** Index of the `]` ending a bracketed label that starts at `from`, or -1. */
  private labelEnd(from: number): number {
    const s = this.s;
    const limit = Math.min(s.length, from + MAX_LABEL);
    for (let j = from; j < limit; j++) {
      const c = s.charCodeAt(j);
      if (c === RBRACKET) return j;
      if (c === LBRACKET) return -1;
      if (c === BACKSLASH) j++;
    }
    return -1;
  }

  private delimiterRun(i: number, c: number): number {
    const s = this.s;
    let end = i;
    while (s.charCodeAt(end) === c) end++;
    if (c === 0x5f && isWordChar(s.charCodeAt(i - 1)) && isWordChar(s.charCodeAt(end))) return end;
    if (c === 0x7e && end - i < 2) return end;
    this.mask(i, end);
    return end;
  }

  private schemeUrl(colon: number): number {
    const s = this.s;
    if (s.charCodeAt(colon + 1) !== 0x2f || s.charCodeAt(colon + 2) !== 0x2f) return colon + 1;
    let start = colon;
    while (start > 0 && start > colon - 6 && isAsciiLetter(s.charCodeAt(start - 1))) start--;
    const scheme = s.slice(start, colon).toLowerCase();
    if (scheme !== 'http' && scheme !== 'https' && scheme !== 'ftp') return colon + 1;
    if (start > 0 && isWordChar(s.charCodeAt(start - 1))) return colon + 1;
    return this.bareUrl(start, colon + 3);
  }

  private wwwUrl(i: number): number {
    if (i > 0 && (isWordChar(this.s.charCodeAt(i - 1)) || this.s.charCodeAt(i - 1) === 0x2f)) return i + 4;
    return this.bareUrl(i, i + 4);
  }

  private bareUrl(start: number, from: number): number {
    const s = this.s;
    let end = from;
    while (end < s.length) {
      const c = s.charCodeAt(end);
      if (c <= 0x20 || c === 0x3c || c === BACKTICK) break;
      end++;
    }
    end = trimUrlEnd(s, from, end);
    if (end <= from) return from;
    this.mask(start, end);
    return end;
  }
}

/** Drops trailing punctuation and unbalanced closing brackets, as GitHub does for bare URLs. */
function trimUrlEnd(s: string, from: number, end: number): number {
  let parens = 0;
  let brackets = 0;
  for (let j = from; j < end; j++) {
    const c = s.charCodeAt(j);
    if (c === LPAREN) parens++;
    else if (c === RPAREN) parens--;
    else if (c === LBRACKET) brackets++;
    else if (c === RBRACKET) brackets--;
  }
  while (end > from) {
    const c = s.charCodeAt(end - 1);
    if (TRAILING_URL_PUNCTUATION.includes(s[end - 1])) {
      end--;
    } else if (c === RPAREN && parens < 0) {
      parens++;
      end--;
    } else if (c === RBRACKET && brackets < 0) {
      brackets++;
      end--;
    } else {
      break;
    }
  }
  return end;
}

/** Pandoc citation brackets: `[@key]`, `[see @key, p. 3; @other]`, `[-@key]`. */
function isCitation(s: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    if (s.charCodeAt(j) !== 0x40) continue;
    const before = j === from ? 0x20 : s.charCodeAt(j - 1);
    if ((before === 0x20 || before === 0x3b || before === 0x2d || before === NEWLINE) && isWordChar(s.charCodeAt(j + 1))) {
      return true;
    }
  }
  return false;
}

/** End of `(destination "title")` starting at `open`, or -1 when it is not a valid link tail. */
function inlineLinkTailEnd(s: string, open: number): number {
  const n = s.length;
  let q = skipSpace(s, open + 1);
  if (s.charCodeAt(q) === 0x3c) {
    q++;
    for (;;) {
      if (q >= n) return -1;
      const c = s.charCodeAt(q);
      if (c === BACKSLASH) q += 2;
      else if (c === 0x3e) break;
      else if (c === NEWLINE || c === 0x3c) return -1;
      else q++;
    }
    q++;
  } else {
    let depth = 0;
    while (q < n) {
      const c = s.charCodeAt(q);
      if (c === BACKSLASH && isAsciiPunctuation(s.charCodeAt(q + 1))) q += 2;
      else if (c === LPAREN) {
        if (++depth > MAX_LINK_PAREN_DEPTH) return -1;
        q++;
      } else if (c === RPAREN) {
        if (depth === 0) break;
        depth--;
        q++;
      } else if (c <= 0x20 || c === 0x7f) break;
      else q++;
    }
    if (depth !== 0) return -1;
  }
  let r = skipSpace(s, q);
  const quote = s.charCodeAt(r);
  if (r > q && (quote === 0x22 || quote === 0x27 || quote === LPAREN)) {
    const closer = quote === LPAREN ? RPAREN : quote;
    r++;
    for (;;) {
      if (r >= n) return -1;
      const c = s.charCodeAt(r);
      if (c === BACKSLASH) r += 2;
      else if (c === closer) break;
      else if (quote === LPAREN && c === LPAREN) return -1;
      else r++;
    }
    r = skipSpace(s, r + 1);
  }
  return s.charCodeAt(r) === RPAREN ? r + 1 : -1;
}

/** Skips spaces and tabs with at most one line break among them. */
function skipSpace(s: string, i: number): number {
  let newline = false;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0x09) i++;
    else if (c === NEWLINE && !newline) {
      newline = true;
      i++;
    } else return i;
  }
}

function isAsciiPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Letters and digits, including non-ASCII letters (so `_` inside "naïve_term" is not emphasis). */
function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c > 0x7f;
}
