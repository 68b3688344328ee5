// Hostile documents: the checker survives them, stays within the document, and its time grows
// linearly. Sizes here are moderate and the bound generous so a loaded machine does not flake;
// `npm run report:hostile` measures the same families at full size.
import * as assert from 'node:assert/strict';
import { checkDocument, type CheckResult } from '../../src/core/check';
import { deeplyNestedList, deeplyNestedQuotesAndLists, familyNamed, HOSTILE_FAMILIES, NAMED_SIZES } from '../fixtures/hostile/documents';
import { testGlossary } from '../fixtures/hostile/glossary';
import { chooseSize, measureGrowth } from '../fixtures/hostile/timing';

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
/** Each timed check should take about this long, so growth is not lost in timer noise. */
const TARGET_MS = 40;
const ATTEMPTS = 3;
const check = (text: string) => void checkDocument(text, { glossary });

describe('hostile documents', function () {
  this.timeout(300_000);

  for (const family of HOSTILE_FAMILIES) {
    it(`checks ${family.description} without crashing, in time that grows linearly`, () => {
      checkSoundly(family.build(family.start));
      const n = chooseSize(family.build, family.start, family.unitMax, check, TARGET_MS);
      checkSoundly(family.build(n));
      // A loaded machine can slow one measurement; a real quadratic step fails every attempt,
      // and more so at a larger size, where noise weighs less.
      let growth = measureGrowth(family.build, n, check);
      for (let attempt = 1, size = n; attempt < ATTEMPTS && growth.ms2 > GROWTH_LIMIT * growth.ms + NOISE_MS; attempt++) {
        if (size * 2 <= family.unitMax) size *= 2;
        growth = measureGrowth(family.build, size, check, 5);
      }
      assert.ok(
        growth.ms2 <= GROWTH_LIMIT * growth.ms + NOISE_MS,
        `${family.name}: ${growth.chars} chars took ${growth.ms.toFixed(1)} ms, ${growth.chars2} chars took ${growth.ms2.toFixed(1)} ms (×${growth.ratio.toFixed(2)})`,
      );
    });
  }
});

describe('hostile documents at the sizes the robustness issue names', function () {
  this.timeout(600_000);
  // The full sizes take seconds each on a slow checker; the report (npm run report:hostile) always runs them.
  const full = process.env.HOSTILE_FULL === '1';

  it('checks lists nested 1,000 levels deep without crashing', () => {
    checkSoundly(deeplyNestedList(1000));
  });

  it('checks quotes and lists interleaved 1,000 levels deep without crashing', () => {
    checkSoundly(deeplyNestedQuotesAndLists(1000));
  });

  for (const named of NAMED_SIZES) {
    const test = full ? it : it.skip;
    test(`checks ${named.title} without crashing (HOSTILE_FULL=1)`, () => {
      checkSoundly(familyNamed(named.family).build(named.n));
    });
  }

  it('checks front matter holding an unresolved YAML alias or an alias bomb instead of throwing', () => {
    // Found by the property tests: `*x` in front matter is a YAML alias with no anchor.
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    for (const text of ['---\n*x\n---\n', '---\n*draft*\n---\nSupervision cuts reoffending.\n', `---\n${bomb}\n---\nText.\n`]) {
      checkSoundly(text);
    }
  });

  it('keeps lone surrogates in prose exactly as written in the masked text', () => {
    // Offsets in the masked text are document offsets, and rules quote and rewrite from it.
    const text = 'Supervision \ud800cuts reoffending \udc00 for offenders.';
    const result = checkSoundly(text);
    assert.equal(result.prose.masked, text);
  });

  it('keeps the prose before an unclosed HTML comment and masks what follows it', () => {
    // CommonMark: an HTML block opened by `<!--` runs to the end of the document when never closed.
    const text = 'Supervision cuts reoffending.\n\n<!-- never closed\nOffenders cause harm.\n';
    const result = checkSoundly(text);
    assert.ok(result.prose.masked.startsWith('Supervision cuts reoffending.'), 'prose before the comment is kept');
    assert.ok(!result.prose.masked.includes('Offenders'), 'text inside the unclosed comment is not prose');
  });
});
