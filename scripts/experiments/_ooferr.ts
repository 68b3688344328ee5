import { crossValidate, readDevOrSkip } from '../train-claims';
import { CLAIM_LABELS } from '../../src/core/claims/model';
import { CHOSEN } from '../train-claims';
const dev = readDevOrSkip()!;
const cv = crossValidate(dev, CHOSEN);
const want = process.argv[2] ?? 'conditional_causal';
dev.forEach((r, i) => {
  const p = cv.outOfFold[i];
  let b = 0; for (let c = 1; c < 4; c++) if (p[c] > p[b]) b = c;
  const pred = CLAIM_LABELS[b];
  if (pred !== r.label && (r.label === want || pred === want)) console.log(`${r.label.slice(0,4)} -> ${pred.slice(0,4)} ${p.map((x) => x.toFixed(2)).join(' ')}\t${r.sentence}`);
});
