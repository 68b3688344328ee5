// parseProse: Markdown in, prose model out. A line-oriented block pass finds prose blocks, code
// and raw HTML; an inline pass per prose block blanks the markup inside it.
import type { HtmlComment, ProseBlock, ProseBlockKind, ProseModel, TextRange } from '../types';
import { scanBlocks, type BlockSink } from './blocks';
import { readFrontMatter } from './front-matter';
import { ForwardSearch } from './html';
import { scanInline, type InlineMarks } from './inline';
import { buildMasked } from './mask';

export function parseProse(text: string): ProseModel {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const frontMatter = readFrontMatter(text, start);
  const collector = new ProseCollector(text);
  scanBlocks(text, frontMatter ? frontMatter.range.end : start, collector);
  return {
    text,
    masked: buildMasked(text, collector.kept),
    blocks: collector.blocks,
    frontMatter,
    comments: collector.comments,
    codeRanges: collector.codeRanges,
  };
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
  private commentSearch: ForwardSearch | undefined;

  constructor(private readonly text: string) {}

  prose(kind: ProseBlockKind, start: number, end: number, segments: number[]): void {
    const text = this.text;
    const single = segments.length === 2;
    const content = single ? text.slice(segments[0], segments[1]) : joinLines(text, segments);
    const marks = scanInline(content);
    this.keepUnmasked(segments, marks.masks);
    if (marks.codeSpans.length > 0 || marks.comments.length > 0) this.record(marks, content, segments);
    this.blocks.push({ kind, range: { start, end } });
  }

  private record(marks: InlineMarks, content: string, segments: number[]): void {
    const map = segments.length === 2 ? offsetMapper(segments[0]) : segmentMapper(segments);
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
