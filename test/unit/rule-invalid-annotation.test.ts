import * as assert from 'node:assert/strict';
import { invalidAnnotation } from '../../src/core/rules/invalid-annotation';
import { parseRegistry } from '../../src/core/claims/registry';
import { checkDocument } from '../../src/core/check';
import { applyFix, buildContext, covered, runRule } from './evidence-fixtures';

const SENTENCE = 'Good supervision cuts reoffending.';
const registry = parseRegistry('version: 1\nsources:\n  smith2021: { title: A study, design: regression discontinuity }\n', 'r.yaml').registry;

function check(annotation: string) {
  const text = `${SENTENCE} ${annotation}\n`;
  return { text, reports: runRule(invalidAnnotation, buildContext(text, { registry })) };
}

describe('invalid-annotation', () => {
  it('accepts a well-formed annotation', () => {
    assert.deepEqual(check('<!-- evidence: sms=4; design="regression discontinuity"; source="@smith2021"; note="see annex" -->').reports, []);
  });

  it('flags an unknown key at the key, with the closest known key as a fix', () => {
    const { text, reports } = check('<!-- evidence: sms=4; desing="observational" -->');
    assert.equal(reports.length, 1);
    assert.equal(covered(text, reports[0].range), 'desing');
    assert.match(reports[0].message, /Unknown evidence annotation key “desing”; did you mean “design”\?/);
    assert.equal(applyFix(text, reports[0].fixes![0]), `${SENTENCE} <!-- evidence: sms=4; design="observational" -->\n`);
  });

  it('flags an SMS level outside 1–5 or not a number, at the value', () => {
    for (const [value, pattern] of [
      ['7', /whole number from 1 to 5.*not 7/],
      ['high', /number from 1 to 5, not “high”/],
      ['?', /Complete the annotation/],
      ['3.5', /whole number from 1 to 5/],
    ] as const) {
      const { text, reports } = check(`<!-- evidence: sms=${value} -->`);
      assert.equal(reports.length, 1, value);
      assert.equal(covered(text, reports[0].range), value);
      assert.match(reports[0].message, pattern);
    }
  });

  it('warns about an unknown design and suggests the closest inside the quotes', () => {
    const { text, reports } = check('<!-- evidence: sms=4; design="regresion discontinuity" -->');
    assert.equal(reports[0].severity, 'warning');
    assert.equal(covered(text, reports[0].range), 'regresion discontinuity');
    assert.equal(applyFix(text, reports[0].fixes![0]), `${SENTENCE} <!-- evidence: sms=4; design="regression discontinuity" -->\n`);
  });

  it('flags a citation key missing from the registry, suggesting the closest', () => {
    const { text, reports } = check('<!-- evidence: source="@smith2012" -->');
    assert.equal(covered(text, reports[0].range), '@smith2012');
    assert.match(reports[0].message, /not in the evidence registry; did you mean “@smith2021”\?/);
    assert.equal(applyFix(text, reports[0].fixes![0]), `${SENTENCE} <!-- evidence: source="@smith2021" -->\n`);
  });

  it('does not check free-text sources', () => {
    assert.deepEqual(check('<!-- evidence: sms=2; source="MoJ proven reoffending statistics" -->').reports, []);
  });

  it('reports syntax errors at the bad part', () => {
    const missing = check('<!-- evidence: sms=4; regression discontinuity -->');
    assert.equal(covered(missing.text, missing.reports[0].range), 'regression discontinuity');
    assert.match(missing.reports[0].message, /Expected `key=value`/);

    const unclosed = check('<!-- evidence: design="observational -->');
    assert.match(unclosed.reports[0].message, /no closing quotation mark/);
    assert.equal(covered(unclosed.text, unclosed.reports[0].range), '"observational');

    const colon = check('<!-- evidence: sms: 4 -->');
    assert.equal(covered(colon.text, colon.reports[0].range), ':');
    assert.equal(applyFix(colon.text, colon.reports[0].fixes![0]), `${SENTENCE} <!-- evidence: sms= 4 -->\n`);

    const twice = check('<!-- evidence: sms=4; sms=2 -->');
    assert.match(twice.reports[0].message, /given twice/);
  });

  it('reports problems in the front-matter declaration at the offending value', () => {
    const text = '---\ntitle: T\nevidence:\n  design: observational\n  sms: 9\n  sorce: "@x"\n---\n\nText.\n';
    const reports = runRule(invalidAnnotation, buildContext(text));
    assert.deepEqual(
      reports.map((r) => covered(text, r.range)),
      ['sorce', '9'],
    );
  });

  it('uses the milder level for doubtful input only while the rule keeps its default severity', () => {
    const text = `${SENTENCE} <!-- evidence: sms=4; design="regresion discontinuity" -->\n`;
    const byDefault = checkDocument(text).findings.filter((f) => f.ruleId === 'invalid-annotation');
    assert.deepEqual(byDefault.map((f) => f.severity), ['warning']);
    const configured = checkDocument(text, { rules: { 'invalid-annotation': { severity: 'error' } } }).findings.filter(
      (f) => f.ruleId === 'invalid-annotation',
    );
    assert.deepEqual(configured.map((f) => f.severity), ['error']);
  });
});
