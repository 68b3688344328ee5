// YAML front matter: a `---` line at the very top, closed by `---` or `...`.
import { parseDocument } from 'yaml';
import type { FrontMatter } from '../types';

const OPENING = /---[ \t]*(?:\r\n?|\n)/y;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/** The front matter starting at `from` (just after any byte order mark), if there is one. */
export function readFrontMatter(text: string, from: number): FrontMatter | undefined {
  OPENING.lastIndex = from;
  if (!OPENING.test(text)) return undefined;
  const contentStart = OPENING.lastIndex;
  let lineStart = contentStart;
  while (lineStart < text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length) {
      const c = text.charCodeAt(lineEnd);
      if (c === 0x0a || c === 0x0d) break;
      lineEnd++;
    }
    if (CLOSING.test(text.slice(lineStart, lineEnd))) {
      return parseFrontMatter(text, from, contentStart, lineStart, lineEnd);
    }
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 0x0d && text.charCodeAt(lineEnd + 1) === 0x0a ? 2 : 1);
  }
  return undefined;
}

// A bulletin is checked on every keystroke and its front matter rarely changes: the same block at
// the same place gives back the same object, so neither this YAML parse nor the evidence reading
// keyed on the object (claims/evidence.ts) is redone. A few blocks are kept, for several open files.
const MEMO_LIMIT = 8;
const MEMO_MAX_LENGTH = 64 * 1024;
const memo = new Map<string, FrontMatter>();

function parseFrontMatter(text: string, start: number, contentStart: number, contentEnd: number, end: number): FrontMatter {
  if (end - start > MEMO_MAX_LENGTH) return parseFrontMatterAfresh(text, start, contentStart, contentEnd, end);
  const key = `${start},${contentStart},${contentEnd},${end}\n${text.slice(start, end)}`;
  let frontMatter = memo.get(key);
  if (frontMatter) {
    // Most recently used last, so the oldest is dropped first.
    memo.delete(key);
  } else {
    frontMatter = parseFrontMatterAfresh(text, start, contentStart, contentEnd, end);
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  }
  memo.set(key, frontMatter);
  return frontMatter;
}

function parseFrontMatterAfresh(
  text: string,
  start: number,
  contentStart: number,
  contentEnd: number,
  end: number,
): FrontMatter {
  const source = text.slice(contentStart, contentEnd);
  const range = { start, end };
  const document = parseDocument(source, { prettyErrors: false });
  const problem = document.errors[0];
  if (problem) {
    const [from, to] = problem.pos;
    const errorStart = contentStart + Math.min(from, source.length);
    const errorEnd = Math.max(errorStart + 1, contentStart + Math.min(to, source.length));
    return {
      range,
      data: undefined,
      error: { message: firstLine(problem.message), range: { start: errorStart, end: Math.min(errorEnd, end) } },
    };
  }
  try {
    // A bounded alias count keeps a "billion laughs" block from expanding without limit.
    return { range, data: document.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    // An alias with no anchor (`*draft*` read as YAML) or too many aliases: report, never throw.
    const message = error instanceof Error ? firstLine(error.message) : String(error);
    return { range, data: undefined, error: { message, range: { start: contentStart, end: Math.max(contentStart + 1, contentEnd) } } };
  }
}

function firstLine(message: string): string {
  const newline = message.indexOf('\n');
  return newline < 0 ? message : message.slice(0, newline);
}
