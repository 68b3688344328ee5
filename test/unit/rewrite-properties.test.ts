// The rewrites on arbitrary sentences: never throw, edit only inside the sentence, and whenever a
// rewording is offered the result uses associational wording.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { hedgeWithMay, rewordAsAssociation, rewordHedgedAsAssociation } from '../../src/core/claims/rewrite';

const RUNS = Number(process.env.EVIDENCE_PROPERTY_RUNS ?? 300);
const WORDS = [
  'supervision', 'sessions', 'it', 'the', 'a', 'therefore', 'cuts', 'cut', 'reduces', 'reduced', 'leads', 'to', 'led', 'makes',
  'difference', 'proves', 'that', 'reoffending', 'by', '14', 'percentage', 'points', '%', 'may', 'will', 'not', 'improves',
  'breaches', 'risk', 'of', 'drives', 'down', ',', '.', '“', 'what', 'they',
];
const sentence = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 3 })), { maxLength: 14 }).map((w) => w.join(' '));

describe('rewrites on arbitrary sentences', () => {
  it('stay inside the sentence and never throw', () => {
    fc.assert(
      fc.property(sentence, fc.nat(60), (text, cue) => {
        for (const rewrite of [rewordAsAssociation, hedgeWithMay, rewordHedgedAsAssociation]) {
          const edit = rewrite(text, cue % (text.length + 1));
          if (!edit) continue;
          assert.ok(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length);
          assert.ok(edit.newText.length > 0);
        }
        const reworded = rewordAsAssociation(text);
        if (reworded) assert.match(reworded.newText, /associated with|^suggests?$|^suggested$/);
        const hedged = hedgeWithMay(text);
        if (hedged) assert.match(hedged.newText, /^may\b/);
      }),
      { numRuns: RUNS, seed: 20230830 },
    );
  });
});
