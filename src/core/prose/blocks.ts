// The block pass: one walk over the lines that finds where prose, code and raw HTML lie, following
// CommonMark's container rules (block quotes, list items, lazy continuation) plus pipe tables and
// footnote definitions. It reports what it finds to a sink; the inline pass runs per prose block.
import type { ProseBlockKind } from '../types';
import { definitionLineCount } from './definitions';
import { endsHtmlBlock, htmlBlockKind } from './html';
import { isSpaceOrTab, LineCursor } from './line-cursor';
import { containsPipe, delimiterRowColumns, tableCells } from './table';

export interface BlockSink {
  /** A prose block; `segments` are flat [start, end) pairs of its content, one per source line. */
  prose(kind: ProseBlockKind, start: number, end: number, segments: number[]): void;
  /** A code block, fences included. */
  code(start: number, end: number): void;
  html(start: number, end: number): void;
  /**
   * Called at each line start where no block or container is open, so parsing could restart there
   * with nothing carried over. Returning true stops the scan at that line.
   */
  checkpoint?(lineStart: number): boolean;
}

const enum Leaf {
  None,
  Paragraph,
  Table,
  Fenced,
  Indented,
  Html,
}

const enum ContainerKind {
  Quote,
  Item,
  Footnote,
}

interface Container {
  kind: ContainerKind;
  /** Columns of indentation a continuation line needs (list items and footnotes). */
  indent: number;
  /** False only for a list item whose first line was blank and nothing has followed yet. */
  hasContent: boolean;
}

const GT = 0x3e;
const HASH = 0x23;
const BACKTICK = 0x60;
const TILDE = 0x7e;
const LT = 0x3c;
const LBRACKET = 0x5b;

// Characters that can begin a block other than a paragraph line.
const MAYBE_SPECIAL = new Uint8Array(128);
for (const c of '#`~*+_=<>-|:[0123456789') MAYBE_SPECIAL[c.charCodeAt(0)] = 1;

const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const FOOTNOTE_LABEL_AT = /\[\^[^\]\s]{1,200}\]:/y;

/** Scans from a line start where nothing is open; returns where it stopped (the text's length unless a checkpoint stopped it). */
export function scanBlocks(text: string, from: number, sink: BlockSink): number {
  return new BlockScanner(text, sink).run(from);
}

class BlockScanner {
  private readonly cursor: LineCursor;
  private readonly containers: Container[] = [];
  private leaf = Leaf.None;
  private allClosed = true;
  private paragraphSegments: number[] = [];
  private paragraphStart = 0;
  private paragraphKind: ProseBlockKind = 'paragraph';
  private fenceChar = 0;
  private fenceLength = 0;
  private leafStart = 0;
  private leafEnd = 0;
  private htmlKind = 0;
  private tableColumns = 0;

  constructor(
    private readonly text: string,
    private readonly sink: BlockSink,
  ) {
    this.cursor = new LineCursor(text);
  }

  run(from: number): number {
    const text = this.text;
    const length = text.length;
    const sink = this.sink;
    const watch = sink.checkpoint !== undefined;
    let nextLf = -2;
    let nextCr = -2;
    let start = from;
    while (start < length) {
      if (watch && this.leaf === Leaf.None && this.containers.length === 0 && sink.checkpoint!(start)) return start;
      if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf('\n', start);
      if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf('\r', start);
      let end = nextLf === -1 ? nextCr : nextCr === -1 ? nextLf : Math.min(nextLf, nextCr);
      if (end === -1) end = length;
      this.processLine(start, end);
      start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
    }
    this.closeLeaf();
    this.containers.length = 0;
    return length;
  }

  private processLine(lineStart: number, lineEnd: number): void {
    const text = this.text;
    const cursor = this.cursor;
    const containers = this.containers;
    cursor.startLine(lineStart, lineEnd);

    let matched = 0;
    for (; matched < containers.length; matched++) {
      if (!this.continues(containers[matched])) break;
    }
    const allMatched = matched === containers.length;
    this.allClosed = allMatched;

    if (allMatched && this.continueLeaf()) return;

    let containerIsParagraph = allMatched && this.leaf === Leaf.Paragraph;
    let startedNew = false;
    for (;;) {
      cursor.findNextNonspace();
      const at = cursor.nextNonspace;
      const c = cursor.blank ? -1 : text.charCodeAt(at);
      const indented = cursor.indent >= 4;
      if (!indented && !(c < 128 && c >= 0 && MAYBE_SPECIAL[c])) {
        cursor.advanceNextNonspace();
        break;
      }
      if (!indented && c === GT) {
        this.openContainer(matched, ContainerKind.Quote, 0, true);
        cursor.advanceNextNonspace();
        cursor.advanceOffset(1, false);
        if (isSpaceOrTab(cursor.peek())) cursor.advanceOffset(1, true);
      } else if (!indented && c === HASH && this.atxHeading(matched, at)) {
        return;
      } else if (!indented && (c === BACKTICK || c === TILDE) && this.fenceStart(matched, at)) {
        return;
      } else if (!indented && c === LT && this.htmlStart(matched, at, containerIsParagraph)) {
        return;
      } else if (containerIsParagraph && !indented && this.tableStart(at)) {
        return;
      } else if (containerIsParagraph && !indented && this.setextUnderline(at)) {
        return;
      } else if (!indented && (c === 0x2a || c === 0x2d || c === 0x5f) && THEMATIC_BREAK.test(text.slice(at, lineEnd))) {
        this.closeUnmatched(matched);
        this.closeLeaf();
        return;
      } else if (!indented && this.listItemStart(matched, at, containerIsParagraph)) {
        // opened; look for further containers on the same line
      } else if (!indented && c === LBRACKET && !containerIsParagraph && this.footnoteStart(matched, at)) {
        // opened
      } else if (indented && this.leaf !== Leaf.Paragraph && !cursor.blank) {
        this.closeUnmatched(matched);
        this.closeLeaf();
        this.leaf = Leaf.Indented;
        this.leafStart = cursor.offset;
        this.leafEnd = lineEnd;
        this.markContent();
        return;
      } else {
        cursor.advanceNextNonspace();
        break;
      }
      startedNew = true;
      containerIsParagraph = false;
      matched = containers.length;
    }

    if (!this.allClosed && !cursor.blank && this.leaf === Leaf.Paragraph) {
      this.paragraphSegments.push(cursor.offset, lineEnd); // lazy continuation
      return;
    }
    this.closeUnmatched(matched);
    if (cursor.blank) {
      if (this.leaf === Leaf.Paragraph || this.leaf === Leaf.Table) this.closeLeaf();
      return;
    }
    this.markContent();
    if (this.leaf === Leaf.Paragraph) {
      this.paragraphSegments.push(cursor.offset, lineEnd);
    } else if (this.leaf === Leaf.Table && !startedNew) {
      this.emitTableRow(cursor.offset, lineEnd);
    } else {
      this.closeLeaf();
      this.leaf = Leaf.Paragraph;
      this.paragraphSegments = [cursor.offset, lineEnd];
      this.paragraphStart = lineStart;
      this.paragraphKind = this.innermostKind();
    }
  }

  /** Matches one open container against the current line, consuming its marker or indentation. */
  private continues(container: Container): boolean {
    const cursor = this.cursor;
    cursor.findNextNonspace();
    if (container.kind === ContainerKind.Quote) {
      if (cursor.indent <= 3 && !cursor.blank && this.text.charCodeAt(cursor.nextNonspace) === GT) {
        cursor.advanceNextNonspace();
        cursor.advanceOffset(1, false);
        if (isSpaceOrTab(cursor.peek())) cursor.advanceOffset(1, true);
        return true;
      }
      return false;
    }
    if (cursor.blank) {
      if (!container.hasContent) return false;
      cursor.advanceNextNonspace();
      return true;
    }
    if (cursor.indent >= container.indent) {
      cursor.advanceOffset(container.indent, true);
      return true;
    }
    return false;
  }

  /** Feeds the line to an open code or HTML block; true when the line is used up. */
  private continueLeaf(): boolean {
    const cursor = this.cursor;
    const lineEnd = cursor.lineEnd;
    switch (this.leaf) {
      case Leaf.Fenced:
        cursor.findNextNonspace();
        this.leafEnd = lineEnd;
        if (cursor.indent <= 3 && this.isClosingFence(cursor.nextNonspace, lineEnd)) this.closeLeaf();
        return true;
      case Leaf.Html:
        cursor.findNextNonspace();
        if (cursor.blank && this.htmlKind >= 6) {
          this.closeLeaf();
          return false;
        }
        this.leafEnd = lineEnd;
        if (this.htmlKind <= 5 && endsHtmlBlock(this.htmlKind, this.text.slice(cursor.offset, lineEnd))) {
          this.closeLeaf();
        }
        return true;
      case Leaf.Indented:
        cursor.findNextNonspace();
        if (cursor.indent >= 4) {
          if (!cursor.blank) this.leafEnd = lineEnd;
          return true;
        }
        if (cursor.blank) return true;
        this.closeLeaf();
        return false;
      default:
        return false;
    }
  }

  private isClosingFence(at: number, lineEnd: number): boolean {
    const text = this.text;
    let i = at;
    while (i < lineEnd && text.charCodeAt(i) === this.fenceChar) i++;
    if (i - at < this.fenceLength) return false;
    while (i < lineEnd && isSpaceOrTab(text.charCodeAt(i))) i++;
    return i === lineEnd;
  }

  private atxHeading(matched: number, at: number): boolean {
    const text = this.text;
    const lineEnd = this.cursor.lineEnd;
    let i = at;
    while (i < lineEnd && i - at < 7 && text.charCodeAt(i) === HASH) i++;
    const level = i - at;
    if (level > 6 || (i < lineEnd && !isSpaceOrTab(text.charCodeAt(i)))) return false;
    this.closeUnmatched(matched);
    this.closeLeaf();
    this.markContent();
    while (i < lineEnd && isSpaceOrTab(text.charCodeAt(i))) i++;
    let end = lineEnd;
    while (end > i && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
    let closing = end;
    while (closing > i && text.charCodeAt(closing - 1) === HASH) closing--;
    if (closing === i || isSpaceOrTab(text.charCodeAt(closing - 1))) {
      end = closing;
      while (end > i && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
    }
    if (end > i) this.sink.prose('heading', this.cursor.lineStart, lineEnd, [i, end]);
    return true;
  }

  private fenceStart(matched: number, at: number): boolean {
    const text = this.text;
    const lineEnd = this.cursor.lineEnd;
    const fenceChar = text.charCodeAt(at);
    let i = at;
    while (i < lineEnd && text.charCodeAt(i) === fenceChar) i++;
    const length = i - at;
    if (length < 3) return false;
    if (fenceChar === BACKTICK) {
      for (let j = i; j < lineEnd; j++) if (text.charCodeAt(j) === BACKTICK) return false;
    }
    this.closeUnmatched(matched);
    this.closeLeaf();
    this.markContent();
    this.leaf = Leaf.Fenced;
    this.fenceChar = fenceChar;
    this.fenceLength = length;
    this.leafStart = at;
    this.leafEnd = lineEnd;
    return true;
  }

  private htmlStart(matched: number, at: number, containerIsParagraph: boolean): boolean {
    const cursor = this.cursor;
    const line = this.text.slice(at, cursor.lineEnd);
    const lazy = !this.allClosed && this.leaf === Leaf.Paragraph;
    const kind = htmlBlockKind(line, containerIsParagraph || lazy);
    if (kind === 0) return false;
    this.closeUnmatched(matched);
    this.closeLeaf();
    this.markContent();
    this.leaf = Leaf.Html;
    this.htmlKind = kind;
    this.leafStart = at;
    this.leafEnd = cursor.lineEnd;
    if (kind <= 5 && endsHtmlBlock(kind, line)) this.closeLeaf();
    return true;
  }

  private tableStart(at: number): boolean {
    const text = this.text;
    const lineEnd = this.cursor.lineEnd;
    const c = text.charCodeAt(at);
    if (c !== 0x7c && c !== 0x2d && c !== 0x3a) return false;
    const columns = delimiterRowColumns(text, at, lineEnd);
    if (columns === 0) return false;
    const segments = this.paragraphSegments;
    const headerStart = segments[segments.length - 2];
    const headerEnd = segments[segments.length - 1];
    if (tableCells(text, headerStart, headerEnd).length / 2 !== columns) return false;
    if (!containsPipe(text, at, lineEnd) && !containsPipe(text, headerStart, headerEnd)) return false;
    // The paragraph's earlier lines stay a paragraph; its last line is the header row.
    segments.length -= 2;
    if (segments.length > 0) this.emitParagraph(segments, this.paragraphStart, this.paragraphKind);
    this.paragraphSegments = [];
    this.leaf = Leaf.Table;
    this.tableColumns = columns;
    this.emitTableRow(headerStart, headerEnd);
    return true;
  }

  private emitTableRow(start: number, end: number): void {
    const cells = tableCells(this.text, start, end);
    const limit = Math.min(cells.length, this.tableColumns * 2);
    for (let i = 0; i < limit; i += 2) {
      if (cells[i + 1] > cells[i]) this.sink.prose('tableCell', cells[i], cells[i + 1], [cells[i], cells[i + 1]]);
    }
  }

  private setextUnderline(at: number): boolean {
    const lineEnd = this.cursor.lineEnd;
    const c = this.text.charCodeAt(at);
    if ((c !== 0x3d && c !== 0x2d) || !SETEXT_UNDERLINE.test(this.text.slice(at, lineEnd))) return false;
    const segments = this.paragraphSegments;
    const definitions = definitionLineCount(this.text, segments);
    if (definitions * 2 >= segments.length) return false;
    const content = segments.slice(definitions * 2);
    this.leaf = Leaf.None;
    this.paragraphSegments = [];
    this.sink.prose('heading', definitions === 0 ? this.paragraphStart : content[0], lineEnd, content);
    return true;
  }

  private listItemStart(matched: number, at: number, containerIsParagraph: boolean): boolean {
    const text = this.text;
    const cursor = this.cursor;
    const lineEnd = cursor.lineEnd;
    const c = text.charCodeAt(at);
    let markerEnd = at;
    if (c === 0x2d || c === 0x2b || c === 0x2a) {
      markerEnd = at + 1;
    } else {
      while (markerEnd < lineEnd && markerEnd - at < 10 && isDigit(text.charCodeAt(markerEnd))) markerEnd++;
      const digits = markerEnd - at;
      const delimiter = text.charCodeAt(markerEnd);
      if (digits === 0 || digits > 9 || markerEnd >= lineEnd || (delimiter !== 0x2e && delimiter !== 0x29)) {
        return false;
      }
      if (containerIsParagraph && Number(text.slice(at, markerEnd)) !== 1) return false;
      markerEnd++;
    }
    if (markerEnd < lineEnd && !isSpaceOrTab(text.charCodeAt(markerEnd))) return false;
    if (containerIsParagraph) {
      let i = markerEnd;
      while (i < lineEnd && isSpaceOrTab(text.charCodeAt(i))) i++;
      if (i === lineEnd) return false;
    }
    this.openContainer(matched, ContainerKind.Item, 0, true);
    const markerOffset = cursor.indent;
    const markerWidth = markerEnd - at;
    cursor.advanceNextNonspace();
    cursor.advanceOffset(markerWidth, true);
    const spacesStartColumn = cursor.column;
    const spacesStartOffset = cursor.offset;
    do {
      cursor.advanceOffset(1, true);
    } while (cursor.column - spacesStartColumn < 5 && isSpaceOrTab(cursor.peek()));
    const blankItem = cursor.peek() === -1;
    const spacesAfterMarker = cursor.column - spacesStartColumn;
    let padding: number;
    if (spacesAfterMarker >= 5 || spacesAfterMarker < 1 || blankItem) {
      padding = markerWidth + 1;
      cursor.column = spacesStartColumn;
      cursor.offset = spacesStartOffset;
      if (isSpaceOrTab(cursor.peek())) cursor.advanceOffset(1, true);
    } else {
      padding = markerWidth + spacesAfterMarker;
    }
    const item = this.containers[this.containers.length - 1];
    item.indent = markerOffset + padding;
    item.hasContent = !blankItem;
    return true;
  }

  private footnoteStart(matched: number, at: number): boolean {
    FOOTNOTE_LABEL_AT.lastIndex = at;
    if (!FOOTNOTE_LABEL_AT.test(this.text) || FOOTNOTE_LABEL_AT.lastIndex > this.cursor.lineEnd) return false;
    this.openContainer(matched, ContainerKind.Footnote, 4, true);
    const cursor = this.cursor;
    cursor.advanceNextNonspace();
    cursor.advanceOffset(FOOTNOTE_LABEL_AT.lastIndex - at, false);
    return true;
  }

  private openContainer(matched: number, kind: ContainerKind, indent: number, hasContent: boolean): void {
    this.closeUnmatched(matched);
    this.closeLeaf();
    this.markContent();
    this.containers.push({ kind, indent, hasContent });
  }

  /** Closes the blocks the current line did not continue (once per line). */
  private closeUnmatched(matched: number): void {
    if (this.allClosed) return;
    this.closeLeaf();
    this.containers.length = matched;
    this.allClosed = true;
  }

  private markContent(): void {
    const containers = this.containers;
    for (let i = containers.length - 1; i >= 0 && !containers[i].hasContent; i--) containers[i].hasContent = true;
  }

  private innermostKind(): ProseBlockKind {
    const innermost = this.containers[this.containers.length - 1];
    if (!innermost) return 'paragraph';
    if (innermost.kind === ContainerKind.Quote) return 'blockquote';
    return innermost.kind === ContainerKind.Item ? 'listItem' : 'footnote';
  }

  private closeLeaf(): void {
    switch (this.leaf) {
      case Leaf.Paragraph:
        this.emitParagraph(this.paragraphSegments, this.paragraphStart, this.paragraphKind);
        this.paragraphSegments = [];
        break;
      case Leaf.Fenced:
      case Leaf.Indented:
        this.sink.code(this.leafStart, this.leafEnd);
        break;
      case Leaf.Html:
        this.sink.html(this.leafStart, this.leafEnd);
        break;
    }
    this.leaf = Leaf.None;
  }

  private emitParagraph(segments: number[], start: number, kind: ProseBlockKind): void {
    const definitions = definitionLineCount(this.text, segments);
    if (definitions * 2 >= segments.length) return;
    const content = definitions === 0 ? segments : segments.slice(definitions * 2);
    this.sink.prose(kind, definitions === 0 ? start : content[0], content[content.length - 1], content);
  }
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
