// Turns document offsets into the 1-based line and column numbers editors and CI tools show.

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, counted in UTF-16 code units (as VS Code counts them). */
  column: number;
}

/** Line starts of one text, so each lookup is a binary search rather than a scan. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    const starts = this.starts;
    if (text.indexOf('\r') === -1) {
      // The common case, LF only: the native search is far faster than a loop over every character.
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
      return;
    }
    // LF, CRLF and a lone CR each end one line.
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) {
        starts.push(i + 1);
      } else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  }
}
