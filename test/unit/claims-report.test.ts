import * as assert from 'node:assert/strict';
import type { Claim, ClaimLabel, ClaimStatus } from '../../src/core/types';
import { claimRows, lineFinder, renderCsvReport, renderMarkdownReport } from '../../src/core/report/claimsReport';

function claim(text: string, sentence: string, label: ClaimLabel, status: ClaimStatus, cue: string, evidence: Claim['evidence']): Claim {
  const start = text.indexOf(sentence);
  const cueStart = sentence.indexOf(cue);
  return {
    sentence: { range: { start, end: start + sentence.length }, text: sentence, blockIndex: 0 },
    classification: {
      label,
      probabilities: { none: 0, correlational: 0, conditional_causal: 0, direct_causal: 0, [label]: 1 },
      cues: cue ? [{ start: cueStart, end: cueStart + cue.length, text: cue, kind: 'causal' }] : [],
      signals: [],
    },
    status,
    evidence,
  };
}

describe('the claims report', () => {
  const text = '# Findings\n\nSupervision cuts reoffending.\r\nIt is associated with completion, "by far".\n\nWe linked records.';
  const claims = [
    claim(text, 'Supervision cuts reoffending.', 'direct_causal', 'unsupported', 'cuts', { origin: 'front-matter', design: 'observational', sms: 2 }),
    claim(text, 'It is associated with completion, "by far".', 'correlational', 'associational', 'is associated with', { origin: 'none' }),
    claim(text, 'We linked records.', 'none', 'associational', '', { origin: 'none' }),
  ];

  it('lists every claim but not sentences that claim nothing, with 1-based lines across CRLF', () => {
    const rows = claimRows(text, claims);
    assert.deepEqual(rows.map((r) => [r.line, r.classification, r.status, r.cue]), [
      [3, 'causal', 'unsupported', 'cuts'],
      [4, 'associational', 'associational', 'is associated with'],
    ]);
    assert.equal(rows[0].evidence, 'observational, SMS 2 (front matter)');
    assert.equal(rows[1].evidence, 'none declared');
  });

  it('renders a Markdown table with counts and a sign-off column', () => {
    const md = renderMarkdownReport('bulletin.md', claimRows(text, claims));
    assert.match(md, /2 claims: 1 unsupported, 0 hedged, 0 supported, 1 associational\./);
    assert.match(md, /\| 3 \| Supervision cuts reoffending\. \| causal \| unsupported \| cuts \|/);
    assert.match(md, /Reviewer sign-off/);
  });

  it('renders CSV with quoting that survives commas, quotes and formula-like cells', () => {
    const csv = renderCsvReport([
      ...claimRows(text, claims),
      { line: 9, sentence: '=SUM(A1)', classification: 'causal', status: 'unsupported', cue: '', evidence: 'none declared' },
    ]);
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines[0], 'line,sentence,classification,status,cue,evidence');
    assert.equal(lines[2], '4,"It is associated with completion, ""by far"".",associational,associational,is associated with,none declared');
    assert.equal(lines[3], "9,'=SUM(A1),causal,unsupported,,none declared");
  });

  it('finds lines after lone CR and LF alike', () => {
    const lineOf = lineFinder('a\rb\nc\r\nd');
    assert.deepEqual([0, 2, 4, 7].map(lineOf), [1, 2, 3, 4]);
  });
});
