import * as assert from 'node:assert/strict';
import { applyFix, findings, flagged } from './rule-term-helpers';

const RULE = 'undefined-acronym';

describe('undefined-acronym', () => {
  it('flags only the first use of an acronym before its term is spelt out', () => {
    const text = 'Supervision follows RNR. RNR also shapes programmes.';
    const all = findings(RULE, text);
    assert.equal(all.length, 1);
    assert.equal(all[0].range.start, text.indexOf('RNR'));
    assert.equal(all[0].severity, 'warning');
    assert.equal(all[0].message, '“RNR” is used before it is spelt out: write “risk–need–responsivity (RNR)” the first time.');
  });

  it('inserts the full term, capitalised at the start of a sentence', () => {
    const mid = 'Supervision follows RNR closely.';
    assert.equal(applyFix(mid, findings(RULE, mid)[0].fixes[0]), 'Supervision follows risk–need–responsivity (RNR) closely.');
    const start = 'RNR guides supervision.';
    assert.equal(applyFix(start, findings(RULE, start)[0].fixes[0]), 'Risk–need–responsivity (RNR) guides supervision.');
  });

  it('accepts the term spelt out before, or together with, the acronym', () => {
    assert.deepEqual(flagged(RULE, 'The risk–need–responsivity (RNR) model. RNR matters.'), []);
    assert.deepEqual(flagged(RULE, 'The RNR (risk-need-responsivity) model. RNR matters.'), []);
    assert.deepEqual(flagged(RULE, 'Risk need responsivity came first. Later RNR took hold.'), []);
  });

  it('flags acronyms only for entries that ask for a definition', () => {
    const text = 'Staff used MI. Motivational interviewing helps.';
    assert.deepEqual(flagged(RULE, text), ['MI']);
  });

  it('does not flag an acronym in a heading, but still flags the first in the text', () => {
    assert.deepEqual(flagged(RULE, '# RNR in practice\n\nWe applied RNR.\n'), ['RNR']);
  });
});
