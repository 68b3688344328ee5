// Quick fixes. Every fix travels with the document version it was computed for and is applied by
// `bulletinChecker.applyFix`, which refuses it if the text has changed since: a fix is never
// applied to text it was not computed for. Edits go through a WorkspaceEdit, so Undo reverts them.
import * as vscode from 'vscode';
import type { Fix } from '../core/types';
import type { DocumentChecker } from './documentChecker';

export const APPLY_FIX_COMMAND = 'bulletinChecker.applyFix';

export interface FixArguments {
  uri: string;
  version: number;
  title: string;
  edits: { start: number; end: number; newText: string }[];
}

export class FixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly checker: DocumentChecker) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const checked = this.checker.current(document);
    if (!checked) return [];
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const actions: vscode.CodeAction[] = [];
    for (const finding of checked.result.findings) {
      if (finding.range.end < start || finding.range.start > end || finding.fixes.length === 0) continue;
      const diagnostic = context.diagnostics.find(
        (d) => codeOf(d) === finding.ruleId && document.offsetAt(d.range.start) === finding.range.start,
      );
      for (const fix of finding.fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.command = { command: APPLY_FIX_COMMAND, title: fix.title, arguments: [fixArguments(document, checked.version, fix)] };
        if (diagnostic) action.diagnostics = [diagnostic];
        action.isPreferred = fix.isPreferred ?? false;
        actions.push(action);
      }
    }
    return actions;
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

export function fixArguments(document: vscode.TextDocument, version: number, fix: Fix): FixArguments {
  return {
    uri: document.uri.toString(),
    version,
    title: fix.title,
    edits: fix.edits.map((e) => ({ start: e.range.start, end: e.range.end, newText: e.newText })),
  };
}

/** Applies a fix if, and only if, the document is still at the version the fix was computed for. */
export async function applyFix(args: FixArguments): Promise<boolean> {
  const uri = vscode.Uri.parse(args.uri);
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri);
  if (!document || document.version !== args.version) {
    void vscode.window.showWarningMessage(
      `Bulletin Checker did not apply “${args.title}”: the document has changed since the fix was suggested. Try the quick fix again.`,
    );
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of args.edits) {
    edit.replace(uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  }
  return vscode.workspace.applyEdit(edit);
}
