import * as assert from 'node:assert/strict';
import { unqualifiedSignificance } from '../../src/core/rules/unqualified-significance';
import { applyFix, buildContext, covered, runRule } from './evidence-fixtures';

function check(sentence: string) {
  const text = `${sentence}\n`;
  return { text, reports: runRule(unqualifiedSignificance, buildContext(text)) };
}

describe('unqualified-significance', () => {
  it('flags a bare “significant” and offers “statistically significant” or “substantial”', () => {
    const { text, reports } = check('We found a significant link between supervision and completion.');
    assert.equal(reports.length, 1);
    assert.equal(covered(text, reports[0].range), 'significant');
    assert.deepEqual(
      reports[0].fixes!.map((f) => applyFix(text, f).trimEnd()),
      [
        'We found a statistically significant link between supervision and completion.',
        'We found a substantial link between supervision and completion.',
      ],
    );
  });

  it('turns “significantly” into an adverb that still reads', () => {
    const { text, reports } = check('Completion was significantly higher.');
    assert.deepEqual(
      reports[0].fixes!.map((f) => applyFix(text, f).trimEnd()),
      ['Completion was statistically significantly higher.', 'Completion was substantially higher.'],
    );
  });

  it('keeps a capital at the start of a sentence', () => {
    const { text, reports } = check('Significant gaps remained.');
    assert.equal(applyFix(text, reports[0].fixes![1]).trimEnd(), 'Substantial gaps remained.');
  });

  const qualified = [
    'The gaps were statistically significant (p < 0.05).',
    'The difference was significant (p = .03).',
    'The difference was significant at the 5% level.',
    'The gap was significant, with a 95% confidence interval of 10 to 18 points.',
    'A chi-square test showed a significant difference.',
    'The difference was non-significant.',
    'Completion was higher where supervision was good.',
  ];
  for (const sentence of qualified) {
    it(`leaves “${sentence}” alone`, () => assert.deepEqual(check(sentence).reports, []));
  }

  it('checks each sentence on its own', () => {
    const { reports } = check('The test was repeated. The gap was significant.');
    assert.equal(reports.length, 1);
  });
});
