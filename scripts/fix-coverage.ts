// How often the claim fixes can offer a rewording, on the bulletin sentences written for this
// project (test/fixtures/claims/in-domain*.tsv): every sentence the classifier calls direct or
// conditional, with the associational rewording and the hedge the quick fixes would offer, and
// totals at the end. Read the list: a fix is only worth offering when the sentence it makes reads
// as a careful writer's. Needs no ../shared.
//
//   npm run report:fixes              totals and every sentence
//   npm run report:fixes -- --totals  totals only
import * as path from 'node:path';
import { classifySentence } from '../src/core/claims/classifier';
import { hedgeWithMay, rewordAsAssociation, rewordHedgedAsAssociation, type SentenceEdit } from '../src/core/claims/rewrite';
import { REPO_ROOT, readLabelledTsv } from './train-claims';

const SETS = ['in-domain.tsv', 'in-domain-blind.tsv', 'in-domain-third.tsv', 'in-domain-fourth.tsv'].map((f) => path.join(REPO_ROOT, 'test/fixtures/claims', f));
const applied = (sentence: string, edit: SentenceEdit) => sentence.slice(0, edit.start) + edit.newText + sentence.slice(edit.end);
const totalsOnly = process.argv.includes('--totals');
const counts = { direct: 0, directReworded: 0, directHedged: 0, conditional: 0, conditionalReworded: 0 };

for (const file of SETS) {
  for (const { sentence } of readLabelledTsv(file)) {
    const result = classifySentence(sentence);
    const cue = result.cues[0]?.start;
    if (result.label === 'direct_causal') {
      const reworded = rewordAsAssociation(sentence, cue);
      const hedged = hedgeWithMay(sentence, cue);
      counts.direct++;
      if (reworded) counts.directReworded++;
      if (hedged) counts.directHedged++;
      if (!totalsOnly) {
        console.log(`direct       ${sentence}`);
        console.log(`  reworded   ${reworded ? applied(sentence, reworded) : '(not offered)'}`);
        console.log(`  hedged     ${hedged ? applied(sentence, hedged) : '(not offered)'}`);
      }
    } else if (result.label === 'conditional_causal') {
      const reworded = rewordHedgedAsAssociation(sentence, cue);
      counts.conditional++;
      if (reworded) counts.conditionalReworded++;
      if (!totalsOnly) {
        console.log(`conditional  ${sentence}`);
        console.log(`  reworded   ${reworded ? applied(sentence, reworded) : '(not offered)'}`);
      }
    }
  }
}
console.log(`\nDirect claims: ${counts.direct}; an associational rewording offered for ${counts.directReworded}, a hedge for ${counts.directHedged}.`);
console.log(`Hedged claims: ${counts.conditional}; an associational rewording offered for ${counts.conditionalReworded}.`);
console.log('Every flagged claim also gets "add an evidence annotation" and "suppress with a reason".');
