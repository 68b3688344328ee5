// Reads and parses glossary and evidence-registry files, remembering the last version of each that
// loaded, and shows each file's problems as diagnostics in that file.
import * as vscode from 'vscode';
import type { ConfigProblem } from '../core/types';
import type { Log } from './log';

export interface Parsed<T> {
  value: T;
  problems: ConfigProblem[];
  /** True when the file was unusable and `value` is the last version that loaded. */
  stale: boolean;
}

interface CacheEntry<T> {
  text: string;
  parsed: Parsed<T>;
  generation: number;
}

export class ConfigFileCache<T> implements vscode.Disposable {
  private readonly cache = new Map<string, CacheEntry<T>>();
  private readonly lastGood = new Map<string, T>();
  private generation = 0;

  constructor(
    private readonly kind: string,
    private readonly parse: (text: string, file: string) => { value: T; problems: ConfigProblem[]; usable: boolean },
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly log: Log,
  ) {}

  /** Loads a file (from its open editor if it has one, so unsaved edits count). */
  async load(uri: vscode.Uri): Promise<{ parsed: Parsed<T>; generation: number } | undefined> {
    const key = uri.toString();
    const text = await readText(uri);
    if (text === undefined) {
      this.cache.delete(key);
      this.diagnostics.delete(uri);
      return undefined;
    }
    const cached = this.cache.get(key);
    if (cached && cached.text === text) return { parsed: cached.parsed, generation: cached.generation };

    const result = this.parse(text, key);
    let parsed: Parsed<T>;
    if (result.usable) {
      this.lastGood.set(key, result.value);
      this.log.forget(`unusable:${key}`);
      parsed = { value: result.value, problems: result.problems, stale: false };
    } else {
      const previous = this.lastGood.get(key);
      parsed = { value: previous ?? result.value, problems: result.problems, stale: previous !== undefined };
      const first = result.problems[0];
      const where = first ? `${first.line + 1}:${first.column + 1}: ${first.message}` : 'it could not be read';
      const said = this.log.once(
        `unusable:${key}`,
        `The ${this.kind} ${vscode.workspace.asRelativePath(uri)} could not be loaded (${where}). ` +
          (previous ? 'The last version that loaded stays in force until it is fixed.' : 'It is ignored until it is fixed.'),
      );
      if (said) {
        void vscode.window.showWarningMessage(
          `Bulletin Checker: the ${this.kind} ${vscode.workspace.asRelativePath(uri)} has errors. ` +
            (previous ? 'Using the last version that loaded.' : 'It is ignored until fixed.') + ' See the Problems panel.',
        );
      }
    }
    this.diagnostics.set(uri, parsed.problems.map(toDiagnostic));
    const entry = { text, parsed, generation: ++this.generation };
    this.cache.set(key, entry);
    return { parsed, generation: entry.generation };
  }

  dispose(): void {
    this.cache.clear();
  }
}

export function toDiagnostic(problem: ConfigProblem): vscode.Diagnostic {
  const range = new vscode.Range(problem.line, problem.column, problem.endLine, problem.endColumn);
  const diagnostic = new vscode.Diagnostic(range, problem.message, toSeverity(problem.severity));
  diagnostic.source = 'Bulletin Checker';
  return diagnostic;
}

export function toSeverity(severity: string): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'hint':
      return vscode.DiagnosticSeverity.Hint;
    default:
      return vscode.DiagnosticSeverity.Information;
  }
}

/** Text of a file through `vscode.workspace.fs`, so virtual workspaces work too; undefined if absent. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return new TextDecoder('utf-8').decode(bytes);
  } catch {
    return undefined;
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
