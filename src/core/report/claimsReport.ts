// The claims report a reviewer signs off: one row per claim (every sentence the classifier did not
// label `none`), as a Markdown table or CSV. Shared by the extension's export command and the CLI.
import type { Claim, ClaimStatus } from '../types';
import { LineIndex } from '../text/lineIndex';

export interface ClaimRow {
  line: number;
  sentence: string;
  classification: string;
  status: ClaimStatus;
  cue: string;
  evidence: string;
}

const STATUS_WORDS: Record<string, string> = {
  unsupported: 'unsupported',
  hedged: 'hedged',
  supported: 'supported',
  associational: 'associational',
  none: 'no claim',
};

const LABEL_WORDS: Record<string, string> = {
  direct_causal: 'causal',
  conditional_causal: 'hedged causal',
  correlational: 'associational',
  none: 'none',
};

/** 1-based line of each offset. */
export function lineFinder(text: string): (offset: number) => number {
  const lines = new LineIndex(text);
  return (offset) => lines.lineOf(offset) + 1;
}

/** The claim's cue words, without spans that sit inside a longer cue ("may help" in "may help to reduce"). */
export function cueWords(claim: Claim): string[] {
  const cues = claim.classification.cues;
  return cues
    .filter((c) => !cues.some((o) => o !== c && o.start <= c.start && c.end <= o.end && o.end - o.start > c.end - c.start))
    .map((c) => c.text);
}

export function describeEvidence(claim: Claim): string {
  const e = claim.evidence;
  if (e.origin === 'none') return 'none declared';
  const parts = [e.design, e.sms !== undefined ? `SMS ${e.sms}` : undefined, e.source].filter(Boolean);
  const where = { 'front-matter': 'front matter', sentence: 'named in sentence', annotation: 'annotation', citation: 'citation', none: '' }[e.origin];
  return `${parts.join(', ') || 'unspecified'} (${where})`;
}

export function claimRows(text: string, claims: Claim[]): ClaimRow[] {
  const lineOf = lineFinder(text);
  return claims
    .filter((c) => c.classification.label !== 'none')
    .map((claim) => ({
      line: lineOf(claim.sentence.range.start),
      sentence: text.slice(claim.sentence.range.start, claim.sentence.range.end).replace(/\s+/g, ' ').trim(),
      classification: LABEL_WORDS[claim.classification.label] ?? claim.classification.label,
      status: claim.status,
      cue: cueWords(claim).join('; '),
      evidence: describeEvidence(claim),
    }));
}

export function renderMarkdownReport(title: string, rows: (ClaimRow & { file?: string })[]): string {
  const withFile = rows.some((r) => r.file);
  const counts = countByStatus(rows);
  const out = [
    `# Claims report: ${escapeCell(title)}`,
    '',
    `${rows.length} claim${rows.length === 1 ? '' : 's'}: ${counts.unsupported} unsupported, ${counts.hedged} hedged, ${counts.supported} supported, ${counts.associational} associational.`,
    '',
    `| ${withFile ? 'File | ' : ''}Line | Sentence | Classification | Status | Cue | Evidence | Reviewer sign-off |`,
    `| ${withFile ? '--- | ' : ''}---: | --- | --- | --- | --- | --- | --- |`,
  ];
  for (const r of rows) {
    out.push(
      `| ${withFile ? escapeCell(r.file ?? '') + ' | ' : ''}${r.line} | ${escapeCell(r.sentence)} | ${r.classification} | ${STATUS_WORDS[r.status]} | ${escapeCell(r.cue)} | ${escapeCell(r.evidence)} |  |`,
    );
  }
  return out.join('\n') + '\n';
}

export function renderCsvReport(rows: (ClaimRow & { file?: string })[]): string {
  const withFile = rows.some((r) => r.file);
  const header = [...(withFile ? ['file'] : []), 'line', 'sentence', 'classification', 'status', 'cue', 'evidence'];
  const lines = [header.join(',')];
  for (const r of rows) {
    const cells = [...(withFile ? [r.file ?? ''] : []), String(r.line), r.sentence, r.classification, r.status, r.cue, r.evidence];
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export function countByStatus(rows: { status: ClaimStatus }[]): Record<string, number> {
  const counts: Record<string, number> = { unsupported: 0, hedged: 0, supported: 0, associational: 0 };
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

// RFC 4180 quoting; a leading = + - @ is prefixed so spreadsheets do not run it as a formula.
function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
