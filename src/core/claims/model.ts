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
  const k = model.labels.length;
  const scores = new Array<number>(k).fill(0);
  const { indices, values } = vector;
  const w = model.weights;
  for (let i = 0; i < indices.length; i++) {
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
