// Self-describing fixtures: a prose line ends with `<!-- expect: rule-a, rule-b -->` or
// `<!-- expect: none -->`, naming every rule that must report a finding starting on that line.
import * as assert from 'node:assert/strict';
import { checkDocument, type CheckOptions } from '../../src/core/check';

export interface ExpectedLine {
  /** 0-based. */
  line: number;
  text: string;
  rules: string[];
}

export function expectations(text: string): ExpectedLine[] {
  const found: ExpectedLine[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const marker = /<!-- expect: ([^>]*?) -->/.exec(line);
    if (!marker) return;
    const rules = marker[1].trim() === 'none' ? [] : marker[1].split(',').map((r) => r.trim());
    found.push({ line: index, text: line.slice(0, marker.index).trim(), rules });
  });
  return found;
}

/** Rule ids of the findings starting on each 0-based line. */
export function rulesByLine(text: string, options: CheckOptions = {}): Map<number, string[]> {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const byLine = new Map<number, string[]>();
  const result = checkDocument(text, options);
  assert.deepEqual(result.ruleFailures, []);
  for (const finding of result.findings) {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= finding.range.start) lo = mid;
      else hi = mid - 1;
    }
    byLine.set(lo, [...(byLine.get(lo) ?? []), finding.ruleId]);
  }
  return byLine;
}

export function short(text: string): string {
  return text.length > 70 ? `${text.slice(0, 67)}…` : text;
}
