// Experiment (seventh round): writes what the sequence-model experiments need, from dev only. For
// every dev sentence: its label, its fold (the 5 folds of scripts/train-claims.ts), its words, one
// cue tag per word from the shipped lexicon (class, tense and what qualifies it, in BIO form:
// "B-causal-verb:past", "B-causal-verb:base+hedged"), and the out-of-fold probabilities of the
// shipped logistic regression (shipped settings, pruned and quantised, product rules on) for mixing.
//
//   npx tsx scripts/experiments/seq-dump.ts          writes $SEQ_DIR/seq-dev.json (default /tmp/bc-seq)
import * as fs from 'fs';
import * as path from 'path';
import { analyseCues } from '../../src/core/claims/cues';
import { CHOSEN, crossValidate, foldOf, readDevOrSkip } from '../train-claims';

export const SEQ_DIR = process.env.SEQ_DIR ?? '/tmp/bc-seq';

/** The words of a sentence and one cue tag per word. */
export function taggedWords(text: string): { words: string[]; tags: string[] } {
  const a = analyseCues(text);
  const tags = a.tokens.map(() => 'O');
  for (const m of a.matches) {
    let t = m.cls + (m.tense ? ':' + m.tense : '');
    if (a.hedgedBy.has(m)) t += '+hedged';
    else if (a.enabledBy.has(m)) t += '+can';
    else if (a.negatedBy.has(m)) t += '+neg';
    else if (a.softenedBy.has(m)) t += '+soft';
    if (a.adjectival.has(m)) t += '+adj';
    if (a.passive.has(m)) t += '+pass';
    for (let k = m.first; k < m.last; k++) tags[k] = (k === m.first ? 'B-' : 'I-') + t;
  }
  return { words: a.tokens.map((t) => t.word), tags };
}

if (require.main === module) {
  const dev = readDevOrSkip();
  if (dev) {
    const fold = foldOf(dev, 5);
    const cv = crossValidate(dev, CHOSEN);
    const rows = dev.map((r, i) => ({ label: r.label, fold: fold[i], ...taggedWords(r.sentence), lr: cv.outOfFold[i], sentence: r.sentence }));
    fs.mkdirSync(SEQ_DIR, { recursive: true });
    fs.writeFileSync(path.join(SEQ_DIR, 'seq-dev.json'), JSON.stringify(rows));
    console.log(`wrote ${rows.length} rows to ${SEQ_DIR}/seq-dev.json; shipped LR out-of-fold macro-F1 ${cv.macroF1.toFixed(4)}`);
  }
}
