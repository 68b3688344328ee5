import { readLabelledTsv } from '../train-claims';
import { classifySentence } from '../../src/core/claims/classifier';
const f = process.argv[2];
const all = process.argv.includes('--all');
for (const r of readLabelledTsv(f)) {
  const c = classifySentence(r.sentence);
  const p = Object.entries(c.probabilities).map(([k, v]) => `${k.slice(0, 4)} ${v.toFixed(2)}`).join(' ');
  if (all || c.label !== r.label) console.log(`${r.label} -> ${c.label}\t${r.sentence}\n    [${p}] cues: ${c.cues.map((x: any) => x.text).join(', ')} signals: ${c.signals.map((x: any) => x.text ?? x.kind).join(', ')}`);
}
