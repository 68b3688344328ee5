// Builds the masked text: prose kept as written, everything else blanked, line breaks kept.
// Works on a UTF-16 buffer: many small string pieces or regex replaces cost far more.

const SPACE = 0x20;
const LF = 0x0a;
const CR = 0x0d;
const decoder = new TextDecoder('utf-16le');
const SURROGATE = /[\uD800-\uDFFF]/;
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

interface HostBufferView {
  write(text: string, offset: number, length: number, encoding: string): number;
  toString(encoding: string): string;
}
interface HostBuffer {
  from(buffer: ArrayBufferLike, offset: number, length: number): HostBufferView;
}
// Node's Buffer decodes UTF-16 about twenty times faster than its TextDecoder and keeps lone
// surrogates, and copies a string's code units in natively; it is looked up, never imported, so
// browsers fall back to TextDecoder and a loop.
const hostBuffer = (globalThis as { Buffer?: HostBuffer }).Buffer;

// The code units are written to one buffer kept between calls: fresh memory is slow to touch on
// some machines (page faults), and the buffer is copied into the string anyway.
const KEEP_BUFFER_UP_TO = 4 * 1024 * 1024;
let scratch = new Uint16Array(0);

function bufferFor(length: number): Uint16Array {
  if (scratch.length >= length) return scratch;
  const buffer = new Uint16Array(Math.max(length, Math.min(KEEP_BUFFER_UP_TO, scratch.length * 2)));
  if (buffer.length <= KEEP_BUFFER_UP_TO) scratch = buffer;
  return buffer;
}

/** `kept` holds flat, sorted, non-overlapping [start, end) pairs of prose in `text`. */
export function buildMasked(text: string, kept: number[]): string {
  return buildMaskedRange(text, kept, 0, text.length);
}

/** The masked text of [from, to) only; `kept` pairs must lie inside it. */
export function buildMaskedRange(text: string, kept: number[], from: number, to: number): string {
  const length = to - from;
  const out = bufferFor(length);
  if (littleEndian && hostBuffer) {
    // Most of a bulletin is prose: copy the whole range in natively (UTF-16 code units as they
    // are, lone surrogates included), then blank the gaps between kept pairs.
    const view = hostBuffer.from(out.buffer, 0, length * 2);
    view.write(from === 0 && to === text.length ? text : text.slice(from, to), 0, length * 2, 'utf16le');
    let at = 0;
    for (let k = 0; k <= kept.length; k += 2) {
      const gapEnd = k < kept.length ? kept[k] - from : length;
      for (; at < gapEnd; at++) {
        const c = out[at];
        if (c !== LF && c !== CR) out[at] = SPACE;
      }
      if (k < kept.length) at = kept[k + 1] - from;
    }
    return view.toString('utf16le');
  }
  let at = from;
  for (let k = 0; k <= kept.length; k += 2) {
    const gapEnd = k < kept.length ? kept[k] : to;
    for (; at < gapEnd; at++) {
      const c = text.charCodeAt(at);
      out[at - from] = c === LF || c === CR ? c : SPACE;
    }
    if (k === kept.length) break;
    const keepEnd = kept[k + 1];
    for (; at < keepEnd; at++) out[at - from] = text.charCodeAt(at);
  }
  // The decoder would turn lone surrogates into U+FFFD, so text holding any takes the slower path.
  return littleEndian && !SURROGATE.test(text.slice(from, to)) ? decoder.decode(out.subarray(0, length)) : fromCodes(out, length);
}

function fromCodes(codes: Uint16Array, length: number): string {
  const parts: string[] = [];
  for (let i = 0; i < length; i += 8192) {
    parts.push(String.fromCharCode(...codes.subarray(i, Math.min(i + 8192, length))));
  }
  return parts.join('');
}
