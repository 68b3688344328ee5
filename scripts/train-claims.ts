// Trains the claim classifier on dev.tsv only and writes src/core/claims/model.json.
//   npm run train:claims            train with the chosen settings and write the model
//   npm run train:claims -- --cv    5-fold cross-validation on dev for each candidate setting
// Deterministic: fixed seed, fixed fold assignment, no clock or randomness from outside.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClaimLabel } from '../src/core/types';
import { extractFeatures, hashString, type FeatureConfig, type FeatureVector } from '../src/core/claims/features';
import { CLAIM_LABELS, loadModel, predictProbabilities, serialiseModel, type LinearModel } from '../src/core/claims/model';
import { loadTrees, treeInputs, type SerialisedTrees } from '../src/core/claims/model-trees';
import { classifyWithModel } from '../src/core/claims/classifier';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/data/causal/pubmed');
export const MODEL_PATH = path.join(REPO_ROOT, 'src/core/claims/model.json');

export interface LabelledSentence {
  label: ClaimLabel;
  sentence: string;
  /**
   * A target distribution over CLAIM_LABELS instead of the one-hot label (distillation: a teacher's
   * probabilities for a sentence made from a dev sentence), and how much the row counts.
   */
  soft?: number[];
  weight?: number;
}

export function readLabelledTsv(file: string): LabelledSentence[] {
  const rows: LabelledSentence[] = [];
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim() || line.startsWith('#') || (i === 0 && line.startsWith('label\t'))) continue;
    const tab = line.indexOf('\t');
    const label = line.slice(0, tab) as ClaimLabel;
    if (tab < 0 || !CLAIM_LABELS.includes(label)) throw new Error(`${file}:${i + 1}: expected label<TAB>sentence`);
    rows.push({ label, sentence: line.slice(tab + 1) });
  }
  return rows;
}

export interface TrainSettings {
  features: FeatureConfig;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Class weight = (n / (k * count))^power; 0 turns weighting off. */
  classWeightPower: number;
  seed: number;
  /** Average the weights from this epoch on (Polyak averaging); epochs means no averaging. */
  averageFrom?: number;
  /** Train once per seed and average the weights; 1 trains once. */
  bags?: number;
  /** 'hinge' is a multiclass (Crammer–Singer) SVM loss; default logistic. */
  loss?: 'logistic' | 'hinge';
  /**
   * NB-LR (Wang & Manning 2012): a second weight table sees each feature scaled by its per-label
   * log-count ratio times this factor; both tables fold into one linear model. 0 turns it off.
   */
  nbWeight?: number;
  /** Additive smoothing of the log-count ratios. */
  nbAlpha?: number;
  /** Adds this multiple of a multinomial naive Bayes model's log-probabilities (centred per feature) to the weights. */
  naiveBayes?: number;
  /** Gradient-boosted trees stacked on out-of-fold linear scores and cue features. */
  trees?: { rounds: number; depth: number; shrinkage: number; lambda: number; minCueCount: number; innerFolds: number };
  /** Buckets seen in fewer training sentences than this are ignored (0 or absent: all kept). */
  minCount?: number;
  /** Epochs of cue-only training before the full model starts from those weights; 0 or absent: none. */
  cuesFirst?: number;
  /** Only the NB-scaled table is trained (plain NB-LR rather than NB view beside plain features). */
  nbOnly?: boolean;
  /**
   * Views trained separately on subsets of the features and summed with these weights (a log-linear
   * ensemble, itself one linear model). Each view's features are `features` with its patch applied.
   */
  views?: { features: Partial<FeatureConfig>; weight: number }[];
  /** Drop each n-gram feature with this probability per example (cue features kept), so cues must carry weight. */
  dropout?: number;
}

export const CHOSEN: TrainSettings = {
  features: { hashBits: 18, charMin: 2, charMax: 5, wordWeight: 0, charWeight: 0, cueWeight: 2, stemWeight: 1 },
  epochs: 12,
  learningRate: 0.03,
  l2: 1e-5,
  classWeightPower: 0.5,
  seed: 20190801,
  bags: 3,
};

/** Weights smaller than this are dropped from the shipped file. */
export const PRUNE_THRESHOLD = 0.05;

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

/** Multinomial logistic regression by AdaGrad SGD with class weights and L2 on touched weights. */
const vectorCache = new Map<string, Map<string, FeatureVector>>();

/** Feature vectors of the rows under one configuration, memoised across folds. */
function vectorsFor(rows: LabelledSentence[], config: FeatureConfig): FeatureVector[] {
  const key = JSON.stringify(config);
  let cache = vectorCache.get(key);
  if (!cache) vectorCache.set(key, (cache = new Map()));
  return rows.map((r) => {
    let v = cache!.get(r.sentence);
    if (!v) cache!.set(r.sentence, (v = extractFeatures(r.sentence, config)));
    return v;
  });
}

export function trainModel(rows: LabelledSentence[], settings: TrainSettings, vectors?: FeatureVector[]): LinearModel {
  if (settings.trees) return trainStacked(rows, settings, vectors ?? vectorsFor(rows, settings.features));
  if (settings.views) {
    // Summing the views' scores is a linear model over the union of their features.
    let combined: LinearModel | undefined;
    for (const view of settings.views) {
      const config = { ...settings.features, ...view.features };
      const m = trainModel(rows, { ...settings, views: undefined, features: config }, vectorsFor(rows, config));
      if (!combined) {
        combined = { ...m, config: settings.features, weights: new Float32Array(m.weights.length), bias: new Float64Array(m.bias.length) };
      }
      for (let i = 0; i < m.weights.length; i++) combined.weights[i] += view.weight * m.weights[i];
      for (let c = 0; c < m.bias.length; c++) combined.bias[c] += view.weight * m.bias[c];
    }
    return combined!;
  }
  const data = vectors ?? rows.map((r) => extractFeatures(r.sentence, settings.features));
  const bags = settings.bags ?? 1;
  const models = Array.from({ length: bags }, (_, b) => {
    const seeded = { ...settings, seed: settings.seed + b };
    if (!settings.cuesFirst) return trainOnce(rows, seeded, data);
    // Fit the cue features alone first, so the n-grams only learn what the cues leave unexplained.
    const cueConfig = { ...settings.features, stemWeight: 0, wordWeight: 0, charWeight: 0 };
    const cueModel = trainOnce(rows, { ...seeded, epochs: settings.cuesFirst, features: cueConfig }, vectorsFor(rows, cueConfig));
    return trainOnce(rows, seeded, data, cueModel);
  });
  if (settings.naiveBayes) addNaiveBayes(models, rows, data, settings.naiveBayes, settings.nbAlpha ?? 1, bags);
  if (bags === 1) return models[0];
  const weights = new Float32Array(models[0].weights.length);
  const bias = new Float64Array(models[0].bias.length);
  for (const m of models) {
    for (let i = 0; i < weights.length; i++) weights[i] += m.weights[i] / bags;
    for (let c = 0; c < bias.length; c++) bias[c] += m.bias[c] / bags;
  }
  return { ...models[0], weights, bias };
}

/** Linear model on all rows, plus trees fitted on its out-of-fold scores (inner cross-validation) and the cue features. */
function trainStacked(rows: LabelledSentence[], settings: TrainSettings, vectors: FeatureVector[]): LinearModel {
  const t = settings.trees!;
  const plain: TrainSettings = { ...settings, trees: undefined };
  const shipped = (m: LinearModel) => loadModel(serialiseModel(m, PRUNE_THRESHOLD, {}));
  const fold = foldOf(rows, t.innerFolds);
  const logProbs: number[][] = new Array(rows.length);
  for (let f = 0; f < t.innerFolds; f++) {
    const idx = rows.map((_, i) => i).filter((i) => fold[i] !== f);
    const m = shipped(trainModel(idx.map((i) => rows[i]), plain, idx.map((i) => vectors[i])));
    rows.forEach((_, i) => {
      if (fold[i] === f) logProbs[i] = predictProbabilities(m, vectors[i]).map(Math.log);
    });
  }
  // Cue buckets common enough to split on.
  const counts = new Map<number, number>();
  for (const v of vectors) {
    const seen = new Set(v.indices.slice(v.cueStart ?? v.indices.length));
    for (const b of seen) counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  const cueBuckets = [...counts].filter(([, n]) => n >= t.minCueCount).map(([b]) => b).sort((a, b) => a - b);
  const serialisedShell: SerialisedTrees = { cueBuckets, base: [], trees: [], labels: CLAIM_LABELS.length };
  const shell = loadTrees(serialisedShell);
  const inputs = vectors.map((v, i) => treeInputs(shell, logProbs[i], v));
  const targets = rows.map((r) => CLAIM_LABELS.indexOf(r.label));
  const boosted = boostTrees(inputs, targets, t, settings.classWeightPower);
  const linear = trainModel(rows, plain, vectors);
  return { ...linear, trees: loadTrees({ ...serialisedShell, base: boosted.base, trees: boosted.trees }) };
}

/** Multiclass gradient boosting (softmax loss, second-order leaves) on dense inputs, histogram splits. */
function boostTrees(inputs: Float64Array[], targets: number[], t: NonNullable<TrainSettings['trees']>, classWeightPower: number): { base: number[]; trees: number[][] } {
  const k = CLAIM_LABELS.length;
  const n = inputs.length;
  const d = inputs[0].length;
  // Candidate thresholds per input: midpoints of up to 32 quantiles (binary inputs: 0.5).
  const thresholds: number[][] = [];
  for (let j = 0; j < d; j++) {
    const values = [...new Set(inputs.map((x) => x[j]))].sort((a, b) => a - b);
    const cuts: number[] = [];
    const step = Math.max(1, Math.floor(values.length / 32));
    for (let q = step; q < values.length; q += step) cuts.push((values[q - 1] + values[q]) / 2);
    thresholds.push(cuts);
  }
  const bins = new Uint8Array(n * d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) {
      const cuts = thresholds[j];
      let b = 0;
      while (b < cuts.length && inputs[r][j] > cuts[b]) b++;
      bins[r * d + j] = b;
    }
  }
  const counts = new Array(k).fill(0);
  for (const y of targets) counts[y]++;
  const weight = counts.map((c) => Math.pow(n / (k * Math.max(c, 1)), classWeightPower));
  const base = counts.map((c) => Math.log(Math.max(c, 1) / n));
  const F = new Float64Array(n * k);
  for (let r = 0; r < n; r++) for (let c = 0; c < k; c++) F[r * k + c] = base[c];
  const trees: number[][] = [];
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const all = Array.from({ length: n }, (_, r) => r);
  for (let round = 0; round < t.rounds; round++) {
    const p = new Float64Array(n * k);
    for (let r = 0; r < n; r++) {
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, F[r * k + c]);
      let total = 0;
      for (let c = 0; c < k; c++) total += p[r * k + c] = Math.exp(F[r * k + c] - max);
      for (let c = 0; c < k; c++) p[r * k + c] /= total;
    }
    for (let c = 0; c < k; c++) {
      for (let r = 0; r < n; r++) {
        const w = weight[targets[r]];
        const pc = p[r * k + c];
        g[r] = w * (pc - (targets[r] === c ? 1 : 0));
        h[r] = Math.max(w * pc * (1 - pc), 1e-6);
      }
      const nodes: number[] = [];
      const build = (rowsIn: number[], depth: number): number => {
        const id = nodes.length / 4;
        nodes.push(-1, 0, 0, 0);
        let G = 0;
        let H = 0;
        for (const r of rowsIn) {
          G += g[r];
          H += h[r];
        }
        const leaf = () => {
          nodes[id * 4 + 1] = (-G / (H + t.lambda)) * t.shrinkage;
          return id;
        };
        if (depth >= t.depth || rowsIn.length < 10) return leaf();
        let bestGain = 1e-6;
        let bestJ = -1;
        let bestB = -1;
        const parent = (G * G) / (H + t.lambda);
        const hg = new Float64Array(33);
        const hh = new Float64Array(33);
        for (let j = 0; j < d; j++) {
          const cuts = thresholds[j].length;
          if (cuts === 0) continue;
          hg.fill(0);
          hh.fill(0);
          for (const r of rowsIn) {
            const b = bins[r * d + j];
            hg[b] += g[r];
            hh[b] += h[r];
          }
          let GL = 0;
          let HL = 0;
          for (let b = 0; b < cuts; b++) {
            GL += hg[b];
            HL += hh[b];
            const GR = G - GL;
            const HR = H - HL;
            if (HL < 1 || HR < 1) continue;
            const gain = (GL * GL) / (HL + t.lambda) + (GR * GR) / (HR + t.lambda) - parent;
            if (gain > bestGain) {
              bestGain = gain;
              bestJ = j;
              bestB = b;
            }
          }
        }
        if (bestJ < 0) return leaf();
        const left = rowsIn.filter((r) => bins[r * d + bestJ] <= bestB);
        const right = rowsIn.filter((r) => bins[r * d + bestJ] > bestB);
        nodes[id * 4] = bestJ;
        nodes[id * 4 + 1] = Number(thresholds[bestJ][bestB].toPrecision(6));
        nodes[id * 4 + 2] = build(left, depth + 1);
        nodes[id * 4 + 3] = build(right, depth + 1);
        return id;
      };
      build(all, 0);
      for (let i = 0; i < nodes.length; i += 4) if (nodes[i] < 0) nodes[i + 1] = Number(nodes[i + 1].toPrecision(6));
      // Update this label's scores with the tree just grown.
      for (let r = 0; r < n; r++) {
        let node = 0;
        while (nodes[node * 4] >= 0) node = inputs[r][nodes[node * 4]] <= nodes[node * 4 + 1] ? nodes[node * 4 + 2] : nodes[node * 4 + 3];
        F[r * k + c] += nodes[node * 4 + 1];
      }
      trees.push(nodes);
    }
  }
  return { base: base.map((b) => Number(b.toPrecision(6))), trees };
}

/** Marks buckets that occur in fewer than minCount of the sentences. */
function rareBuckets(data: FeatureVector[], size: number, minCount: number): Uint8Array {
  const counts = new Uint16Array(size);
  const seen = new Int32Array(size).fill(-1);
  data.forEach(({ indices }, r) => {
    for (const b of indices) {
      if (seen[b] !== r && counts[b] < 65535) counts[b]++;
      seen[b] = r;
    }
  });
  const rare = new Uint8Array(size);
  for (let b = 0; b < size; b++) rare[b] = counts[b] < minCount ? 1 : 0;
  return rare;
}

function trainOnce(rows: LabelledSentence[], settings: TrainSettings, data: FeatureVector[], start?: LinearModel): LinearModel {
  const k = CLAIM_LABELS.length;
  const size = 1 << settings.features.hashBits;
  const targets = rows.map((r) => CLAIM_LABELS.indexOf(r.label));
  const counts = new Array(k).fill(0);
  for (const t of targets) counts[t]++;
  const classWeight = counts.map((c) => Math.pow(rows.length / (k * Math.max(c, 1)), settings.classWeightPower));
  const w = start ? Float64Array.from(start.weights) : new Float64Array(size * k);
  const g2 = new Float64Array(size * k);
  const bias = start ? Float64Array.from(start.bias) : new Float64Array(k);
  const biasG2 = new Float64Array(k);
  const random = mulberry32(settings.seed);
  const order = rows.map((_, i) => i);
  const scores = new Float64Array(k);
  const { learningRate: lr, l2 } = settings;
  const averageFrom = settings.averageFrom ?? settings.epochs;
  const sum = averageFrom < settings.epochs ? new Float64Array(size * k) : undefined;
  const biasSum = new Float64Array(k);
  let snapshots = 0;
  const dropout = settings.dropout ?? 0;
  const rare = settings.minCount ? rareBuckets(data, size, settings.minCount) : undefined;
  if (rare) data = data.map((v) => ({ indices: v.indices, values: v.values.map((x, f) => (rare[v.indices[f]] ? 0 : x)) }));
  const nb = settings.nbWeight ? logCountRatios(data, targets, size, settings.nbAlpha ?? 1, settings.nbWeight) : undefined;
  const u = nb ? new Float64Array(size * k) : undefined;
  const ug2 = nb ? new Float64Array(size * k) : undefined;
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const r of order) {
      const { indices } = data[r];
      const values = dropout > 0 ? dropped(data[r], dropout, random) : data[r].values;
      for (let c = 0; c < k; c++) scores[c] = bias[c];
      for (let f = 0; f < indices.length; f++) {
        const base = indices[f] * k;
        for (let c = 0; c < k; c++) scores[c] += w[base + c] * values[f];
        if (nb && u) for (let c = 0; c < k; c++) scores[c] += u[base + c] * nb[base + c] * values[f];
      }
      const cw = classWeight[targets[r]] * (rows[r].weight ?? 1);
      const soft = rows[r].soft;
      if (settings.loss === 'hinge') {
        // Subgradient: push the true label up and the strongest rival down while the margin is under 1.
        let rival = -1;
        for (let c = 0; c < k; c++) if (c !== targets[r] && (rival < 0 || scores[c] > scores[rival])) rival = c;
        const violated = scores[targets[r]] - scores[rival] < 1;
        for (let c = 0; c < k; c++) scores[c] = violated ? (c === targets[r] ? -cw : c === rival ? cw : 0) : 0;
      } else {
        let max = -Infinity;
        for (let c = 0; c < k; c++) max = Math.max(max, scores[c]);
        let total = 0;
        for (let c = 0; c < k; c++) total += scores[c] = Math.exp(scores[c] - max);
        for (let c = 0; c < k; c++) scores[c] = cw * (scores[c] / total - (soft ? soft[c] : c === targets[r] ? 1 : 0));
      }
      for (let c = 0; c < k; c++) {
        const g = scores[c];
        scores[c] = g;
        biasG2[c] += g * g;
        bias[c] -= (lr * g) / Math.sqrt(biasG2[c] + 1e-8);
      }
      for (let f = 0; f < indices.length; f++) {
        const base = indices[f] * k;
        const v = values[f];
        for (let c = 0; c < k; c++) {
          const idx = base + c;
          const g = scores[c] * v + l2 * w[idx];
          g2[idx] += g * g;
          if (!settings.nbOnly) w[idx] -= (lr * g) / Math.sqrt(g2[idx] + 1e-8);
          if (nb && u && ug2) {
            const gu = scores[c] * v * nb[idx] + l2 * u[idx];
            ug2[idx] += gu * gu;
            u[idx] -= (lr * gu) / Math.sqrt(ug2[idx] + 1e-8);
          }
        }
      }
    }
    if (sum && epoch >= averageFrom) {
      for (let i = 0; i < w.length; i++) sum[i] += w[i];
      for (let c = 0; c < k; c++) biasSum[c] += bias[c];
      snapshots++;
    }
  }
  if (sum && snapshots > 0) {
    for (let i = 0; i < w.length; i++) w[i] = sum[i] / snapshots;
    for (let c = 0; c < k; c++) bias[c] = biasSum[c] / snapshots;
  }
  // The NB view is linear in the same features, so it folds into the plain weights.
  if (nb && u) for (let i = 0; i < w.length; i++) w[i] += u[i] * nb[i];
  return { labels: [...CLAIM_LABELS], config: settings.features, weights: Float32Array.from(w), scale: 1, bias };
}

/** Product of experts: adds lambda x (centred) naive Bayes log-likelihoods, split across the bags. */
function addNaiveBayes(models: LinearModel[], rows: LabelledSentence[], data: FeatureVector[], lambda: number, alpha: number, bags: number): void {
  const k = CLAIM_LABELS.length;
  const size = models[0].weights.length / k;
  const counts = new Float64Array(size * k);
  const prior = new Float64Array(k);
  const seen = new Uint8Array(size);
  data.forEach(({ indices, values }, r) => {
    const c = CLAIM_LABELS.indexOf(rows[r].label);
    prior[c]++;
    for (let f = 0; f < indices.length; f++) {
      counts[indices[f] * k + c] += values[f];
      seen[indices[f]] = 1;
    }
  });
  let used = 0;
  for (let b = 0; b < size; b++) used += seen[b];
  const totals = new Float64Array(k);
  for (let b = 0; b < size; b++) for (let c = 0; c < k; c++) totals[c] += counts[b * k + c];
  const share = lambda / bags;
  for (let b = 0; b < size; b++) {
    if (!seen[b]) continue;
    let mean = 0;
    const logs = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      logs[c] = Math.log((alpha + counts[b * k + c]) / (alpha * used + totals[c]));
      mean += logs[c] / k;
    }
    for (const m of models) for (let c = 0; c < k; c++) m.weights[b * k + c] += share * (logs[c] - mean);
  }
  for (const m of models) for (let c = 0; c < k; c++) m.bias[c] += share * Math.log(prior[c] / rows.length);
}

/** Feature values with random n-gram features zeroed (cue features, weighted differently, are kept). */
function dropped(vector: FeatureVector, p: number, random: () => number): number[] {
  const keepScale = 1 / (1 - p);
  const cueStart = vector.cueStart ?? vector.values.length;
  return vector.values.map((v, f) => (f >= cueStart ? v : random() < p ? 0 : v * keepScale));
}

/** Per bucket and label: log of (share of label rows with the feature) / (share of other rows), times factor. */
function logCountRatios(data: FeatureVector[], targets: number[], size: number, alpha: number, factor: number): Float64Array {
  const k = CLAIM_LABELS.length;
  const counts = new Float64Array(size * k);
  const seen = new Int32Array(size).fill(-1);
  data.forEach(({ indices }, r) => {
    for (const b of indices) {
      if (seen[b] === r) continue;
      seen[b] = r;
      counts[b * k + targets[r]]++;
    }
  });
  const totals = new Float64Array(k);
  let used = 0;
  for (let b = 0; b < size; b++) {
    if (seen[b] < 0) continue;
    used++;
    for (let c = 0; c < k; c++) totals[c] += counts[b * k + c];
  }
  let all = 0;
  for (let c = 0; c < k; c++) all += totals[c];
  const ratios = new Float64Array(size * k);
  for (let b = 0; b < size; b++) {
    if (seen[b] < 0) continue;
    let row = 0;
    for (let c = 0; c < k; c++) row += counts[b * k + c];
    for (let c = 0; c < k; c++) {
      const p = (alpha + counts[b * k + c]) / (alpha * used + totals[c]);
      const q = (alpha + row - counts[b * k + c]) / (alpha * used + all - totals[c]);
      ratios[b * k + c] = factor * Math.log(p / q);
    }
  }
  return ratios;
}

export interface Scores {
  accuracy: number;
  macroF1: number;
  perClassF1: Record<ClaimLabel, number>;
  causalF1: number;
  /** confusion[gold][predicted] */
  confusion: Record<ClaimLabel, Record<ClaimLabel, number>>;
}

function f1(tp: number, fp: number, fn: number): number {
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

export function score(gold: ClaimLabel[], predicted: ClaimLabel[]): Scores {
  const confusion = Object.fromEntries(
    CLAIM_LABELS.map((g) => [g, Object.fromEntries(CLAIM_LABELS.map((p) => [p, 0]))]),
  ) as Scores['confusion'];
  let correct = 0;
  const causal = (l: ClaimLabel) => l === 'direct_causal' || l === 'conditional_causal';
  let ctp = 0, cfp = 0, cfn = 0;
  gold.forEach((g, i) => {
    const p = predicted[i];
    confusion[g][p]++;
    if (g === p) correct++;
    if (causal(g) && causal(p)) ctp++;
    else if (causal(p)) cfp++;
    else if (causal(g)) cfn++;
  });
  const perClassF1 = {} as Record<ClaimLabel, number>;
  for (const l of CLAIM_LABELS) {
    let fp = 0, fn = 0;
    for (const o of CLAIM_LABELS) {
      if (o === l) continue;
      fp += confusion[o][l];
      fn += confusion[l][o];
    }
    perClassF1[l] = f1(confusion[l][l], fp, fn);
  }
  const macroF1 = CLAIM_LABELS.reduce((s, l) => s + perClassF1[l], 0) / CLAIM_LABELS.length;
  return { accuracy: correct / gold.length, macroF1, perClassF1, causalF1: f1(ctp, cfp, cfn), confusion };
}

/** Stratified folds fixed by each sentence's hash, so reruns split identically. */
export function foldOf(rows: LabelledSentence[], folds: number): number[] {
  const assignment = new Array(rows.length).fill(0);
  for (const label of CLAIM_LABELS) {
    const members = rows.map((r, i) => ({ r, i })).filter((x) => x.r.label === label);
    members.sort((a, b) => hashString(a.r.sentence) - hashString(b.r.sentence) || a.i - b.i);
    members.forEach((m, n) => (assignment[m.i] = n % folds));
  }
  return assignment;
}

export interface CrossValidation extends Scores {
  /** Out-of-fold probabilities per dev row, in CLAIM_LABELS order. */
  outOfFold: number[][];
  gold: ClaimLabel[];
}

export function crossValidate(rows: LabelledSentence[], settings: TrainSettings, folds = 5): CrossValidation {
  const fold = foldOf(rows, folds);
  const vectors = rows.map((r) => extractFeatures(r.sentence, settings.features));
  const gold: ClaimLabel[] = rows.map((r) => r.label);
  const outOfFold: number[][] = new Array(rows.length);
  for (let f = 0; f < folds; f++) {
    const trainIdx = rows.map((_, i) => i).filter((i) => fold[i] !== f);
    const trained = trainModel(trainIdx.map((i) => rows[i]), settings, trainIdx.map((i) => vectors[i]));
    // Score the pruned, quantised form, as shipped.
    const model = loadModel(serialiseModel(trained, PRUNE_THRESHOLD, {}));
    rows.forEach((r, i) => {
      if (fold[i] !== f) return;
      const p = classifyWithModel(model, r.sentence).probabilities;
      outOfFold[i] = CLAIM_LABELS.map((l) => p[l]);
    });
  }
  return { ...score(gold, outOfFold.map((p) => argmaxLabel(p))), outOfFold, gold };
}

function argmaxLabel(p: number[], offsets?: number[]): ClaimLabel {
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < p.length; c++) {
    const v = Math.log(p[c] + 1e-12) + (offsets ? offsets[c] : 0);
    if (v > bestScore) {
      bestScore = v;
      best = c;
    }
  }
  return CLAIM_LABELS[best];
}

/** Per-label shifts of the decision scores that raise out-of-fold macro-F1 (coordinate ascent, dev only). */
export function tuneLabelOffsets(cv: CrossValidation): number[] {
  const offsets = new Array(CLAIM_LABELS.length).fill(0);
  const macro = () => score(cv.gold, cv.outOfFold.map((p) => argmaxLabel(p, offsets))).macroF1;
  let best = macro();
  for (let round = 0; round < 3; round++) {
    for (let c = 1; c < offsets.length; c++) {
      const start = offsets[c];
      let bestValue = start;
      for (let step = -10; step <= 10; step++) {
        offsets[c] = start + step * 0.1;
        const m = macro();
        if (m > best + 1e-9) {
          best = m;
          bestValue = offsets[c];
        }
      }
      offsets[c] = bestValue;
    }
  }
  return offsets.map((o) => Number(o.toFixed(2)));
}

function nestedOffsetScore(cv: CrossValidation, parts = 5): number {
  const predicted: ClaimLabel[] = new Array(cv.gold.length);
  for (let p = 0; p < parts; p++) {
    const inPart = (i: number) => hashString(String(i)) % parts === p;
    const train: CrossValidation = { ...cv, gold: cv.gold.filter((_, i) => !inPart(i)), outOfFold: cv.outOfFold.filter((_, i) => !inPart(i)) };
    const offsets = tuneLabelOffsets(train);
    cv.outOfFold.forEach((probs, i) => {
      if (inPart(i)) predicted[i] = argmaxLabel(probs, offsets);
    });
  }
  return score(cv.gold, predicted).macroF1;
}

function candidateSettings(): [string, TrainSettings][] {
  const list: [string, TrainSettings][] = [['chosen', CHOSEN]];
  const vary = (name: string, change: (s: TrainSettings) => void) => {
    const s: TrainSettings = JSON.parse(JSON.stringify(CHOSEN));
    change(s);
    list.push([name, s]);
  };
  // CV_GRID='{"learningRate":0.05};{"features":{"charWeight":1}}' tries just those changes.
  const grid = process.env.CV_GRID;
  if (grid) {
    for (const patch of grid.split(';')) {
      vary(patch, (s) => {
        const p = JSON.parse(patch);
        Object.assign(s.features, p.features ?? {});
        delete p.features;
        Object.assign(s, p);
      });
    }
    return list.slice(1);
  }
  vary('epochs 6', (s) => (s.epochs = 6));
  vary('epochs 20', (s) => (s.epochs = 20));
  vary('lr 0.1', (s) => (s.learningRate = 0.1));
  vary('l2 1e-4', (s) => (s.l2 = 1e-4));
  vary('char 1', (s) => (s.features.charWeight = 1));
  vary('char 4', (s) => (s.features.charWeight = 4));
  vary('char off', (s) => (s.features.charWeight = 0));
  vary('cue 0', (s) => (s.features.cueWeight = 0));
  vary('cue 2', (s) => (s.features.cueWeight = 2));
  vary('classweight 0', (s) => (s.classWeightPower = 0));
  vary('classweight 1', (s) => (s.classWeightPower = 1));
  vary('hash 16', (s) => (s.features.hashBits = 16));
  return list;
}

/** dev.tsv's rows, or undefined after saying why it is skipped (users of the repo have no ../shared). */
export function readDevOrSkip(): LabelledSentence[] | undefined {
  const devPath = path.join(CORPUS_DIR, 'dev.tsv');
  if (!fs.existsSync(devPath)) {
    console.log(`Skipping: ${devPath} is not present (the labelled corpus lives in ../shared/data/causal).`);
    return undefined;
  }
  return readLabelledTsv(devPath);
}

function main(): void {
  const dev = readDevOrSkip();
  if (!dev) return;
  if (process.argv.includes('--cv')) {
    for (const [name, settings] of candidateSettings()) {
      const t0 = performance.now();
      const s = crossValidate(dev, settings);
      const per = CLAIM_LABELS.map((l) => s.perClassF1[l].toFixed(3)).join(' / ');
      console.log(`${name.padEnd(16)} macro-F1 ${s.macroF1.toFixed(4)}  acc ${s.accuracy.toFixed(4)}  F1 ${per}  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      if (process.argv.includes('--offsets')) {
        // Nested check: tune offsets on four folds' predictions, score the fifth, so the gain is not self-fulfilling.
        console.log(`${''.padEnd(16)} offsets ${JSON.stringify(tuneLabelOffsets(s))}  nested macro-F1 ${nestedOffsetScore(s).toFixed(4)}`);
      }
    }
    return;
  }
  const model = trainModel(dev, CHOSEN);
  const serialised = serialiseModel(model, PRUNE_THRESHOLD, {
    trainedOn: 'shared/data/causal/pubmed/dev.tsv only',
    rows: dev.length,
    settings: CHOSEN,
    pruneThreshold: PRUNE_THRESHOLD,
    command: 'npm run train:claims',
  });
  fs.writeFileSync(MODEL_PATH, JSON.stringify(serialised, null, 1) + '\n');
  console.log(`Wrote ${path.relative(REPO_ROOT, MODEL_PATH)} (${fs.statSync(MODEL_PATH).size} bytes) from ${dev.length} dev sentences.`);
}

if (require.main === module) main();
