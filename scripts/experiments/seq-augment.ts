// Experiment (seventh round): variants of each dev sentence for distillation. Topic words (no cue)
// are swapped, each with probability P, for one of their five nearest GloVe neighbours that is not
// itself a cue word; a one-word causal verb is swapped for a neighbour that is a causal verb of the
// same tense ("reduced" -> "decreased"). Neighbours come from seq-neighbours.py. Dev only.
//
//   AUG=6 P=0.3 npx tsx scripts/experiments/seq-augment.ts     writes $SEQ_DIR/aug.json
import * as fs from 'fs';
import * as path from 'path';
import { analyseCues } from '../../src/core/claims/cues';
import { readDevOrSkip } from '../train-claims';
import { SEQ_DIR, taggedWords } from './seq-dump';

const variantsPerSentence = Number(process.env.AUG ?? 6);
const swapProbability = Number(process.env.P ?? 0.3);
const neighbours: Record<string, string[]> = JSON.parse(fs.readFileSync(path.join(SEQ_DIR, 'neighbours.json'), 'utf8'));
const dev = readDevOrSkip();
let state = 12345;
const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
const singleCue = new Map<string, string | undefined>();
/** The cue class and tense of a word on its own, or undefined when it is no cue. */
function cueOf(word: string): string | undefined {
  if (!singleCue.has(word)) {
    const m = analyseCues(word).matches[0];
    singleCue.set(word, m && m.first === 0 && m.last === 1 ? `${m.cls}:${m.tense ?? ''}` : undefined);
  }
  return singleCue.get(word);
}
const out: { origin: number; text: string; words: string[]; tags: string[] }[] = [];
dev?.forEach((row, origin) => {
  const analysis = analyseCues(row.sentence);
  const { tags } = taggedWords(row.sentence);
  for (let v = 0; v < variantsPerSentence; v++) {
    let text = row.sentence;
    let changed = 0;
    // Right to left, so earlier offsets stay valid.
    for (let k = analysis.tokens.length - 1; k >= 0; k--) {
      const token = analysis.tokens[k];
      const candidates = neighbours[token.word];
      if (!candidates || random() >= swapProbability) continue;
      let pool: string[];
      if (tags[k] === 'O') pool = candidates.slice(0, 5).filter((c) => cueOf(c) === undefined);
      else if (tags[k].startsWith('B-causal-verb') && analysis.matches.some((m) => m.first === k && m.last === k + 1)) {
        pool = candidates.filter((c) => cueOf(c) === cueOf(token.word));
      } else continue;
      if (pool.length === 0) continue;
      const choice = pool[Math.floor(random() * pool.length)];
      const original = text.slice(token.start, token.end);
      const capital = original[0] !== original[0].toLowerCase();
      text = text.slice(0, token.start) + (capital ? choice[0].toUpperCase() + choice.slice(1) : choice) + text.slice(token.end);
      changed++;
    }
    if (changed > 0) out.push({ origin, text, ...taggedWords(text) });
  }
});
if (dev) {
  fs.writeFileSync(path.join(SEQ_DIR, 'aug.json'), JSON.stringify(out));
  console.log(`wrote ${out.length} variants to ${SEQ_DIR}/aug.json`);
}
