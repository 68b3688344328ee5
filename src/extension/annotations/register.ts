// The annotation workflow: the Claims view and CodeLens, annotating a claim, the claims report and
// hovers on annotations and citations.
import * as vscode from 'vscode';
import type { DocumentChecker } from '../documentChecker';
import type { KnowledgeBase } from '../knowledge';
import { annotateClaim, type AnnotateArguments } from './annotate';
import { AnnotationHoverProvider } from './annotationHover';
import { ClaimsView } from './claimsView';
import { exportClaimsReport } from './exportReport';

export function registerAnnotationWorkflow(context: vscode.ExtensionContext, checker: DocumentChecker, _knowledge: KnowledgeBase): ClaimsView {
  const view = new ClaimsView(checker);
  const tree = vscode.window.createTreeView('bulletinChecker.claims', { treeDataProvider: view, showCollapseAll: true });
  const refreshTitle = () => {
    const claims = view.document?.result.claims.filter((c) => c.classification.label !== 'none') ?? [];
    const unsupported = claims.filter((c) => c.status === 'unsupported').length;
    tree.badge = unsupported ? { value: unsupported, tooltip: `${unsupported} unsupported claim${unsupported === 1 ? '' : 's'}` } : undefined;
    tree.message = view.document ? (claims.length ? undefined : 'No claims found in this bulletin.') : 'Open a Markdown bulletin to see its claims.';
  };
  const showActive = () => {
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.languageId === 'markdown') {
      view.update(checker.current(editor.document));
      refreshTitle();
    }
  };
  context.subscriptions.push(
    view,
    tree,
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, view),
    vscode.languages.registerHoverProvider({ language: 'markdown' }, new AnnotationHoverProvider(checker)),
    checker.onDidCheck((checked) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === checked.uri.toString()) {
        view.update(checked);
        refreshTitle();
      }
    }),
    vscode.window.onDidChangeActiveTextEditor(showActive),
    vscode.commands.registerCommand('bulletinChecker.showClaims', () => vscode.commands.executeCommand('bulletinChecker.claims.focus')),
    vscode.commands.registerCommand('bulletinChecker.refreshClaims', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (document) await checker.checkNow(document);
    }),
    vscode.commands.registerCommand('bulletinChecker.revealClaim', async (uri: string, start: number, end: number) => {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
      const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand('bulletinChecker.annotateClaim', (args?: AnnotateArguments) => annotateClaim(checker, args)),
    vscode.commands.registerCommand('bulletinChecker.exportClaimsReport', (args?: { format?: 'markdown' | 'csv' }) => exportClaimsReport(checker, args)),
    // For tests and other extensions: the claims the view shows, grouped by status.
    vscode.commands.registerCommand('bulletinChecker.getClaims', () =>
      view.getChildren().map((group) => ('group' in group ? { status: group.group.status, sentences: group.claims.map((c) => c.sentence.text.replace(/\s+/g, ' ').trim()) } : undefined)),
    ),
  );
  showActive();
  return view;
}
