// Human-readable output grouped by file, in the style most linters use, streamed file by file.
import type { Severity } from '../../core/types';
import type { PlacedFinding } from '../engine';

export interface Palette {
  underline(text: string): string;
  severity(severity: Severity, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const plain: Palette = {
  underline: (t) => t,
  severity: (_s, t) => t,
  dim: (t) => t,
  bold: (t) => t,
};

const SEVERITY_CODES: Record<Severity, number> = { error: 31, warning: 33, information: 36, hint: 90 };
const ansi = (code: number, text: string): string => `\u001b[${code}m${text}\u001b[39m`;

const coloured: Palette = {
  underline: (t) => `\u001b[4m${t}\u001b[24m`,
  severity: (s, t) => ansi(SEVERITY_CODES[s], t),
  dim: (t) => ansi(90, t),
  bold: (t) => `\u001b[1m${t}\u001b[22m`,
};

export function palette(colour: boolean): Palette {
  return colour ? coloured : plain;
}

const LABELS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

/** One file's block, or an empty string when it has no findings. */
export function stylishFile(displayPath: string, findings: readonly PlacedFinding[], colours: Palette): string {
  if (findings.length === 0) return '';
  const places = findings.map((f) => `${f.line}:${f.column}`);
  const placeWidth = Math.max(...places.map((p) => p.length));
  const labelWidth = Math.max(...findings.map((f) => LABELS[f.severity].length));
  const messages = findings.map((f) => oneLine(f.message));
  const messageWidth = Math.max(...messages.map((m) => m.length));
  const lines = findings.map((f, i) => {
    const place = colours.dim(places[i].padEnd(placeWidth));
    const label = colours.severity(f.severity, LABELS[f.severity].padEnd(labelWidth));
    return `  ${place}  ${label}  ${messages[i].padEnd(messageWidth)}  ${colours.dim(f.ruleId)}`;
  });
  return `${colours.underline(displayPath)}\n${lines.join('\n')}\n\n`;
}

export interface Tally {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export function emptyTally(): Tally {
  return { error: 0, warning: 0, information: 0, hint: 0 };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The closing line; empty when there was nothing to report. */
export function stylishSummary(tally: Tally, colours: Palette): string {
  const notes = tally.information + tally.hint;
  const total = tally.error + tally.warning + notes;
  if (total === 0) return '';
  const parts = [plural(tally.error, 'error'), plural(tally.warning, 'warning')];
  if (notes > 0) parts.push(plural(notes, 'note'));
  const summary = `✖ ${plural(total, 'problem')} (${parts.join(', ')})`;
  const worst: Severity = tally.error ? 'error' : tally.warning ? 'warning' : 'information';
  return `${colours.bold(colours.severity(worst, summary))}\n`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
