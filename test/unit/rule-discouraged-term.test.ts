import * as assert from 'node:assert/strict';
import { applyFix, findings, flagged } from './rule-term-helpers';

const RULE = 'discouraged-term';

describe('discouraged-term', () => {
  it('flags discouraged forms and names the preferred form and the reason', () => {
    const [finding] = findings(RULE, 'We spoke to each offender.');
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.message, 'Prefer “person on probation” to “offender”: Person-first language; HMIP and HMPPS now say “people on probation”.');
    assert.match(finding.explanation, /\*\*Discouraged term: “offender”\.\*\*/);
    assert.deepEqual(finding.data, { entryId: 'person on probation', form: 'offender', preferred: 'person on probation' });
  });

  it('does not flag the preferred wording or words that merely contain the form', () => {
    assert.deepEqual(flagged(RULE, 'We spoke to each person on probation about offending and offences.'), []);
  });

  it('replaces with the preferred form, keeping a capital at the start of a sentence', () => {
    const text = 'Offender views were mixed.';
    const [finding] = findings(RULE, text);
    assert.equal(finding.fixes[0].title, 'Replace with “Person on probation”');
    assert.equal(applyFix(text, finding.fixes[0]), 'Person on probation views were mixed.');
  });

  it('uses the plural the entry gives for plurals, and possessives', () => {
    const cases: Array<[string, string]> = [
      ['Offenders were interviewed.', 'People on probation were interviewed.'],
      ["The offender's record.", "The person on probation's record."],
      ["The offenders' records.", "The people on probation's records."],
      ['Two service users attended.', 'Two people on probation attended.'],
      ['Each offender manager agreed.', 'Each probation practitioner agreed.'],
      ['All offender managers agreed.', 'All probation practitioners agreed.'],
    ];
    for (const [before, after] of cases) {
      const [finding] = findings(RULE, before);
      assert.equal(applyFix(before, finding.fixes[0]), after, before);
    }
  });

  it('corrects “an” to “a” when the replacement needs it', () => {
    const text = 'We met an offender at the office.';
    const [finding] = findings(RULE, text);
    assert.equal(applyFix(text, finding.fixes[0]), 'We met a person on probation at the office.');
  });

  it('offers to replace every use of the same form in the document', () => {
    const text = 'An offender spoke. Later, two offenders spoke.\n\nAnother offender wrote.';
    const all = findings(RULE, text);
    assert.equal(all.length, 3);
    const replaceAll = all[0].fixes.find((f) => f.title === 'Replace all 3 in document');
    assert.ok(replaceAll);
    assert.equal(applyFix(text, replaceAll), 'A person on probation spoke. Later, two people on probation spoke.\n\nAnother person on probation wrote.');
  });

  it('does not offer “replace all” for a single use', () => {
    const [finding] = findings(RULE, 'Each offender spoke.');
    assert.deepEqual(finding.fixes.map((f) => f.title), ['Replace with “person on probation”']);
  });

  it('ignores forms in code', () => {
    assert.deepEqual(flagged(RULE, 'Use `offender` as the field name.'), []);
  });
});
