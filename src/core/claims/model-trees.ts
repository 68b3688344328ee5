// Gradient-boosted decision trees stacked on the linear model: they read its four label scores and
// which cue features fired, and can learn interactions the linear model cannot.
import type { FeatureVector } from './features';

export interface SerialisedTrees {
  /** Input 0..3: the linear model's log-probabilities; input 4 + j: cue bucket `cueBuckets[j]` present (1) or not (0). */
  cueBuckets: number[];
  /** Start score per label. */
  base: number[];
  /** Per tree, flat nodes: [input, threshold, left, right] for splits; [-1, value, 0, 0] for leaves. */
  trees: number[][];
  /** Tree t adds to label t % labels. */
  labels: number;
}

export interface TreeModel {
  serialised: SerialisedTrees;
  /** bucket -> input number, or absent. */
  inputOf: Map<number, number>;
}

export function loadTrees(serialised: SerialisedTrees): TreeModel {
  const inputOf = new Map<number, number>();
  serialised.cueBuckets.forEach((b, j) => inputOf.set(b, 4 + j));
  return { serialised, inputOf };
}

/** The tree inputs of one sentence: dense array, linear log-probabilities first. */
export function treeInputs(model: TreeModel, logProbabilities: number[], vector: FeatureVector, out?: Float64Array): Float64Array {
  const inputs = out && out.length === 4 + model.serialised.cueBuckets.length ? out.fill(0) : new Float64Array(4 + model.serialised.cueBuckets.length);
  for (let c = 0; c < 4; c++) inputs[c] = logProbabilities[c];
  for (let i = vector.cueStart ?? vector.indices.length; i < vector.indices.length; i++) {
    const input = model.inputOf.get(vector.indices[i]);
    if (input !== undefined) inputs[input] = 1;
  }
  return inputs;
}

/** Softmax of the boosted scores, one probability per label. */
export function predictTrees(model: TreeModel, inputs: Float64Array): number[] {
  const { base, trees, labels } = model.serialised;
  const scores = base.slice();
  for (let t = 0; t < trees.length; t++) {
    const nodes = trees[t];
    let n = 0;
    while (nodes[n * 4] >= 0) n = inputs[nodes[n * 4]] <= nodes[n * 4 + 1] ? nodes[n * 4 + 2] : nodes[n * 4 + 3];
    scores[t % labels] += nodes[n * 4 + 1];
  }
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  let total = 0;
  for (let c = 0; c < labels; c++) total += scores[c] = Math.exp(scores[c] - max);
  for (let c = 0; c < labels; c++) scores[c] /= total;
  return scores;
}
