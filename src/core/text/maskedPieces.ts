// The masked text of a re-parsed document, kept as pieces of earlier masked texts until someone
// reads the whole of it.
//
// Why: a re-parse after a one-character edit used to join the previous masked text around the
// re-masked region into one new string. The first read of that string copies the whole document
// into fresh memory, which on some machines costs as much as the rest of the re-check together
// (page faults on every new page). The incremental path reads only a few characters and the
// edited blocks, so it reads them from the pieces; `ProseModel.masked` is joined only when read.

/** A text made of pieces; each piece is a slice of a flat string, so reading one never copies. */
export class MaskedPieces {
  /** Cumulative start offset of each piece. */
  private readonly starts: number[];
  readonly length: number;

  constructor(readonly pieces: readonly string[]) {
    const starts: number[] = new Array(pieces.length);
    let at = 0;
    for (let i = 0; i < pieces.length; i++) {
      starts[i] = at;
      at += pieces[i].length;
    }
    this.starts = starts;
    this.length = at;
  }

  /** Index of the piece holding `offset` (the last piece for the end of the text). */
  private pieceAt(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Like `string.slice(start, end)` with 0 <= start <= end <= length. */
  slice(start: number, end: number): string {
    if (start >= end) return '';
    let i = this.pieceAt(start);
    const first = this.pieces[i];
    const firstStart = this.starts[i];
    if (end - firstStart <= first.length) return first.slice(start - firstStart, end - firstStart);
    let out = first.slice(start - firstStart);
    for (i++; i < this.pieces.length; i++) {
      const piece = this.pieces[i];
      const pieceStart = this.starts[i];
      if (end - pieceStart <= piece.length) return out + piece.slice(0, end - pieceStart);
      out += piece;
    }
    return out;
  }

  /** Like `string.charAt(offset)`: empty outside the text. */
  charAt(offset: number): string {
    if (offset < 0 || offset >= this.length) return '';
    const i = this.pieceAt(offset);
    return this.pieces[i][offset - this.starts[i]];
  }

  /** The pieces of this text with [from, oldTo) replaced by `region`. */
  splice(from: number, oldTo: number, region: string): MaskedPieces {
    const next: string[] = [];
    for (let i = 0; i < this.pieces.length; i++) {
      const piece = this.pieces[i];
      const start = this.starts[i];
      const end = start + piece.length;
      if (end <= from) next.push(piece);
      else if (start < from) next.push(piece.slice(0, from - start));
    }
    if (region.length > 0) next.push(region);
    for (let i = this.pieceAt(oldTo); i < this.pieces.length; i++) {
      const piece = this.pieces[i];
      const start = this.starts[i];
      if (start + piece.length <= oldTo) continue;
      next.push(start >= oldTo ? piece : piece.slice(oldTo - start));
    }
    return new MaskedPieces(next);
  }

  /** The whole text as one string. */
  join(): string {
    return this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
  }
}

/** Reading the masked text; a string is one, and so is MaskedPieces. */
export interface MaskedReader {
  readonly length: number;
  charAt(offset: number): string;
  slice(start: number, end: number): string;
}

// Models whose masked text is (still) in pieces, registered by the parser that made them.
const piecesByModel = new WeakMap<object, MaskedPieces>();

export function registerMaskedPieces(model: object, pieces: MaskedPieces): void {
  piecesByModel.set(model, pieces);
}

/** The model's masked text, read without joining it when it is still in pieces. */
export function maskedReaderOf(model: { masked: string }): MaskedReader {
  return piecesByModel.get(model) ?? model.masked;
}
