// Error analysis for the product rules, on dev only (eighth round). Prints the sentences the
// shipped settings get wrong in 5-fold cross-validation (the folds of scripts/train-claims.ts,
// product rules on), with their out-of-fold probabilities, so a rule is found from dev's errors and
// then checked by `CV_GRID='{"seed":N}' npm run train:claims -- --cv`. heldout.tsv is never read.
//
//   npx tsx scripts/experiments/dev-errors.ts --label conditional_causal   errors into or out of a label
//   npx tsx scripts/experiments/dev-errors.ts --grep '\bshould\b'          gold->predicted counts for matching
//                                                                          sentences, then their errors
//   npx tsx scripts/experiments/dev-errors.ts --file test/fixtures/claims/in-domain.tsv
//        a bulletin set's errors with cues and signals (looking spends the set's blindness: see
//        docs/classifier.md on which sets were scored before being looked at)
import type { ClaimLabel } from '../../src/core/types';
import { classifySentence } from '../../src/core/claims/classifier';
import { CLAIM_LABELS } from '../../src/core/claims/model';
import { CHOSEN, crossValidate, readDevOrSkip, readLabelledTsv } from '../train-claims';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const short = (l: ClaimLabel) => l.slice(0, 4);
const probs = (p: number[]) => p.map((x) => x.toFixed(2)).join(' ');

function fileErrors(file: string): void {
  for (const r of readLabelledTsv(file)) {
    const c = classifySentence(r.sentence);
    if (c.label === r.label) continue;
    console.log(`${short(r.label)} -> ${short(c.label)} ${probs(CLAIM_LABELS.map((l) => c.probabilities[l]))}\t${r.sentence}`);
    console.log(`    cues: ${c.cues.map((x) => x.text).join(', ') || '-'}; signals: ${c.signals.map((x) => x.text).join(', ') || '-'}`);
  }
}

function devErrors(keep: (label: ClaimLabel, predicted: ClaimLabel, sentence: string) => boolean, counts?: RegExp): void {
  const dev = readDevOrSkip();
  if (!dev) return;
  const cv = crossValidate(dev, CHOSEN);
  const tally = new Map<string, number>();
  dev.forEach((r, i) => {
    const p = cv.outOfFold[i];
    const predicted = CLAIM_LABELS[p.indexOf(Math.max(...p))];
    if (counts?.test(r.sentence)) {
      const key = `${short(r.label)}->${short(predicted)}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    if (predicted !== r.label && keep(r.label, predicted, r.sentence)) console.log(`${short(r.label)} -> ${short(predicted)} ${probs(p)}\t${r.sentence}`);
  });
  if (counts) console.log([...tally].sort().map(([k, v]) => `${k} ${v}`).join(', '));
}

const file = option('--file');
const label = option('--label') as ClaimLabel | undefined;
const grep = option('--grep');
if (file) fileErrors(file);
else if (grep) {
  const re = new RegExp(grep, 'i');
  devErrors((_l, _p, s) => re.test(s), re);
} else if (label && CLAIM_LABELS.includes(label)) devErrors((l, p) => l === label || p === label);
else console.log('Usage: dev-errors.ts --label LABEL | --grep REGEXP | --file TSV');
