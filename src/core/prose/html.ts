// Recognisers for raw HTML, following CommonMark's definitions of HTML blocks and inline HTML.
// Every pattern here is linear: alternatives inside a repetition never overlap.

const BLOCK_TAG_NAMES = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details ' +
    'dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 ' +
    'head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p ' +
    'param search section summary table tbody td tfoot th thead title tr track ul'
  ).split(' '),
);

const ATTRIBUTE = String.raw`(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^"'=<>\x60\s]+|'[^']*'|"[^"]*"))?)`;
const OPEN_TAG = String.raw`<[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*\s*\/?>`;
const CLOSING_TAG = String.raw`<\/[A-Za-z][A-Za-z0-9-]*\s*>`;

const RAW_TEXT_START = /^<(?:script|pre|style|textarea)(?:[ \t>]|$)/i;
const BLOCK_TAG_START = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?:[ \t]|\/?>|$)/;
const COMPLETE_TAG_LINE = new RegExp(`^(?:${OPEN_TAG}|${CLOSING_TAG})[ \\t]*$`);
const RAW_TEXT_TAG = /^<\/?(?:script|pre|style|textarea)(?![A-Za-z0-9-])/i;

const BLOCK_END: (RegExp | undefined)[] = [
  undefined,
  /<\/(?:script|pre|style|textarea)>/i,
  /-->/,
  /\?>/,
  />/,
  /\]\]>/,
];

/**
 * Which of CommonMark's seven HTML block kinds `line` (starting at `<`) opens, or 0 for none.
 * Kind 7 cannot interrupt a paragraph, so the caller says whether one would be interrupted.
 */
export function htmlBlockKind(line: string, interruptsParagraph: boolean): number {
  if (RAW_TEXT_START.test(line)) return 1;
  if (line.startsWith('<!--')) return 2;
  if (line.startsWith('<?')) return 3;
  if (line.startsWith('<![CDATA[')) return 5;
  if (line.length > 2 && line.charCodeAt(1) === 0x21 && isAsciiLetter(line.charCodeAt(2))) return 4;
  const tag = BLOCK_TAG_START.exec(line);
  if (tag && BLOCK_TAG_NAMES.has(tag[1].toLowerCase())) return 6;
  if (!interruptsParagraph && COMPLETE_TAG_LINE.test(line) && !RAW_TEXT_TAG.test(line)) return 7;
  return 0;
}

/** Whether `line` meets the end condition of an HTML block of kind 1–5 (6 and 7 end at a blank line). */
export function endsHtmlBlock(kind: number, line: string): boolean {
  const end = BLOCK_END[kind];
  return end !== undefined && end.test(line);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

const OPEN_TAG_AT = new RegExp(OPEN_TAG, 'y');
const CLOSING_TAG_AT = new RegExp(CLOSING_TAG, 'y');
const URI_AUTOLINK_AT = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/y;
const EMAIL_AUTOLINK_AT =
  /<[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*>/y;

/** Remembers the last forward search for each needle so repeated failing searches stay linear. */
export class ForwardSearch {
  private readonly memo = new Map<string, { from: number; found: number }>();
  constructor(private readonly text: string) {}

  indexOf(needle: string, from: number): number {
    const last = this.memo.get(needle);
    if (last && from >= last.from && (last.found === -1 || from <= last.found)) return last.found;
    const found = this.text.indexOf(needle, from);
    this.memo.set(needle, { from, found });
    return found;
  }
}

export type InlineHtmlKind = 'autolink' | 'comment' | 'tag';

export interface InlineHtmlMatch {
  kind: InlineHtmlKind;
  end: number;
}

const TAG_PATTERNS: ReadonlyArray<readonly [RegExp, InlineHtmlKind]> = [
  [URI_AUTOLINK_AT, 'autolink'],
  [EMAIL_AUTOLINK_AT, 'autolink'],
  [OPEN_TAG_AT, 'tag'],
  [CLOSING_TAG_AT, 'tag'],
];

/** An autolink or piece of inline HTML starting at `at` (which holds `<`), per CommonMark. */
export function matchInlineHtml(text: string, at: number, search: ForwardSearch): InlineHtmlMatch | undefined {
  const next = text.charCodeAt(at + 1);
  if (next === 0x21 /* ! */) {
    // Compared a character at a time: bulletins hold hundreds of comments.
    if (text.charCodeAt(at + 2) === 0x2d && text.charCodeAt(at + 3) === 0x2d) {
      const after = text.charCodeAt(at + 4);
      if (after === 0x3e) return { kind: 'comment', end: at + 5 }; // <!-->
      if (after === 0x2d && text.charCodeAt(at + 5) === 0x3e) return { kind: 'comment', end: at + 6 }; // <!--->
      const close = search.indexOf('-->', at + 4);
      return close < 0 ? undefined : { kind: 'comment', end: close + 3 };
    }
    if (text.startsWith('<![CDATA[', at)) {
      const close = search.indexOf(']]>', at + 9);
      return close < 0 ? undefined : { kind: 'tag', end: close + 3 };
    }
    if (isAsciiLetter(text.charCodeAt(at + 2))) {
      const close = search.indexOf('>', at + 2);
      return close < 0 ? undefined : { kind: 'tag', end: close + 1 };
    }
    return undefined;
  }
  if (next === 0x3f /* ? */) {
    const close = search.indexOf('?>', at + 2);
    return close < 0 ? undefined : { kind: 'tag', end: close + 2 };
  }
  for (const [pattern, kind] of TAG_PATTERNS) {
    pattern.lastIndex = at;
    if (pattern.test(text)) return { kind, end: pattern.lastIndex };
  }
  return undefined;
}
