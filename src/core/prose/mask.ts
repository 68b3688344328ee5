// Builds the masked text: prose kept as written, everything else blanked, line breaks kept.
// Works on a UTF-16 buffer: many small string pieces or regex replaces cost far more.

const SPACE = 0x20;
const LF = 0x0a;
const CR = 0x0d;
const decoder = new TextDecoder('utf-16le');
const SURROGATE = /[\uD800-\uDFFF]/;
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** `kept` holds flat, sorted, non-overlapping [start, end) pairs of prose in `text`. */
export function buildMasked(text: string, kept: number[]): string {
  const length = text.length;
  const out = new Uint16Array(length);
  let at = 0;
  for (let k = 0; k <= kept.length; k += 2) {
    const gapEnd = k < kept.length ? kept[k] : length;
    for (; at < gapEnd; at++) {
      const c = text.charCodeAt(at);
      out[at] = c === LF || c === CR ? c : SPACE;
    }
    if (k === kept.length) break;
    const keepEnd = kept[k + 1];
    for (; at < keepEnd; at++) out[at] = text.charCodeAt(at);
  }
  // The decoder would turn lone surrogates into U+FFFD, so text holding any takes the slower path.
  return littleEndian && !SURROGATE.test(text) ? decoder.decode(out) : fromCodes(out);
}

function fromCodes(codes: Uint16Array): string {
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += 8192) {
    parts.push(String.fromCharCode(...codes.subarray(i, Math.min(i + 8192, codes.length))));
  }
  return parts.join('');
}
