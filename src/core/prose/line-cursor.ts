// A position within one source line that understands tab stops, as CommonMark's indentation rules need.

const TAB = 0x09;
const SPACE = 0x20;

export function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

export class LineCursor {
  lineStart = 0;
  lineEnd = 0;
  offset = 0;
  column = 0;
  /** True when the cursor stands inside a tab that has been only partly consumed as indentation. */
  partialTab = false;
  nextNonspace = 0;
  nextNonspaceColumn = 0;
  indent = 0;
  blank = false;
  /** Whether nextNonspace is known for this line; it stays valid while the cursor has not passed it. */
  private scanned = false;

  constructor(readonly text: string) {}

  startLine(start: number, end: number): void {
    this.lineStart = start;
    this.lineEnd = end;
    this.offset = start;
    this.column = 0;
    this.partialTab = false;
    this.scanned = false;
  }

  /** Code unit at the cursor, or -1 at the end of the line. */
  peek(): number {
    return this.offset < this.lineEnd ? this.text.charCodeAt(this.offset) : -1;
  }

  findNextNonspace(): void {
    if (this.scanned && this.offset <= this.nextNonspace) {
      // Deeply nested containers re-ask after each small step; the answer has not moved.
      this.indent = this.nextNonspaceColumn - this.column;
      return;
    }
    this.scanned = true;
    const text = this.text;
    let i = this.offset;
    let cols = this.column;
    while (i < this.lineEnd) {
      const c = text.charCodeAt(i);
      if (c === SPACE) cols++;
      else if (c === TAB) cols += 4 - (cols % 4);
      else break;
      i++;
    }
    this.nextNonspace = i;
    this.nextNonspaceColumn = cols;
    this.indent = cols - this.column;
    this.blank = i >= this.lineEnd;
  }

  advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
    this.partialTab = false;
  }

  /** Moves on `count` characters, or `count` columns when `columns` is set (tabs may be split). */
  advanceOffset(count: number, columns: boolean): void {
    const text = this.text;
    while (count > 0 && this.offset < this.lineEnd) {
      if (text.charCodeAt(this.offset) === TAB) {
        const toTabStop = 4 - (this.column % 4);
        if (columns) {
          this.partialTab = toTabStop > count;
          const step = Math.min(count, toTabStop);
          this.column += step;
          if (!this.partialTab) this.offset++;
          count -= step;
        } else {
          this.partialTab = false;
          this.column += toTabStop;
          this.offset++;
          count--;
        }
      } else {
        this.partialTab = false;
        this.offset++;
        this.column++;
        count--;
      }
    }
  }
}
