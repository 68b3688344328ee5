// parseProse: Markdown in, prose model out. A line-oriented block pass finds prose blocks, code
// and raw HTML; an inline pass per prose block blanks the markup inside it.
//
// parseProseAgain re-parses after an edit: it restarts at the last line before the edit where no
// block or container was open, and stops at the first such line after it that the previous parse
// also reached with nothing open, so everything beyond is the previous result moved along.
import type { HtmlComment, ProseBlock, ProseBlockKind, ProseModel, TextRange } from '../types';
import { scanBlocks, type BlockSink } from './blocks';
import { readFrontMatter } from './front-matter';
import { ForwardSearch } from './html';
import { scanInline, type InlineMarks } from './inline';
import { buildMasked, buildMaskedRange } from './mask';
import { MaskedPieces, registerMaskedPieces } from '../text/maskedPieces';
import { moveRange } from '../text/shift';

export function parseProse(text: string): ProseModel {
  return parseProseWithCheckpoints(text).model;
}

/** A prose model with the line starts where a later re-parse may restart. */
export interface ProseParse {
  model: ProseModel;
  /** Line starts, ascending, where no block or container was open. */
  checkpoints: number[];
  /** The masked text in pieces, when a re-parse made it and nobody has read `model.masked` yet. */
  masked?: MaskedPieces;
}

/** How a re-parse relates to the previous one. */
export interface ProseSplice {
  /** Blocks [0, keptBefore) are the previous parse's own objects, unchanged. */
  keptBefore: number;
  /** New blocks from `newFrom` on are the previous blocks from `oldFrom` on, moved by `delta`. */
  newFrom: number;
  oldFrom: number;
  delta: number;
  /** The re-parsed region [restart, stop) of the new text; outside it nothing changed but position. */
  restart: number;
  stop: number;
}

export function parseProseWithCheckpoints(text: string): ProseParse {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const frontMatter = readFrontMatter(text, start);
  const collector = new ProseCollector(text);
  scanBlocks(text, frontMatter ? frontMatter.range.end : start, collector);
  const model: ProseModel = {
    text,
    masked: buildMasked(text, collector.kept),
    blocks: collector.blocks,
    frontMatter,
    comments: collector.comments,
    codeRanges: collector.codeRanges,
  };
  return { model, checkpoints: collector.checkpoints };
}

const MAYBE_FRONT_MATTER = /^\uFEFF?---/;
const CHUNK = 1024;

/**
 * Parses `text`, reusing `previous` (a parse of an earlier version of the same document) outside
 * the edited region. The result equals parseProseWithCheckpoints(text); `splice` is absent when
 * nothing could be reused.
 */
export function parseProseAgain(text: string, previous: ProseParse): { parse: ProseParse; splice?: ProseSplice } {
  const old = previous.model;
  const oldText = old.text;
  if (oldText === text) {
    const end = text.length;
    return { parse: previous, splice: { keptBefore: old.blocks.length, newFrom: old.blocks.length, oldFrom: old.blocks.length, delta: 0, restart: end, stop: end } };
  }
  const limit = Math.min(oldText.length, text.length);
  let prefix = 0;
  // Comparing slices runs natively; a character loop only finds the spot inside the last chunk.
  while (prefix + CHUNK <= limit && oldText.slice(prefix, prefix + CHUNK) === text.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < limit && oldText.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  const suffixLimit = limit - prefix;
  const oldLength = oldText.length;
  const newLength = text.length;
  let suffix = 0;
  while (
    suffix + CHUNK <= suffixLimit &&
    oldText.slice(oldLength - suffix - CHUNK, oldLength - suffix) === text.slice(newLength - suffix - CHUNK, newLength - suffix)
  ) {
    suffix += CHUNK;
  }
  while (suffix < suffixLimit && oldText.charCodeAt(oldLength - 1 - suffix) === text.charCodeAt(newLength - 1 - suffix)) suffix++;

  // Front matter is read from the top; an edit in it, or one that could create it, means a fresh parse.
  const frontMatter = old.frontMatter;
  if (frontMatter ? prefix <= frontMatter.range.end + 2 : prefix < 8 || MAYBE_FRONT_MATTER.test(oldText) || MAYBE_FRONT_MATTER.test(text)) {
    return { parse: parseProseWithCheckpoints(text) };
  }
  const checkpoints = previous.checkpoints;
  const restartIndex = lastBelow(checkpoints, prefix) ;
  if (restartIndex < 0) return { parse: parseProseWithCheckpoints(text) };
  const restart = checkpoints[restartIndex];
  const delta = text.length - oldText.length;
  const changedEnd = text.length - suffix;

  const collector = new ProseCollector(text);
  collector.stopAt = (lineStart) => {
    if (lineStart < changedEnd || lineStart === restart) return false;
    const oldLine = lineStart - delta;
    return binarySearch(checkpoints, oldLine) >= 0;
  };
  const stop = scanBlocks(text, restart, collector);
  const oldStop = stop - delta;

  const blocksBefore = firstAtOrAfter(old.blocks, restart);
  const blocksAfter = firstAtOrAfter(old.blocks, oldStop);
  const blocks = old.blocks.slice(0, blocksBefore);
  for (const block of collector.blocks) blocks.push(block);
  const newFrom = blocks.length;
  // Blocks, comments and code ranges after the edit are the previous model's, moved in place (as
  // the engine moves its results: see CheckOptions.cache); a new object for each of a long
  // bulletin's thousands of them cost more than the re-parse itself.
  for (let i = blocksAfter; i < old.blocks.length; i++) {
    const b = old.blocks[i];
    if (delta !== 0) moveRange(b.range, delta);
    blocks.push(b);
  }

  const comments = old.comments.slice(0, firstAtOrAfter(old.comments, restart));
  for (const c of collector.comments) comments.push(c);
  // Comments after the edit are moved in place too; the evidence layer relies on that (it finds a
  // moved annotation's comment as the very same object).
  for (let i = firstAtOrAfter(old.comments, oldStop); i < old.comments.length; i++) {
    const c = old.comments[i];
    if (delta !== 0) {
      moveRange(c.range, delta);
      c.bodyStart += delta;
    }
    comments.push(c);
  }

  const oldCode = old.codeRanges ?? [];
  const codeRanges = oldCode.slice(0, firstRangeAtOrAfter(oldCode, restart));
  for (const r of collector.codeRanges) codeRanges.push(r);
  for (let i = firstRangeAtOrAfter(oldCode, oldStop); i < oldCode.length; i++) {
    const r = oldCode[i];
    if (delta !== 0) moveRange(r, delta);
    codeRanges.push(r);
  }

  const newCheckpoints = checkpoints.slice(0, restartIndex);
  for (const c of collector.checkpoints) newCheckpoints.push(c);
  for (let i = binarySearch(checkpoints, oldStop); i >= 0 && i < checkpoints.length; i++) newCheckpoints.push(checkpoints[i] + delta);

  const region = buildMaskedRange(text, collector.kept, restart, stop);
  const parse: ProseParse = { model: undefined as unknown as ProseModel, checkpoints: newCheckpoints };
  parse.model = maskedLater(parse, (previous.masked ?? new MaskedPieces([old.masked])).splice(restart, oldStop, region), {
    text,
    blocks,
    frontMatter,
    comments,
    codeRanges,
  });
  return { parse, splice: { keptBefore: blocksBefore, newFrom, oldFrom: blocksAfter, delta, restart, stop } };
}

// Past this many pieces the masked text is joined at once, so reading it stays quick.
const MAX_PIECES = 64;

/**
 * The model with its masked text kept in pieces of earlier ones, joined when first read: joining
 * copies the whole document into fresh memory, and a re-check after an edit reads only a little of it.
 */
function maskedLater(parse: ProseParse, pieces: MaskedPieces, rest: Omit<ProseModel, 'masked'>): ProseModel {
  if (pieces.pieces.length > MAX_PIECES) {
    return { text: rest.text, masked: pieces.join(), blocks: rest.blocks, frontMatter: rest.frontMatter, comments: rest.comments, codeRanges: rest.codeRanges };
  }
  let joined: string | undefined;
  parse.masked = pieces;
  const model: ProseModel = {
    text: rest.text,
    get masked(): string {
      if (joined === undefined) {
        joined = pieces.join();
        // Later re-parses and readers use the joined text, so the pieces' sources can go.
        parse.masked = new MaskedPieces([joined]);
        registerMaskedPieces(model, parse.masked);
      }
      return joined;
    },
    blocks: rest.blocks,
    frontMatter: rest.frontMatter,
    comments: rest.comments,
    codeRanges: rest.codeRanges,
  };
  registerMaskedPieces(model, pieces);
  return model;
}

/** Index of the last value below `limit` in an ascending list, or -1. */
function lastBelow(values: number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function binarySearch(values: number[], value: number): number {
  const i = lastBelow(values, value) + 1;
  return i < values.length && values[i] === value ? i : -1;
}

/** First item whose range starts at or after `offset` (items in document order). */
function firstAtOrAfter(items: { range: TextRange }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].range.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstRangeAtOrAfter(ranges: TextRange[], offset: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Ranges of code blocks and code spans (fences and backticks included), in document order. */
export function codeRangesOf(text: string): TextRange[] {
  return parseProse(text).codeRanges ?? [];
}

class ProseCollector implements BlockSink {
  readonly kept: number[] = [];
  readonly blocks: ProseBlock[] = [];
  readonly comments: HtmlComment[] = [];
  readonly codeRanges: TextRange[] = [];
  readonly checkpoints: number[] = [];
  /** When set, the scan stops at the first restart point for which this returns true. */
  stopAt: ((lineStart: number) => boolean) | undefined;
  private commentSearch: ForwardSearch | undefined;

  constructor(private readonly text: string) {}

  checkpoint(lineStart: number): boolean {
    if (this.stopAt?.(lineStart)) return true;
    this.checkpoints.push(lineStart);
    return false;
  }

  prose(kind: ProseBlockKind, start: number, end: number, segments: number[]): void {
    const text = this.text;
    // Lines that follow one another with only a line feed between (no container markers,
    // indentation or CR) join to the text as it stands: a slice, not a new string.
    const contiguous = segments.length === 2 || isContiguous(text, segments);
    const content = contiguous ? text.slice(segments[0], segments[segments.length - 1]) : joinLines(text, segments);
    const marks = scanInline(content);
    this.keepUnmasked(segments, marks.masks);
    if (marks.codeSpans.length > 0 || marks.comments.length > 0) this.record(marks, content, segments, contiguous);
    this.blocks.push({ kind, range: { start, end } });
  }

  private record(marks: InlineMarks, content: string, segments: number[], contiguous: boolean): void {
    const map = contiguous ? offsetMapper(segments[0]) : segmentMapper(segments);
    for (let i = 0; i < marks.codeSpans.length; i += 2) {
      this.codeRanges.push({ start: map(marks.codeSpans[i]), end: map(marks.codeSpans[i + 1]) });
    }
    for (let i = 0; i < marks.comments.length; i += 2) {
      const from = marks.comments[i];
      const to = marks.comments[i + 1];
      this.addComment(map(from), map(to), content, from, to, map);
    }
  }

  code(start: number, end: number): void {
    this.codeRanges.push({ start, end });
  }

  html(start: number, end: number): void {
    const text = this.text;
    const search = (this.commentSearch ??= new ForwardSearch(text));
    let at = start;
    for (;;) {
      const open = search.indexOf('<!--', at);
      if (open < 0 || open >= end) return;
      let close: number;
      if (text.startsWith('<!-->', open)) close = open + 2;
      else if (text.startsWith('<!--->', open)) close = open + 3;
      else close = search.indexOf('-->', open + 4);
      if (close < 0 || close + 3 > end) return;
      this.addComment(open, close + 3, text, open, close + 3, (v) => v);
      at = close + 3;
    }
  }

  private addComment(
    start: number,
    end: number,
    source: string,
    sourceStart: number,
    sourceEnd: number,
    map: (offset: number) => number,
  ): void {
    let bodyStart = Math.min(sourceStart + 4, sourceEnd - 3);
    let bodyEnd = Math.max(sourceEnd - 3, bodyStart);
    while (bodyStart < bodyEnd && isWhitespace(source.charCodeAt(bodyStart))) bodyStart++;
    while (bodyEnd > bodyStart && isWhitespace(source.charCodeAt(bodyEnd - 1))) bodyEnd--;
    this.comments.push({ range: { start, end }, body: source.slice(bodyStart, bodyEnd), bodyStart: map(bodyStart) });
  }

  /** Records the parts of each content line that the inline pass left as prose. */
  private keepUnmasked(segments: number[], masks: number[]): void {
    let m = 0;
    let lineStart = 0; // offset of this segment within the joined content
    for (let k = 0; k < segments.length; k += 2) {
      const docStart = segments[k];
      const lineEnd = lineStart + (segments[k + 1] - docStart);
      let at = lineStart;
      while (m < masks.length && masks[m] < lineEnd) {
        const maskStart = masks[m];
        const maskEnd = masks[m + 1];
        if (maskEnd <= at) {
          m += 2;
          continue;
        }
        if (maskStart > at) this.keep(docStart + at - lineStart, docStart + maskStart - lineStart);
        if (maskEnd >= lineEnd) {
          at = lineEnd;
          break;
        }
        at = maskEnd;
        m += 2;
      }
      if (at < lineEnd) this.keep(docStart + at - lineStart, docStart + lineEnd - lineStart);
      lineStart = lineEnd + 1;
    }
  }

  private keep(start: number, end: number): void {
    const kept = this.kept;
    if (kept.length > 0 && kept[kept.length - 1] === start) kept[kept.length - 1] = end;
    else kept.push(start, end);
  }
}

/** Whether each line's content starts just after the previous line's line feed. */
function isContiguous(text: string, segments: number[]): boolean {
  for (let k = 1; k + 1 < segments.length; k += 2) {
    if (segments[k + 1] !== segments[k] + 1 || text.charCodeAt(segments[k]) !== 0x0a) return false;
  }
  return true;
}

function joinLines(text: string, segments: number[]): string {
  const lines: string[] = new Array(segments.length / 2);
  for (let k = 0; k < segments.length; k += 2) lines[k / 2] = text.slice(segments[k], segments[k + 1]);
  return lines.join('\n');
}

function offsetMapper(delta: number): (offset: number) => number {
  return (offset) => offset + delta;
}

/** Maps an offset in the joined content back to the document; a joining line break maps to its line's end. */
function segmentMapper(segments: number[]): (offset: number) => number {
  const starts: number[] = [];
  let at = 0;
  for (let k = 0; k < segments.length; k += 2) {
    starts.push(at);
    at += segments[k + 1] - segments[k] + 1;
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return Math.min(segments[2 * low] + (offset - starts[low]), segments[2 * low + 1]);
  };
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
