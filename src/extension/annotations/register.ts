// PLACEHOLDER: the annotation workflow (claims view, annotate command, claims report) is being built.
import * as vscode from 'vscode';
import type { DocumentChecker } from '../documentChecker';
import type { KnowledgeBase } from '../knowledge';

export function registerAnnotationWorkflow(context: vscode.ExtensionContext, _checker: DocumentChecker, _knowledge: KnowledgeBase): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('bulletinChecker.showClaims', () => vscode.commands.executeCommand('bulletinChecker.claims.focus')),
  );
}
