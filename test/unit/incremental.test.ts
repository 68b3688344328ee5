// Re-checking with a CheckCache after an edit must give exactly what a fresh check gives, while
// re-analysing only the blocks the edit touched.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { checkDocument, CheckCache, type CheckResult } from '../../src/core/check';
import type { Glossary } from '../../src/core/types';
import { applyChange, bulletin, textChange } from '../fixtures/hostile/bulletin-arbitrary';
import { testGlossary } from '../fixtures/hostile/glossary';

const { glossary } = testGlossary();
// Each run here checks twice per edit, so it takes a fifth of the property suite's document count.
const PROPERTY_RUNS = Math.max(60, Math.floor(Number(process.env.PROPERTY_RUNS ?? 300) / 5));
const PROPERTY_SEED = Number(process.env.PROPERTY_SEED ?? 20230830);

const BULLETIN = [
  '---',
  'title: Supervision quality and outcomes',
  '---',
  '',
  '# Supervision quality and outcomes',
  '',
  'We linked inspectors\u2019 judgements on 3,000 cases to nDelius records. Completion was 24 percentage points higher where supervision was judged high quality.',
  '',
  'High-quality supervision therefore cuts reoffending by 14 percentage points. Building trust with offenders is what drives their desistance.',
  '',
  '- Perceived fairness is associated with compliance.',
  '- The RNR model guides how intensive supervision should be.',
  '',
  '> Probation can assist desistance; it cannot cause it.',
  '',
  '| Measure | High quality | Inadequate |',
  '| --- | --- | --- |',
  '| Completion | 71% | 47% |',
  '',
  '```text',
  'offenders cause reoffending',
  '```',
  '',
  'The gap may partly reflect differences between cases that we did not measure. <!-- evidence: sms=2 -->',
  '',
].join('\n');

function same(incremental: CheckResult, fresh: CheckResult): void {
  assert.deepEqual(incremental.findings, fresh.findings);
  assert.deepEqual(incremental.sentences, fresh.sentences);
  assert.deepEqual(incremental.termMatches, fresh.termMatches);
  assert.deepEqual(incremental.claims, fresh.claims);
}

describe('incremental re-checking with a CheckCache', function () {
  this.timeout(Math.max(60_000, PROPERTY_RUNS * 100));

  it('re-analyses only the edited block after a one-character edit and matches a fresh check', () => {
    const cache = new CheckCache();
    const first = checkDocument(BULLETIN, { glossary, cache });
    assert.ok(first.prose.blocks.length >= 5, `a bulletin of several blocks (found ${first.prose.blocks.length})`);
    const at = BULLETIN.indexOf('cuts reoffending') + 2;
    const edited = BULLETIN.slice(0, at) + 'e' + BULLETIN.slice(at);
    const again = checkDocument(edited, { glossary, cache });
    assert.equal(again.blocksAnalysed, 1);
    same(again, checkDocument(edited, { glossary }));
  });

  it('re-analyses nothing when the text is unchanged', () => {
    const cache = new CheckCache();
    checkDocument(BULLETIN, { glossary, cache });
    assert.equal(checkDocument(BULLETIN, { glossary, cache }).blocksAnalysed, 0);
  });

  it('matches a fresh check at every keystroke while a sentence is typed and then deleted', () => {
    const cache = new CheckCache();
    const typed = ' Treating people fairly makes them comply with their licence.';
    const at = BULLETIN.indexOf('their desistance.') + 'their desistance.'.length;
    let text = BULLETIN;
    for (let i = 1; i <= typed.length; i++) {
      text = BULLETIN.slice(0, at) + typed.slice(0, i) + BULLETIN.slice(at);
      same(checkDocument(text, { glossary, cache }), checkDocument(text, { glossary }));
    }
    for (let i = typed.length - 1; i >= 0; i -= 3) {
      text = BULLETIN.slice(0, at) + typed.slice(0, i) + BULLETIN.slice(at);
      same(checkDocument(text, { glossary, cache }), checkDocument(text, { glossary }));
    }
  });

  it('follows a change of glossary even when the same cache is passed', () => {
    const cache = new CheckCache();
    checkDocument(BULLETIN, { glossary, cache });
    const empty: Glossary = { entries: [] };
    const withEmpty = checkDocument(BULLETIN, { glossary: empty, cache });
    assert.deepEqual(withEmpty.termMatches, []);
    same(withEmpty, checkDocument(BULLETIN, { glossary: empty }));
    same(checkDocument(BULLETIN, { glossary, cache }), checkDocument(BULLETIN, { glossary }));
  });

  it(`matches a fresh check after every edit of random edit sequences (${PROPERTY_RUNS} sequences)`, () => {
    fc.assert(
      fc.property(bulletin, fc.array(textChange, { minLength: 1, maxLength: 8 }), (start, changes) => {
        const cache = new CheckCache();
        let text = start;
        same(checkDocument(text, { glossary, cache }), checkDocument(text, { glossary }));
        for (const change of changes) {
          text = applyChange(text, change);
          same(checkDocument(text, { glossary, cache }), checkDocument(text, { glossary }));
        }
      }),
      { numRuns: PROPERTY_RUNS, seed: PROPERTY_SEED },
    );
  });
});
