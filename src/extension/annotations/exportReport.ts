// "Export Claims Report": a Markdown or CSV table of every claim for review and sign-off. It opens
// as a new, unsaved document, so nothing is written until the reviewer saves it.
import * as vscode from 'vscode';
import type { DocumentChecker } from '../documentChecker';
import { engine } from '../engine';

export async function exportClaimsReport(checker: DocumentChecker, args?: { format?: 'markdown' | 'csv' }): Promise<vscode.TextDocument | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Open a Markdown bulletin to export its claims.');
    return undefined;
  }
  const checked = checker.current(editor.document) ?? (await checker.checkNow(editor.document));
  if (!checked) return undefined;
  let format = args?.format;
  if (!format) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'Markdown table', description: 'for a review document', format: 'markdown' as const },
        { label: 'CSV', description: 'for a spreadsheet', format: 'csv' as const },
      ],
      { title: 'Export Claims Report', placeHolder: 'Choose a format' },
    );
    if (!picked) return undefined;
    format = picked.format;
  }
  const { claimRows, renderCsvReport, renderMarkdownReport } = engine();
  const rows = claimRows(editor.document.getText(), checked.result.claims);
  const title = vscode.workspace.asRelativePath(editor.document.uri);
  const content = format === 'csv' ? renderCsvReport(rows) : renderMarkdownReport(title, rows);
  const report = await vscode.workspace.openTextDocument({ language: format === 'csv' ? 'csv' : 'markdown', content });
  await vscode.window.showTextDocument(report, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  return report;
}
