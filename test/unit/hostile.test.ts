// Hostile documents: the checker survives them, stays within the document, and its time grows
// linearly. Sizes here are moderate and the bound generous so a loaded machine does not flake;
// `npm run report:hostile` measures the same families at full size.
import * as assert from 'node:assert/strict';
import { checkDocument, type CheckResult } from '../../src/core/check';
import { HOSTILE_FAMILIES } from '../fixtures/hostile/documents';
import { testGlossary } from '../fixtures/hostile/glossary';
import { measureGrowth } from '../fixtures/hostile/timing';

const { glossary } = testGlossary();

function checkSoundly(text: string): CheckResult {
  const result = checkDocument(text, { glossary });
  assert.equal(result.prose.masked.length, text.length, 'masked text keeps the document length');
  assert.deepEqual(result.ruleFailures, [], 'no rule threw');
  for (const f of result.findings) {
    assert.ok(0 <= f.range.start && f.range.start <= f.range.end && f.range.end <= text.length, `${f.ruleId} range inside the document`);
  }
  return result;
}

/** Allows noise on small timings but fails a clear quadratic step (time ×4 when the input doubles). */
const GROWTH_LIMIT = 3;
const NOISE_MS = 30;

describe('hostile documents', function () {
  this.timeout(180_000);

  for (const family of HOSTILE_FAMILIES) {
    it(`checks ${family.description} without crashing, in time that grows linearly`, () => {
      checkSoundly(family.build(family.unitSize));
      const growth = measureGrowth(family.build, family.unitSize, (text) => void checkDocument(text, { glossary }));
      assert.ok(
        growth.ms2 <= GROWTH_LIMIT * growth.ms + NOISE_MS,
        `${family.name}: ${growth.chars} chars took ${growth.ms.toFixed(1)} ms, ${growth.chars2} chars took ${growth.ms2.toFixed(1)} ms (×${growth.ratio.toFixed(2)})`,
      );
    });
  }
});

describe('hostile documents at the sizes the robustness issue names', function () {
  this.timeout(180_000);
  const family = (name: string) => HOSTILE_FAMILIES.find((f) => f.name === name)!;
  const cases: [string, string, number][] = [
    ['10 MB on one line', 'one-line', 10 * 1024 * 1024],
    ['a 1 MB sentence without punctuation', 'no-punctuation', 1024 * 1024],
    ['100,000 headings', 'headings', 100_000],
    ['lists nested 1,000 levels deep', 'nested-lists', 1],
    ['a block quote nested 1,000 levels deep', 'nested-quotes', 1000],
    ['a table of 10,000 rows', 'table-rows', 10_000],
    ['100,000 backticks', 'backticks', 100_000],
  ];
  for (const [title, name, n] of cases) {
    it(`checks ${title} without crashing`, () => {
      const text = family(name).build(n);
      checkSoundly(text);
    });
  }

  it('keeps the prose before an unclosed HTML comment and masks what follows it', () => {
    // CommonMark: an HTML block opened by `<!--` runs to the end of the document when never closed.
    const text = 'Supervision cuts reoffending.\n\n<!-- never closed\nOffenders cause harm.\n';
    const result = checkSoundly(text);
    assert.ok(result.prose.masked.startsWith('Supervision cuts reoffending.'), 'prose before the comment is kept');
    assert.ok(!result.prose.masked.includes('Offenders'), 'text inside the unclosed comment is not prose');
  });
});
