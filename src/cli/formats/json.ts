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

/** Streams the array: call `item` per finding in order, then `end`. */
export class JsonArrayWriter {
  private first = true;

  constructor(private readonly write: (chunk: string) => void) {}

  item(finding: JsonFinding): void {
    this.write(`${this.first ? '[\n' : ',\n'}  ${JSON.stringify(finding)}`);
    this.first = false;
  }

  end(): void {
    this.write(this.first ? '[]\n' : '\n]\n');
  }
}
