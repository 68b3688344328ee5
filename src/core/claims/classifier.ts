// PLACEHOLDER (to be replaced by the classifier work).
import type { ClaimClassification } from '../types';

export function classifySentence(_text: string): ClaimClassification {
  return { label: 'none', probabilities: { none: 1, correlational: 0, conditional_causal: 0, direct_causal: 0 }, cues: [], signals: [] };
}
