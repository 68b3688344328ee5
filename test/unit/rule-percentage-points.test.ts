import * as assert from 'node:assert/strict';
import { percentagePoints } from '../../src/core/rules/percentage-points';
import { applyFix, buildContext, covered, runRule } from './evidence-fixtures';

function check(sentence: string) {
  const text = `${sentence}\n`;
  return { text, reports: runRule(percentagePoints, buildContext(text)) };
}

function fixed(sentence: string): string[] {
  const { text, reports } = check(sentence);
  return reports.map((r) => applyFix(text, r.fixes![0]).trimEnd());
}

describe('percentage-points', () => {
  const flagged: [string, string][] = [
    [
      'Reoffending was 14% lower than where supervision was judged inadequate.',
      'Reoffending was 14 percentage points lower than where supervision was judged inadequate.',
    ],
    ['Completion rates were 24% higher where supervision was good.', 'Completion rates were 24 percentage points higher where supervision was good.'],
    ['The proportion completing fell by 3.3%.', 'The proportion completing fell by 3.3 percentage points.'],
    ['The binary rate fell from 37.5% to 34.2%, a 3.3% reduction.', 'The binary rate fell from 37.5% to 34.2%, a 3.3 percentage point reduction.'],
    ['Reoffending was 14 points lower in that group.', 'Reoffending was 14 percentage points lower in that group.'],
    ['The completion rate rose by 1%.', 'The completion rate rose by 1 percentage point.'],
    ['Reoffending was 14 per cent lower where supervision was good.', 'Reoffending was 14 percentage points lower where supervision was good.'],
  ];
  for (const [before, after] of flagged) {
    it(`flags “${before}”`, () => assert.deepEqual(fixed(before), [after]));
  }

  const fine = [
    'Costs rose 14% over the year.',
    'Costs were 14% higher than in 2019.',
    'The number of recalls was 14% lower than the year before.',
    'The frequency rate fell by 14%.',
    'Reoffending was 14 percentage points lower where supervision was good.',
    'People were 14% more likely to complete their orders.',
    'Reoffending fell by 14% in relative terms.',
    'About 70% of requirements were unpaid work.',
    'Scores on the fairness scale were 5 points higher.',
  ];
  for (const sentence of fine) {
    it(`leaves “${sentence}” alone`, () => assert.deepEqual(check(sentence).reports, []));
  }

  it('points at the figure and explains the difference', () => {
    const { text, reports } = check('Reoffending was 14% lower where supervision was good.');
    assert.equal(covered(text, reports[0].range), '14%');
    assert.match(reports[0].message, /“14%” here compares two rates.*“14 percentage points”/);
    assert.match(reports[0].explanation, /40% and another 26%/);
  });
});
