import * as assert from 'node:assert/strict';
import { applyFix, findings, flagged } from './rule-term-helpers';

const RULE = 'inconsistent-term';

describe('inconsistent-term', () => {
  it('flags the less common capitalisation of a term', () => {
    const text = 'Cases were matched to nDelius. nDelius holds completions. NDelius was searched too.';
    const all = findings(RULE, text);
    assert.deepEqual(all.map((f) => text.slice(f.range.start, f.range.end)), ['NDelius']);
    assert.equal(all[0].severity, 'information');
    assert.equal(all[0].message, '“NDelius” is spelt “nDelius” elsewhere in this document (2 times).');
    assert.equal(applyFix(text, all[0].fixes[0]), 'Cases were matched to nDelius. nDelius holds completions. nDelius was searched too.');
  });

  it('flags a hyphen where the document otherwise uses dashes, and fixes to the glossary’s spelling', () => {
    const text = 'The risk–need–responsivity model. Under risk–need–responsivity, intensity varies. Risk-need-responsivity is old.';
    const [finding, ...rest] = findings(RULE, text);
    assert.equal(rest.length, 0);
    assert.equal(text.slice(finding.range.start, finding.range.end), 'Risk-need-responsivity');
    assert.equal(finding.fixes[0].title, 'Change to “Risk–need–responsivity” (the glossary’s spelling)');
    assert.equal(applyFix(text, finding.fixes[0]).endsWith('Risk–need–responsivity is old.'), true);
  });

  it('does not count a capital that only starts a sentence, plurals, or line breaks', () => {
    assert.deepEqual(flagged(RULE, 'Desistance is slow. We studied desistance.'), []);
    assert.deepEqual(flagged(RULE, 'The risk need\nresponsivity model and the risk need responsivity model.'), []);
  });

  it('does not treat different glossary forms of one entry as misspellings', () => {
    assert.deepEqual(flagged(RULE, 'Desistance takes time. People desist slowly, going straight in stages.'), []);
  });

  it('ignores headings, which often use title case', () => {
    assert.deepEqual(flagged(RULE, '# The NDelius Record\n\nWe used nDelius. nDelius is national.\n'), []);
  });
});
