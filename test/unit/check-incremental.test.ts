// The engine's reuse between checks (CheckCache): every case here changes something a carried-over
// block's findings depend on without touching the block itself, and expects a fresh check's result.
import { strict as assert } from 'node:assert';
import { checkDocument, CheckCache, type CheckOptions, type CheckResult } from '../../src/core/check';
import type { Glossary } from '../../src/core/types';
import { testGlossary } from '../fixtures/hostile/glossary';
import { allRules } from '../../src/core/rules/index';

const { glossary } = testGlossary();

const CLAIMS = [
  'High-quality supervision therefore cuts reoffending by 14 percentage points.',
  'Building trust with offenders is what drives their desistance.',
  'Reoffending was 14% lower where supervision was judged good.',
  'The effect was significant.',
];

function bulletin(frontMatter: string, paragraphs = 40): string {
  const parts = [frontMatter, '# Supervision quality', ''];
  for (let i = 0; i < paragraphs; i++) parts.push(`${CLAIMS[i % CLAIMS.length]} Paragraph ${i} of the findings.`, '');
  return parts.join('\n');
}

const DECLARED_2 = '---\ntitle: Supervision\nevidence: { design: observational, sms: 2 }\n---\n';
const DECLARED_4 = '---\ntitle: Supervision\nevidence: { design: regression discontinuity, sms: 4 }\n---\n';

function same(incremental: CheckResult, fresh: CheckResult): void {
  assert.deepEqual(incremental.findings, fresh.findings);
  assert.deepEqual(incremental.claims, fresh.claims);
  assert.deepEqual(incremental.sentences, fresh.sentences);
  assert.deepEqual(incremental.termMatches, fresh.termMatches);
}

function recheck(before: string, after: string, options: CheckOptions = {}, beforeOptions: CheckOptions = options): CheckResult {
  const cache = new CheckCache();
  checkDocument(before, { glossary, ...beforeOptions, cache });
  const again = checkDocument(after, { glossary, ...options, cache });
  same(again, checkDocument(after, { glossary, ...options }));
  return again;
}

describe('incremental checking keeps results equal to a fresh check', () => {
  const text = bulletin(DECLARED_2);

  it('re-parses one block after an edit far from the front matter and reuses the rest', () => {
    const at = text.lastIndexOf('Paragraph 30');
    const again = recheck(text, text.slice(0, at) + 'Now ' + text.slice(at));
    assert.equal(again.blocksAnalysed, 1);
    assert.ok(again.findings.some((f) => f.ruleId === 'unsupported-causal-claim'));
  });

  it('follows an evidence annotation added after a paragraph that was carried over', () => {
    const at = text.indexOf('\n\n', text.indexOf('Paragraph 4 ')) + 1;
    const annotated = text.slice(0, at) + '<!-- evidence: sms=4; design="regression discontinuity" -->\n' + text.slice(at);
    const again = recheck(text, annotated);
    const block = again.sentences.find((s) => s.text.includes('Paragraph 4 '))!.blockIndex;
    const claims = again.claims.filter((c) => c.sentence.blockIndex === block && c.classification.label !== 'none');
    assert.ok(claims.length > 0, 'the paragraph makes a claim');
    for (const claim of claims) assert.equal(claim.evidence.origin, 'annotation');
    // And removing it again restores the earlier result.
    recheck(annotated, text);
  });

  it('follows an annotation edited below a comment line, where the paragraph itself is not re-parsed', () => {
    const at = text.indexOf('\n\n', text.indexOf('Paragraph 8 ')) + 1;
    const withNote = (sms: number) =>
      text.slice(0, at) + `<!-- reviewed -->\n<!-- evidence: sms=${sms}; design="panel" -->\n` + text.slice(at);
    const strong = recheck(withNote(2), withNote(4));
    const block = strong.sentences.find((s) => s.text.includes('Paragraph 8 '))!.blockIndex;
    const claims = strong.claims.filter((c) => c.sentence.blockIndex === block && c.classification.label !== 'none');
    assert.ok(claims.length > 0, 'the paragraph makes a claim');
    for (const claim of claims) assert.equal(claim.evidence.sms, 4);
    recheck(withNote(4), withNote(2));
  });

  it('follows a change of declared evidence in the front matter', () => {
    const again = recheck(text, bulletin(DECLARED_4));
    assert.ok(!again.findings.some((f) => f.ruleId === 'unsupported-causal-claim'), 'SMS 4 supports the causal wording');
    recheck(bulletin(DECLARED_4), text);
  });

  it('follows a change of rule severity or minimum SMS with the same cache', () => {
    recheck(text, text, { rules: { 'unsupported-causal-claim': { severity: 'error' } } }, {});
    recheck(text, text, { rules: { 'percentage-points': { severity: 'off' } } }, {});
    recheck(text, text, { causalEvidenceMinimumSms: 2 }, {});
  });

  it('follows a change of glossary with the same cache', () => {
    const empty: Glossary = { entries: [] };
    const again = recheck(text, text, { glossary: empty }, {});
    assert.deepEqual(again.termMatches, []);
  });

  it('handles edits that join, split and move paragraphs, with CRLF line ends', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const join = crlf.indexOf('\r\n\r\n', crlf.indexOf('Paragraph 12 '));
    recheck(crlf, crlf.slice(0, join) + ' ' + crlf.slice(join + 4));
    const split = crlf.indexOf(' Paragraph 20 ');
    recheck(crlf, crlf.slice(0, split) + '\r\n\r\n' + crlf.slice(split + 1));
    const cut = crlf.indexOf('Paragraph 3 ');
    recheck(crlf, crlf.slice(0, cut) + crlf.slice(crlf.indexOf('Paragraph 9 ')));
  });

  it('matches a fresh check through a run of edits, deletions and undo', () => {
    const cache = new CheckCache();
    let current = text;
    checkDocument(current, { glossary, cache });
    const edits: [string, string][] = [
      ['Paragraph 7 ', 'Paragraph 7 ```\n'],
      ['Paragraph 7 ```\n', 'Paragraph 7 '],
      ['Paragraph 15 ', 'Paragraph 15 <!-- bulletin-checker-disable-line unsupported-causal-claim --> '],
      ['cuts reoffending by 14 percentage points. Paragraph 16', 'may reduce reoffending. Paragraph 16'],
      ['# Supervision quality\n', '# Supervision quality\n\n- a list item\n'],
    ];
    for (const [find, replace] of edits) {
      const at = current.indexOf(find);
      assert.ok(at >= 0, find);
      current = current.slice(0, at) + replace + current.slice(at + find.length);
      same(checkDocument(current, { glossary, cache }), checkDocument(current, { glossary }));
    }
  });

  it('follows a change to an article in the paragraph before a discouraged term that was carried over', () => {
    // "an" ends one paragraph and "offender" starts the next: the fix corrects the article, which
    // sits outside the carried-over paragraph, so a remembered fix must notice when it changes.
    const base = bulletin(DECLARED_2, 12) + '\nWe spoke to an\n\noffender about supervision.\n';
    const lastFix = (text: string, result: CheckResult) => {
      const at = text.lastIndexOf('offender');
      return result.findings.find((f) => f.ruleId === 'discouraged-term' && f.range.start === at)!.fixes[0].edits[0];
    };
    const first = lastFix(base, recheck(bulletin(DECLARED_2, 12), base));
    assert.equal(first.newText, 'a\n\nperson on probation', 'the article is corrected');
    const changedText = base.replace('spoke to an\n', 'spoke to a\n');
    assert.equal(lastFix(changedText, recheck(base, changedText)).newText, 'person on probation');
    // Moving both by an edit above keeps the article's correction in step with the term.
    const movedText = base.replace('Paragraph 0 ', 'Paragraph 0 early ');
    const moved = lastFix(movedText, recheck(base, movedText));
    assert.deepEqual(moved, { newText: first.newText, range: { start: first.range.start + 6, end: first.range.end + 6 } });
  });

  it('matches a fresh check after a claim rule threw part-way through a block in an earlier check', () => {
    // The rule throws on one sentence only, after it has already made findings for others in
    // the same block; once it stops throwing, nothing half-remembered may leak into later checks.
    const rule = allRules.find((r) => r.id === 'unsupported-causal-claim')!;
    const original = rule.checkClaim!;
    const base = bulletin(DECLARED_2, 12).replace('Paragraph 5 of the findings.', 'Paragraph 5 of the findings. Supervision cuts reoffending BREAK.');
    const cache = new CheckCache();
    try {
      rule.checkClaim = (claim, context) => {
        if (claim.sentence.text.includes('BREAK')) throw new Error('broke on purpose');
        return original.call(rule, claim, context);
      };
      const broken = checkDocument(base, { glossary, cache });
      assert.deepEqual(broken.ruleFailures.map((f) => f.ruleId), ['unsupported-causal-claim']);
      assert.ok(!broken.findings.some((f) => f.ruleId === 'unsupported-causal-claim'));
    } finally {
      rule.checkClaim = original;
    }
    // Now the rule works: an edit above the block moves it, and its findings must be whole.
    const edited = base.replace('Paragraph 0 ', 'Paragraph 0 early ');
    const again = checkDocument(edited, { glossary, cache });
    same(again, checkDocument(edited, { glossary }));
    assert.deepEqual(again.ruleFailures, []);
  });

  it('keeps the problem of an annotation that applies to nothing in step when an edit above moves it', () => {
    // Its problem is placed on the whole comment, whose range the re-parse moves in place.
    const base = bulletin(DECLARED_2, 12).replace('Paragraph 8 of the findings.\n', 'Paragraph 8 of the findings.\n\n<!-- evidence: sms=4 -->\n');
    const first = recheck(bulletin(DECLARED_2, 12), base);
    const problem = (result: CheckResult) => result.findings.filter((f) => f.ruleId === 'invalid-annotation');
    assert.equal(problem(first).length, 1, 'the stray annotation is reported');
    for (const edited of [base.replace('Paragraph 0 ', 'Paragraph 0 early '), base.replace('Paragraph 1 of', 'Paragraph 1 fo')]) {
      const again = recheck(base, edited);
      assert.equal(problem(again)[0].range.start, edited.indexOf('<!-- evidence: sms=4 -->'));
    }
  });

  it('gives lazily made explanations and fixes to JSON and structured cloning', () => {
    const result = checkDocument(text, { glossary });
    const finding = result.findings.find((f) => f.ruleId === 'unsupported-causal-claim');
    assert.ok(finding);
    const json = JSON.parse(JSON.stringify(finding));
    assert.ok(json.explanation.includes('Causal wording'));
    assert.ok(json.fixes.length >= 2);
    assert.deepEqual(structuredClone(finding), json);
    finding.fixes = [];
    assert.deepEqual(finding.fixes, []);
  });
});
