// Line starts of a text, so offsets become lines and columns by binary search. Shared by the CLI's
// output, the claims report, suppression comments and the extension's workspace check.

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

  /** 0-based line holding `offset`. */
  lineOf(offset: number): number {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Offset where a 0-based line starts. */
  startOf(line: number): number {
    return this.starts[line];
  }

  /** 1-based line and column, as editors and CI tools show them. */
  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.starts[line] + 1 };
  }
}
