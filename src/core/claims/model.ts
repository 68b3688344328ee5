// The linear model's weights and their compact shipped form: kept buckets as delta-coded varints
// and weights as signed bytes with one scale, both base64, so model.json stays small.
import type { ClaimLabel } from '../types';
import type { FeatureConfig, FeatureVector } from './features';
import { loadTrees, type SerialisedTrees, type TreeModel } from './model-trees';

export const CLAIM_LABELS: ClaimLabel[] = ['none', 'correlational', 'conditional_causal', 'direct_causal'];

export interface SerialisedModel {
  format: 'bulletin-checker-claims/1';
  labels: ClaimLabel[];
  config: FeatureConfig;
  /** Quantised weight q stands for q * scale. */
  scale: number;
  bias: number[];
  /** Base64 of LEB128 gaps between kept bucket numbers. */
  buckets: string;
  /** Base64 of int8 weights, labels.length per kept bucket. */
  weights: string;
  /** How the weights were made, for people reading the file. */
  provenance: Record<string, unknown>;
  /** Boosted trees stacked on the linear scores, when trained with them. */
  trees?: SerialisedTrees;
}

export interface LinearModel {
  labels: ClaimLabel[];
  config: FeatureConfig;
  /** Row-major: bucket * labels.length + label; shipped models keep signed bytes (cache-friendly). */
  weights: Float32Array | Int8Array;
  /** Each stored weight stands for weight * scale. */
  scale: number;
  bias: Float64Array;
  /** Boosted trees that turn the linear scores and cue features into the final probabilities. */
  trees?: TreeModel;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

export function decodeBase64(text: string): Uint8Array {
  let length = text.length;
  while (length > 0 && text[length - 1] === '=') length--;
  const bytes = new Uint8Array(Math.floor((length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < length; i++) {
    const v = DECODE[text.charCodeAt(i)];
    if (v < 0) throw new Error('Claim model: invalid base64');
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[j++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

/** Rebuilds the dense weight table from the shipped form. */
export function loadModel(serialised: SerialisedModel): LinearModel {
  const k = serialised.labels.length;
  const size = 1 << serialised.config.hashBits;
  const weights = new Int8Array(size * k);
  const gaps = decodeBase64(serialised.buckets);
  const quantised = new Int8Array(decodeBase64(serialised.weights).buffer);
  let bucket = -1;
  let w = 0;
  for (let i = 0; i < gaps.length; ) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = gaps[i++];
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    bucket += gap;
    for (let c = 0; c < k; c++) weights[bucket * k + c] = quantised[w++];
  }
  const trees = serialised.trees ? loadTrees(serialised.trees) : undefined;
  return { labels: serialised.labels, config: serialised.config, weights, scale: serialised.scale, bias: Float64Array.from(serialised.bias), trees };
}

/** Keeps buckets whose largest weight reaches `threshold` and quantises them to signed bytes. */
export function serialiseModel(model: LinearModel, threshold: number, provenance: Record<string, unknown>): SerialisedModel {
  const k = model.labels.length;
  const size = 1 << model.config.hashBits;
  let max = 0;
  for (const v of model.weights) max = Math.max(max, Math.abs(v * model.scale));
  const scale = max / 127 || 1;
  const gaps: number[] = [];
  const quantised: number[] = [];
  let previous = -1;
  for (let b = 0; b < size; b++) {
    let keep = false;
    for (let c = 0; c < k; c++) if (Math.abs(model.weights[b * k + c] * model.scale) >= threshold) keep = true;
    if (!keep) continue;
    let gap = b - previous;
    previous = b;
    do {
      gaps.push((gap & 0x7f) | (gap > 0x7f ? 0x80 : 0));
      gap >>>= 7;
    } while (gap > 0);
    for (let c = 0; c < k; c++) quantised.push(Math.round((model.weights[b * k + c] * model.scale) / scale));
  }
  const round = (v: number) => Number(v.toPrecision(6));
  return {
    format: 'bulletin-checker-claims/1',
    labels: model.labels,
    config: model.config,
    scale: round(scale),
    bias: Array.from(model.bias, round),
    buckets: encodeBase64(Uint8Array.from(gaps)),
    weights: encodeBase64(new Uint8Array(Int8Array.from(quantised).buffer)),
    provenance,
    ...(model.trees ? { trees: model.trees.serialised } : {}),
  };
}

/** Softmax probabilities of each label, in `model.labels` order. */
export function predictProbabilities(model: LinearModel, vector: FeatureVector): number[] {
  return scoreFeatures(model, vector.indices, vector.values, vector.indices.length);
}

/**
 * predictProbabilities over the first `count` (bucket, value) pairs of two parallel arrays, such as
 * the classifier's reused FeatureBuffer. Sums in the same order as always, so the figures are the same
 * to the last bit.
 */
export function scoreFeatures(model: LinearModel, indices: ArrayLike<number>, values: ArrayLike<number>, count: number): number[] {
  const k = model.labels.length;
  if (k === 4) return scoreFour(model, indices, values, count);
  const scores = new Array<number>(k).fill(0);
  const w = model.weights;
  for (let i = 0; i < count; i++) {
    const base = indices[i] * k;
    const v = values[i];
    for (let c = 0; c < k; c++) scores[c] += w[base + c] * v;
  }
  for (let c = 0; c < k; c++) scores[c] = scores[c] * model.scale + model.bias[c];
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  let total = 0;
  for (let c = 0; c < k; c++) {
    scores[c] = Math.exp(scores[c] - max);
    total += scores[c];
  }
  for (let c = 0; c < k; c++) scores[c] /= total;
  return scores;
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
let viewedWeights: LinearModel['weights'] | undefined;
let viewedBits = -1;
let weightWords: Int32Array | undefined;

/**
 * A bucket's four signed-byte weights as one 32-bit word (a view on the same memory, so it always
 * agrees with the array), when the table has exactly the model's buckets: one load per feature
 * instead of four. Remembered for the last table seen, which is almost always the shipped one.
 */
function wordsOf(model: LinearModel): Int32Array | undefined {
  const w = model.weights;
  const bits = model.config.hashBits;
  if (w !== viewedWeights || bits !== viewedBits) {
    viewedWeights = w;
    viewedBits = bits;
    const whole = w instanceof Int8Array && w.byteOffset % 4 === 0 && w.length === 4 * 2 ** bits;
    weightWords = LITTLE_ENDIAN && whole ? new Int32Array(w.buffer, w.byteOffset, w.length / 4) : undefined;
  }
  return weightWords;
}

/** The four-label case (every shipped model) with the running sums in locals rather than an array. */
function scoreFour(model: LinearModel, indices: ArrayLike<number>, values: ArrayLike<number>, count: number): number[] {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  // Only for the classifier's Int32Array of masked bucket numbers; other index lists keep the plain
  // loop, so whatever they hold is read exactly as before.
  const words = indices instanceof Int32Array ? wordsOf(model) : undefined;
  if (words !== undefined) {
    for (let i = 0; i < count; i++) {
      const x = words[indices[i]];
      const v = values[i];
      if (x === undefined) {
        // Out of range: the plain loop would read undefined weights, so make the same NaN.
        s0 = s1 = s2 = s3 = NaN;
        continue;
      }
      // Byte c of the little-endian word is label c's weight; the shifts sign-extend it.
      s0 += ((x << 24) >> 24) * v;
      s1 += ((x << 16) >> 24) * v;
      s2 += ((x << 8) >> 24) * v;
      s3 += (x >> 24) * v;
    }
  } else {
    const w = model.weights;
    for (let i = 0; i < count; i++) {
      const base = indices[i] * 4;
      const v = values[i];
      s0 += w[base] * v;
      s1 += w[base + 1] * v;
      s2 += w[base + 2] * v;
      s3 += w[base + 3] * v;
    }
  }
  const { scale, bias } = model;
  s0 = s0 * scale + bias[0];
  s1 = s1 * scale + bias[1];
  s2 = s2 * scale + bias[2];
  s3 = s3 * scale + bias[3];
  const max = Math.max(Math.max(Math.max(Math.max(-Infinity, s0), s1), s2), s3);
  const e0 = Math.exp(s0 - max);
  const e1 = Math.exp(s1 - max);
  const e2 = Math.exp(s2 - max);
  const e3 = Math.exp(s3 - max);
  const total = 0 + e0 + e1 + e2 + e3;
  return [e0 / total, e1 / total, e2 / total, e3 / total];
}
