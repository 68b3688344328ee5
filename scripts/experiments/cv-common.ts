// Pieces the cross-validation experiments share (mlp-cv, pos-cv, parse-upper-bound): scoring
// probabilities through the shipped product rules, adding extra hashed features to the shipped
// vectors, and 5-fold cross-validation on precomputed vectors with the folds of train-claims.ts.
// Dev only, like everything in scripts/experiments.
import type { ClaimLabel } from '../../src/core/types';
import { cueBucket, type FeatureVector } from '../../src/core/claims/features';
import { CLAIM_LABELS, loadModel, predictProbabilities, serialiseModel, type LinearModel } from '../../src/core/claims/model';
import { classifyWithModel } from '../../src/core/claims/classifier';
import { PRUNE_THRESHOLD, foldOf, score, trainModel, type LabelledSentence, type TrainSettings } from '../train-claims';

const K = CLAIM_LABELS.length;

/** A linear model with zero weights whose bias is log p: classifyWithModel then sees exactly p and applies its product rules. */
export function passThrough(config: LinearModel['config']): (p: ArrayLike<number>) => LinearModel {
  const zero = new Int8Array((1 << config.hashBits) * K);
  return (p) => ({ labels: [...CLAIM_LABELS], config, weights: zero, scale: 1, bias: Float64Array.from(p, (x) => Math.log(x + 1e-12)) });
}

/** `base` with each name appended as a hashed feature of value `weight` (hashed like cue features, under `prefix`). */
export function withHashedFeatures(base: FeatureVector, names: Iterable<string>, weight: number, prefix: string, hashBits: number): FeatureVector {
  const indices = base.indices.slice();
  const values = base.values.slice();
  for (const name of names) {
    indices.push(cueBucket(prefix + name, hashBits));
    values.push(weight);
  }
  return { indices, values, cueStart: base.cueStart };
}

export interface Run {
  macro: number;
  per: number[];
  predicted: ClaimLabel[];
  /** Out-of-fold probabilities of the pruned, quantised model before the product rules. */
  raw: number[][];
}

/**
 * 5-fold CV of one feature set with one training seed, each fold's model pruned and quantised as
 * shipped and scored through the shipped product rules. `check` also classifies each sentence's
 * text with the fold's model and prints how many labels differ from the vector route (0 when the
 * vectors are the shipped features).
 */
export function crossValidateVectors(dev: LabelledSentence[], vectors: FeatureVector[], settings: TrainSettings, check = false): Run {
  const fold = foldOf(dev, 5);
  const toModel = passThrough(settings.features);
  const predicted: ClaimLabel[] = new Array(dev.length);
  const raw: number[][] = new Array(dev.length);
  let mismatches = 0;
  for (let f = 0; f < 5; f++) {
    const trainIdx = dev.map((_, i) => i).filter((i) => fold[i] !== f);
    const trained = trainModel(trainIdx.map((i) => dev[i]), settings, trainIdx.map((i) => vectors[i]));
    const model = loadModel(serialiseModel(trained, PRUNE_THRESHOLD, {}));
    dev.forEach((r, i) => {
      if (fold[i] !== f) return;
      raw[i] = predictProbabilities(model, vectors[i]);
      predicted[i] = classifyWithModel(toModel(raw[i]), r.sentence).label;
      if (check && classifyWithModel(model, r.sentence).label !== predicted[i]) mismatches++;
    });
  }
  if (check) console.log(`check: baseline route vs classifyWithModel on the text, seed ${settings.seed}: ${mismatches} of ${dev.length} labels differ`);
  const s = score(dev.map((r) => r.label), predicted);
  return { macro: s.macroF1, per: CLAIM_LABELS.map((l) => s.perClassF1[l]), predicted, raw };
}
