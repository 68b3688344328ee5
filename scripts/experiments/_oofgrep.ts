import { crossValidate, readDevOrSkip, CHOSEN } from '../train-claims';
import { CLAIM_LABELS } from '../../src/core/claims/model';
const dev = readDevOrSkip()!;
const cv = crossValidate(dev, CHOSEN);
const re = new RegExp(process.argv[2], 'i');
const conf: Record<string, number> = {};
dev.forEach((r, i) => {
  if (!re.test(r.sentence)) return;
  const p = cv.outOfFold[i];
  let b = 0; for (let c = 1; c < 4; c++) if (p[c] > p[b]) b = c;
  const pred = CLAIM_LABELS[b];
  const k = `${r.label.slice(0, 4)}->${pred.slice(0, 4)}`;
  conf[k] = (conf[k] ?? 0) + 1;
  if (pred !== r.label && process.argv[3]) console.log(`${k} ${p.map((x) => x.toFixed(2)).join(' ')}\t${r.sentence.slice(0, 200)}`);
});
console.log(conf);
