// Experiment (seventh round): can the sequence model's knowledge be moved into the shipped linear
// model, so that nothing changes at run time? For each fold, the linear model (shipped settings) is
// trained on the fold's training sentences plus variants of them (seq-augment.ts) whose targets
// are the fold's sequence networks' probabilities (seq-cv.py with AUGFILE=1), optionally mixed with
// the original sentence's label: target = (1 - beta) * teacher + beta * one-hot. Each variant counts
// `w` times a sentence; at most `per` variants per sentence. Scored like train-claims.ts --cv
// (pruned, quantised, product rules on), over the given seeds. Dev only.
//
// soft.json must come from the same aug.json (rerun seq-cv.py after seq-augment.ts).
//
//   GRID='[{"w":0.2,"beta":0.5,"per":6,"seeds":[20190801,11,23]}]' npx tsx scripts/experiments/seq-distil-cv.ts
import * as fs from 'fs';
import * as path from 'path';
import { classifyWithModel } from '../../src/core/claims/classifier';
import { CLAIM_LABELS, loadModel, serialiseModel } from '../../src/core/claims/model';
import { CHOSEN, foldOf, PRUNE_THRESHOLD, readDevOrSkip, score, trainModel, type LabelledSentence } from '../train-claims';
import { SEQ_DIR } from './seq-dump';

interface Setting {
  w: number;
  beta: number;
  per: number;
  seeds: number[];
}

const dev = readDevOrSkip();
if (dev) {
  const aug: { origin: number; text: string }[] = JSON.parse(fs.readFileSync(path.join(SEQ_DIR, 'aug.json'), 'utf8'));
  const soft: Record<string, { variants: number[]; probs: number[][] }> = JSON.parse(fs.readFileSync(path.join(SEQ_DIR, 'soft.json'), 'utf8'));
  const fold = foldOf(dev, 5);
  const grid: Setting[] = JSON.parse(process.env.GRID ?? '[{"w":0,"beta":0,"per":6,"seeds":[20190801,11,23]},{"w":0.2,"beta":0.5,"per":6,"seeds":[20190801,11,23]}]');
  for (const setting of grid) {
    const macros: number[] = [];
    for (const seed of setting.seeds) {
      const predicted = new Array(dev.length);
      for (let f = 0; f < 5; f++) {
        const rows: LabelledSentence[] = dev.filter((_, i) => fold[i] !== f);
        if (setting.w > 0) {
          const taken = new Map<number, number>();
          soft[f].variants.forEach((v, j) => {
            const o = aug[v].origin;
            const n = taken.get(o) ?? 0;
            if (n >= setting.per) return;
            taken.set(o, n + 1);
            const gold = CLAIM_LABELS.indexOf(dev[o].label);
            const target = soft[f].probs[j].map((p, c) => (1 - setting.beta) * p + setting.beta * (c === gold ? 1 : 0));
            const top = target.indexOf(Math.max(...target));
            rows.push({ label: CLAIM_LABELS[top], sentence: aug[v].text, soft: target, weight: setting.w });
          });
        }
        const model = loadModel(serialiseModel(trainModel(rows, { ...CHOSEN, seed }), PRUNE_THRESHOLD, {}));
        dev.forEach((r, i) => {
          if (fold[i] === f) predicted[i] = classifyWithModel(model, r.sentence).label;
        });
      }
      macros.push(score(dev.map((r) => r.label), predicted).macroF1);
    }
    const mean = macros.reduce((a, b) => a + b, 0) / macros.length;
    console.log(JSON.stringify(setting), 'macro-F1', mean.toFixed(4), `(${macros.map((m) => m.toFixed(4)).join(' ')})`);
  }
}
