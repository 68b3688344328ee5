// Experiment: a small MLP ensemble on the shipped sparse features (hashed stems + cue features),
// alone and averaged with the shipped logistic regression, scored by dev 5-fold CV on the same
// folds as scripts/train-claims.ts, product rules applied as shipped. Dev only; nothing in src/ changes.
//   npx tsx scripts/experiments/mlp-cv.ts
//   MLP='{"hidden":128,"seeds":5}' npx tsx scripts/experiments/mlp-cv.ts   (settings as JSON patch)
import type { ClaimLabel } from '../../src/core/types';
import { extractFeatures, type FeatureVector } from '../../src/core/claims/features';
import { CLAIM_LABELS, loadModel, predictProbabilities, serialiseModel } from '../../src/core/claims/model';
import { classifyWithModel } from '../../src/core/claims/classifier';
import { CHOSEN, PRUNE_THRESHOLD, foldOf, readDevOrSkip, score, trainModel } from '../train-claims';
import { passThrough } from './cv-common';

export interface MlpSettings {
  hidden: number;
  seeds: number;
  inputDropout: number;
  hiddenDropout: number;
  learningRate: number;
  batch: number;
  maxEpochs: number;
  patience: number;
  /** Class weight = (n / (k * count))^power. */
  classWeightPower: number;
  /** Buckets seen in fewer training sentences than this get no row (keeps the model small). */
  minCount: number;
  /** Share of the training fold held back for early stopping. */
  innerShare: number;
  l2: number;
  seed: number;
}

export const MLP_DEFAULTS: MlpSettings = {
  hidden: 64,
  seeds: 3,
  inputDropout: 0.2,
  hiddenDropout: 0.5,
  learningRate: 0.002,
  batch: 16,
  maxEpochs: 30,
  patience: 4,
  classWeightPower: 0.5,
  minCount: 1,
  innerShare: 0.1,
  l2: 0,
  seed: 20190801,
};

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Mlp {
  /** Bucket -> row of w1, or -1. */
  rowOf: Map<number, number>;
  hidden: number;
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

const K = CLAIM_LABELS.length;

/** Class probabilities from one MLP: embedding-bag sum of active rows, ReLU, linear, softmax. */
export function mlpProbabilities(m: Mlp, v: FeatureVector, out = new Float64Array(K)): Float64Array {
  const H = m.hidden;
  const z = Float64Array.from(m.b1);
  for (let f = 0; f < v.indices.length; f++) {
    const row = m.rowOf.get(v.indices[f]);
    if (row === undefined) continue;
    const base = row * H;
    const x = v.values[f];
    for (let h = 0; h < H; h++) z[h] += m.w1[base + h] * x;
  }
  for (let c = 0; c < K; c++) out[c] = m.b2[c];
  for (let h = 0; h < H; h++) {
    if (z[h] <= 0) continue;
    for (let c = 0; c < K; c++) out[c] += z[h] * m.w2[h * K + c];
  }
  softmaxInPlace(out);
  return out;
}

function softmaxInPlace(s: Float64Array): void {
  let max = -Infinity;
  for (let c = 0; c < K; c++) max = Math.max(max, s[c]);
  let total = 0;
  for (let c = 0; c < K; c++) total += s[c] = Math.exp(s[c] - max);
  for (let c = 0; c < K; c++) s[c] /= total;
}

/** Trains one MLP with Adam (lazy on the embedding rows), dropout and early stopping on an inner split. */
export function trainMlp(vectors: FeatureVector[], targets: number[], s: MlpSettings, seed: number): Mlp {
  const random = mulberry32(seed);
  const n = vectors.length;
  // Inner split, stratified, drawn per seed so the ensemble members see different data.
  const inner = new Uint8Array(n);
  for (let c = 0; c < K; c++) {
    const members = targets.map((t, i) => (t === c ? i : -1)).filter((i) => i >= 0);
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j], members[i]];
    }
    const held = Math.round(members.length * s.innerShare);
    for (let i = 0; i < held; i++) inner[members[i]] = 1;
  }
  const trainIdx = [...Array(n).keys()].filter((i) => !inner[i]);
  const innerIdx = [...Array(n).keys()].filter((i) => inner[i]);
  // Rows only for buckets seen often enough in the training part.
  const counts = new Map<number, number>();
  for (const i of trainIdx) for (const b of new Set(vectors[i].indices)) counts.set(b, (counts.get(b) ?? 0) + 1);
  const rowOf = new Map<number, number>();
  for (const [b, c] of [...counts].sort((a, b) => a[0] - b[0])) if (c >= s.minCount) rowOf.set(b, rowOf.size);
  const V = rowOf.size;
  const H = s.hidden;
  const rows = vectors.map((v) => {
    const ids: number[] = [];
    const vals: number[] = [];
    v.indices.forEach((b, f) => {
      const r = rowOf.get(b);
      if (r !== undefined) {
        ids.push(r);
        vals.push(v.values[f]);
      }
    });
    return { ids: Int32Array.from(ids), vals: Float64Array.from(vals) };
  });
  const classCount = new Array(K).fill(0);
  for (const i of trainIdx) classCount[targets[i]]++;
  const cw = classCount.map((c) => Math.pow(trainIdx.length / (K * Math.max(c, 1)), s.classWeightPower));

  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  let avgActive = 0;
  for (const i of trainIdx) avgActive += rows[i].ids.length / trainIdx.length;
  const w1 = new Float32Array(V * H).map(() => gauss() * Math.sqrt(1 / avgActive));
  const b1 = new Float32Array(H);
  const w2 = new Float32Array(H * K).map(() => gauss() * Math.sqrt(2 / H));
  const b2 = new Float32Array(K);
  const params = [w1, b1, w2, b2];
  const m1 = params.map((p) => new Float32Array(p.length));
  const m2 = params.map((p) => new Float32Array(p.length));
  const grads = params.map((p) => new Float32Array(p.length));
  const touched = new Uint8Array(V);
  const touchedList: number[] = [];
  const beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  let step = 0;

  const z = new Float64Array(H);
  const a = new Float64Array(H);
  const dz = new Float64Array(H);
  const o = new Float64Array(K);
  const keepIn = 1 - s.inputDropout;
  const keepHid = 1 - s.hiddenDropout;
  const mask = new Float64Array(H);

  const applyAdam = () => {
    step++;
    const bc1 = 1 - Math.pow(beta1, step);
    const bc2 = 1 - Math.pow(beta2, step);
    const lr = (s.learningRate * Math.sqrt(bc2)) / bc1;
    const update = (p: number, i: number) => {
      const g = grads[p][i] + s.l2 * params[p][i];
      m1[p][i] = beta1 * m1[p][i] + (1 - beta1) * g;
      m2[p][i] = beta2 * m2[p][i] + (1 - beta2) * g * g;
      params[p][i] -= (lr * m1[p][i]) / (Math.sqrt(m2[p][i]) + eps);
      grads[p][i] = 0;
    };
    for (const r of touchedList) {
      touched[r] = 0;
      for (let h = 0; h < H; h++) update(0, r * H + h);
    }
    touchedList.length = 0;
    for (let p = 1; p < 4; p++) for (let i = 0; i < params[p].length; i++) update(p, i);
  };

  const current = (): Mlp => ({ rowOf, hidden: H, w1, b1, w2, b2 });
  const innerLoss = () => {
    let loss = 0;
    let weight = 0;
    const p = new Float64Array(K);
    for (const i of innerIdx) {
      mlpProbabilities(current(), vectors[i], p);
      loss -= cw[targets[i]] * Math.log(p[targets[i]] + 1e-12);
      weight += cw[targets[i]];
    }
    return loss / weight;
  };

  let best = Infinity;
  let bestParams = params.map((p) => Float32Array.from(p));
  let sinceBest = 0;
  const order = [...trainIdx];
  for (let epoch = 0; epoch < s.maxEpochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let start = 0; start < order.length; start += s.batch) {
      const end = Math.min(order.length, start + s.batch);
      const scaleBatch = 1 / (end - start);
      for (let q = start; q < end; q++) {
        const r = order[q];
        const { ids, vals } = rows[r];
        // Input dropout: each active feature kept with probability keepIn, rescaled.
        const keep: number[] = [];
        for (let f = 0; f < ids.length; f++) if (random() < keepIn) keep.push(f);
        for (let h = 0; h < H; h++) z[h] = b1[h];
        for (const f of keep) {
          const base = ids[f] * H;
          const x = vals[f] / keepIn;
          for (let h = 0; h < H; h++) z[h] += w1[base + h] * x;
        }
        for (let h = 0; h < H; h++) {
          mask[h] = random() < keepHid ? 1 / keepHid : 0;
          a[h] = z[h] > 0 ? z[h] * mask[h] : 0;
        }
        for (let c = 0; c < K; c++) o[c] = b2[c];
        for (let h = 0; h < H; h++) if (a[h] !== 0) for (let c = 0; c < K; c++) o[c] += a[h] * w2[h * K + c];
        softmaxInPlace(o);
        const t = targets[r];
        const wgt = cw[t] * scaleBatch;
        for (let c = 0; c < K; c++) o[c] = wgt * (o[c] - (c === t ? 1 : 0));
        for (let c = 0; c < K; c++) grads[3][c] += o[c];
        for (let h = 0; h < H; h++) {
          let d = 0;
          for (let c = 0; c < K; c++) {
            grads[2][h * K + c] += a[h] * o[c];
            d += w2[h * K + c] * o[c];
          }
          dz[h] = z[h] > 0 ? d * mask[h] : 0;
          grads[1][h] += dz[h];
        }
        for (const f of keep) {
          const row = ids[f];
          if (!touched[row]) {
            touched[row] = 1;
            touchedList.push(row);
          }
          const base = row * H;
          const x = vals[f] / keepIn;
          for (let h = 0; h < H; h++) grads[0][base + h] += dz[h] * x;
        }
      }
      applyAdam();
    }
    const loss = innerLoss();
    if (loss < best - 1e-5) {
      best = loss;
      bestParams = params.map((p) => Float32Array.from(p));
      sinceBest = 0;
    } else if (++sinceBest >= s.patience) break;
  }
  const [bw1, bb1, bw2, bb2] = bestParams;
  return { rowOf, hidden: H, w1: bw1, b1: bb1, w2: bw2, b2: bb2 };
}

function labelOf(p: ArrayLike<number>): ClaimLabel {
  let best = 0;
  for (let c = 1; c < K; c++) if (p[c] > p[best]) best = c;
  return CLAIM_LABELS[best];
}

function report(name: string, gold: ClaimLabel[], predicted: ClaimLabel[]): string {
  const s = score(gold, predicted);
  const per = CLAIM_LABELS.map((l) => s.perClassF1[l].toFixed(3)).join(' / ');
  return `${name.padEnd(34)} macro-F1 ${s.macroF1.toFixed(4)}  acc ${s.accuracy.toFixed(4)}  F1 ${per}`;
}

function main(): void {
  const dev = readDevOrSkip();
  if (!dev) return;
  const settings: MlpSettings = { ...MLP_DEFAULTS, ...JSON.parse(process.env.MLP ?? '{}') };
  const weights: number[] = JSON.parse(process.env.MIX ?? '[0.5]');
  const config = CHOSEN.features;
  const vectors = dev.map((r) => extractFeatures(r.sentence, config));
  const targets = dev.map((r) => CLAIM_LABELS.indexOf(r.label));
  const fold = foldOf(dev, 5);
  const toModel = passThrough(config);
  const mlpOut: Float64Array[] = new Array(dev.length);
  const lrOut: number[][] = new Array(dev.length);
  const t0 = performance.now();
  for (let f = 0; f < 5; f++) {
    const trainIdx = dev.map((_, i) => i).filter((i) => fold[i] !== f);
    const tv = trainIdx.map((i) => vectors[i]);
    const tt = trainIdx.map((i) => targets[i]);
    const nets = Array.from({ length: settings.seeds }, (_, k) => trainMlp(tv, tt, settings, settings.seed + 1000 * f + k));
    const lr = process.env.NO_LR ? undefined : loadModel(serialiseModel(trainModel(trainIdx.map((i) => dev[i]), CHOSEN, tv), PRUNE_THRESHOLD, {}));
    dev.forEach((_, i) => {
      if (fold[i] !== f) return;
      const avg = new Float64Array(K);
      for (const net of nets) {
        const p = mlpProbabilities(net, vectors[i]);
        for (let c = 0; c < K; c++) avg[c] += p[c] / nets.length;
      }
      mlpOut[i] = avg;
      if (lr) lrOut[i] = predictProbabilities(lr, vectors[i]);
    });
    console.error(`fold ${f} done (${((performance.now() - t0) / 1000).toFixed(1)} s, rows ${nets[0].rowOf.size})`);
  }
  const gold = dev.map((r) => r.label);
  const withRules = (p: ArrayLike<number>, i: number) => classifyWithModel(toModel(p), dev[i].sentence).label;
  console.log(`settings ${JSON.stringify(settings)}`);
  console.log(report('MLP ensemble, raw', gold, mlpOut.map(labelOf)));
  console.log(report('MLP ensemble + product rules', gold, mlpOut.map(withRules)));
  if (!process.env.NO_LR) {
    console.log(report('LR (shipped settings) + rules', gold, lrOut.map(withRules)));
    for (const w of weights) {
      const mixed = mlpOut.map((p, i) => p.map((x, c) => w * x + (1 - w) * lrOut[i][c]));
      console.log(report(`MLP x${w} + LR x${Number((1 - w).toFixed(2))} + rules`, gold, mixed.map(withRules)));
    }
  }
}

if (require.main === module) main();
