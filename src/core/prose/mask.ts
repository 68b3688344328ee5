// Builds the masked text: prose kept as written, everything else blanked, line breaks kept.

const SPACES: string[] = [];
for (let i = 0, run = ''; i <= 64; i++, run += ' ') SPACES.push(run);

function spaces(count: number): string {
  return count <= 64 ? SPACES[count] : ' '.repeat(count);
}

/** `kept` holds flat, sorted, non-overlapping [start, end) pairs of prose in `text`. */
export function buildMasked(text: string, kept: number[]): string {
  const parts: string[] = [];
  let nextLf = -2;
  let nextCr = -2;
  let at = 0;
  const blank = (end: number): void => {
    // Blank [at, end), keeping every \n and \r where it stands.
    while (at < end) {
      if (nextLf !== -1 && nextLf < at) nextLf = text.indexOf('\n', at);
      if (nextCr !== -1 && nextCr < at) nextCr = text.indexOf('\r', at);
      let lineBreak = nextLf === -1 ? nextCr : nextCr === -1 ? nextLf : Math.min(nextLf, nextCr);
      if (lineBreak === -1 || lineBreak >= end) lineBreak = end;
      if (lineBreak > at) parts.push(spaces(lineBreak - at));
      if (lineBreak < end) parts.push(text[lineBreak]);
      at = lineBreak + 1;
    }
    at = end;
  };
  for (let i = 0; i < kept.length; i += 2) {
    blank(kept[i]);
    parts.push(text.slice(kept[i], kept[i + 1]));
    at = kept[i + 1];
  }
  blank(text.length);
  return parts.join('');
}
