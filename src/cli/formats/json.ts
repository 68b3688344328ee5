// Machine-readable findings: one flat array, 1-based lines and UTF-16 columns.
import type { Severity } from '../../core/types';
import type { PlacedFinding } from '../engine';

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: Severity;
  message: string;
}

export function toJsonFindings(displayPath: string, findings: readonly PlacedFinding[]): JsonFinding[] {
  return findings.map((f) => ({
    file: displayPath,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
  }));
}

/** Streams the array one file at a time (one write each, not one per finding), then `end`. */
export class JsonArrayWriter {
  private first = true;

  constructor(private readonly write: (chunk: string) => void) {}

  items(findings: readonly JsonFinding[]): void {
    if (findings.length === 0) return;
    let chunk = '';
    for (const finding of findings) {
      chunk += `${this.first ? '[\n' : ',\n'}  ${JSON.stringify(finding)}`;
      this.first = false;
    }
    this.write(chunk);
  }

  end(): void {
    this.write(this.first ? '[]\n' : '\n]\n');
  }
}
