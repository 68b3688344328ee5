// The claims report: every causal or associational sentence with its status and evidence.
import type { ClaimRow } from '../engine';

export interface ClaimsOfFile {
  displayPath: string;
  claims: readonly ClaimRow[];
}

const HEADINGS = ['File', 'Line', 'Sentence', 'Classification', 'Status', 'Evidence'];

function cells(file: string, claim: ClaimRow): string[] {
  return [file, String(claim.line), claim.sentence, claim.classification, claim.status, claim.evidence];
}

function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

export function claimsMarkdown(files: readonly ClaimsOfFile[]): string {
  const rows = [`| ${HEADINGS.join(' | ')} |`, `|${HEADINGS.map((h) => (h === 'Line' ? ' ---: ' : ' --- ')).join('|')}|`];
  let count = 0;
  for (const { displayPath, claims } of files) {
    for (const claim of claims) {
      rows.push(`| ${cells(displayPath, claim).map(markdownCell).join(' | ')} |`);
      count++;
    }
  }
  const heading = `# Claims report\n\n${count === 1 ? '1 claim' : `${count} claims`} in ${files.length === 1 ? '1 file' : `${files.length} files`}.\n\n`;
  return count === 0 ? heading : `${heading}${rows.join('\n')}\n`;
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180: CRLF line ends, quotes doubled inside quoted cells. */
export function claimsCsv(files: readonly ClaimsOfFile[]): string {
  const rows = [HEADINGS.map((h) => h.toLowerCase()).map(csvCell).join(',')];
  for (const { displayPath, claims } of files) {
    for (const claim of claims) rows.push(cells(displayPath, claim).map(csvCell).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}
