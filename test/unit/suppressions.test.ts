import * as assert from 'node:assert/strict';
import { checkDocument } from '../../src/core/check';
import { parseProse } from '../../src/core/prose/parse';
import { parseSuppressions } from '../../src/core/suppressions';
import type { TextRange } from '../../src/core/types';

const RULES = new Set(['causal-claim', 'discouraged-term', 'undefined-acronym']);

function suppressionsFor(text: string) {
  return parseSuppressions(parseProse(text), RULES);
}

/** The range of the first occurrence of `word` in `text`. */
function at(text: string, word: string, occurrence = 0): TextRange {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(word, start + 1);
  assert.ok(start >= 0, `"${word}" occurs in the text`);
  return { start, end: start + word.length };
}

describe('suppression comments', () => {
  it('disable-next-line silences the named rules on the next non-blank line only', () => {
    const text = 'First claim.\n<!-- bulletin-checker-disable-next-line causal-claim, discouraged-term -- quoted -->\n\nSecond claim.\nThird claim.';
    const s = suppressionsFor(text);
    assert.deepEqual(s.problems, []);
    assert.equal(s.isSuppressed('causal-claim', at(text, 'Second')), true);
    assert.equal(s.isSuppressed('discouraged-term', at(text, 'Second')), true);
    assert.equal(s.isSuppressed('undefined-acronym', at(text, 'Second')), false);
    assert.equal(s.isSuppressed('causal-claim', at(text, 'Third')), false);
    assert.equal(s.isSuppressed('causal-claim', at(text, 'First')), false);
  });

  it('disable-line silences the rule on the comment\'s own line', () => {
    const text = 'Offenders reoffend. <!-- bulletin-checker-disable-line discouraged-term -->\nOffenders again.';
    const s = suppressionsFor(text);
    assert.equal(s.isSuppressed('discouraged-term', at(text, 'Offenders')), true);
    assert.equal(s.isSuppressed('discouraged-term', at(text, 'Offenders', 1)), false);
  });

  it('disable and enable bound a range; a disable without an enable runs to the end', () => {
    const text = [
      'Before.',
      '<!-- bulletin-checker-disable causal-claim -->',
      'Inside.',
      '<!-- bulletin-checker-enable causal-claim -->',
      'Between.',
      '<!-- bulletin-checker-disable -->',
      'Everything off.',
    ].join('\n');
    const s = suppressionsFor(text);
    assert.equal(s.isSuppressed('causal-claim', at(text, 'Before')), false);
    assert.equal(s.isSuppressed('causal-claim', at(text, 'Inside')), true);
    assert.equal(s.isSuppressed('discouraged-term', at(text, 'Inside')), false);
    assert.equal(s.isSuppressed('causal-claim', at(text, 'Between')), false);
    assert.equal(s.isSuppressed('causal-claim', at(text, 'Everything')), true);
    assert.equal(s.isSuppressed('undefined-acronym', at(text, 'Everything')), true);
  });

  it('enabling one rule inside a disable-all range turns only that rule back on', () => {
    const text = '<!-- bulletin-checker-disable -->\nA.\n<!-- bulletin-checker-enable causal-claim -->\nB.\n<!-- bulletin-checker-enable -->\nC.';
    const s = suppressionsFor(text);
    assert.equal(s.isSuppressed('causal-claim', at(text, 'A.')), true);
    assert.equal(s.isSuppressed('causal-claim', at(text, 'B.')), false);
    assert.equal(s.isSuppressed('discouraged-term', at(text, 'B.')), true);
    assert.equal(s.isSuppressed('discouraged-term', at(text, 'C.')), false);
  });

  it('disable-file applies everywhere, even before the comment', () => {
    const text = 'Early.\n\n<!-- bulletin-checker-disable-file undefined-acronym -->\n\nLate.';
    const s = suppressionsFor(text);
    assert.equal(s.isSuppressed('undefined-acronym', at(text, 'Early')), true);
    assert.equal(s.isSuppressed('undefined-acronym', at(text, 'Late')), true);
    assert.equal(s.isSuppressed('causal-claim', at(text, 'Late')), false);
  });

  it('reports an unknown rule with close matches and a fix that corrects the name', () => {
    const text = '<!-- bulletin-checker-disable-next-line causal-claims -->\nText.';
    const s = suppressionsFor(text);
    assert.equal(s.problems.length, 1);
    const [problem] = s.problems;
    assert.equal(problem.ruleId, 'invalid-suppression');
    assert.deepEqual(problem.range, at(text, 'causal-claims'));
    assert.match(problem.message, /Unknown rule "causal-claims"/);
    assert.match(problem.message, /"causal-claim"/);
    assert.deepEqual(problem.fixes[0].edits, [{ range: at(text, 'causal-claims'), newText: 'causal-claim' }]);
    // An unknown-only list must not widen into "all rules".
    assert.equal(s.isSuppressed('causal-claim', at(text, 'Text')), false);
  });

  it('offers to remove an unknown name from a longer list, and still applies the known ones', () => {
    const text = '<!-- bulletin-checker-disable-next-line causal-claim, zzz-nothing-alike -->\nText.';
    const s = suppressionsFor(text);
    assert.equal(s.problems.length, 1);
    const removal = s.problems[0].fixes.find((f) => f.title.startsWith('Remove'));
    assert.ok(removal, 'a removal fix is offered');
    const edit = removal.edits[0];
    const fixed = text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
    assert.equal(fixed, '<!-- bulletin-checker-disable-next-line causal-claim -->\nText.');
    assert.equal(s.isSuppressed('causal-claim', at(text, 'Text')), true);
  });

  it('reports a misspelt directive', () => {
    const text = '<!-- bulletin-checker-disabel causal-claim -->\nText.';
    const s = suppressionsFor(text);
    assert.equal(s.problems.length, 1);
    assert.match(s.problems[0].message, /bulletin-checker-disable/);
  });

  it('ignores other comments and suppressions inside code', () => {
    const text = '<!-- evidence: rct -->\n\n```\n<!-- bulletin-checker-disable-file -->\n```\n\nText.';
    const s = suppressionsFor(text);
    assert.deepEqual(s.problems, []);
    assert.equal(s.isSuppressed('causal-claim', at(text, 'Text')), false);
  });

  it('reaches the writer through checkDocument as a warning', () => {
    const text = '<!-- bulletin-checker-disable-next-line no-such-rule -->\nText.';
    const result = checkDocument(text);
    const problems = result.findings.filter((f) => f.ruleId === 'invalid-suppression');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, 'warning');
  });
});
