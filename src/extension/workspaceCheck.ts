// "Check All Bulletins in Workspace": every Markdown file, with a cancellable progress
// notification; results go to the Problems panel.
import * as vscode from 'vscode';
import { CheckCache, checkDocument } from '../core/check';
import type { DocumentChecker } from './documentChecker';
import type { KnowledgeBase } from './knowledge';
import { readSettings } from './settings';

export interface WorkspaceCheckSummary {
  files: number;
  findings: number;
  failed: string[];
  cancelled: boolean;
  elapsedMs: number;
}

export async function checkWorkspace(checker: DocumentChecker, knowledge: KnowledgeBase): Promise<WorkspaceCheckSummary> {
  const settings = readSettings();
  const started = performance.now();
  const summary: WorkspaceCheckSummary = { files: 0, findings: 0, failed: [], cancelled: false, elapsedMs: 0 };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Bulletin Checker', cancellable: true },
    async (progress, token) => {
      progress.report({ message: 'Finding bulletins…' });
      const uris = await vscode.workspace.findFiles(settings.workspaceGlob, '**/{node_modules,.git,.vscode-test,out,dist}/**', undefined, token);
      uris.sort((a, b) => a.toString().localeCompare(b.toString()));
      for (const [i, uri] of uris.entries()) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        progress.report({ message: `Checking ${i + 1} of ${uris.length}: ${vscode.workspace.asRelativePath(uri)}`, increment: 100 / uris.length });
        try {
          // Open files go through the live checker so their version guard and cache apply.
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          const document = open ?? (await vscode.workspace.openTextDocument(uri));
          const checked = await checker.checkNow(document);
          if (checked) summary.findings += checked.result.findings.length;
          else {
            const fileSettings = readSettings(uri);
            const k = await knowledge.knowledgeFor(document);
            const result = checkDocument(document.getText(), {
              glossary: k.glossary,
              registry: k.registry,
              rules: fileSettings.rules,
              causalEvidenceMinimumSms: fileSettings.minimumSms,
              cache: new CheckCache(),
            });
            checker.diagnostics.set(uri, result.findings.map((f) => checker.toDiagnostic(document, f)));
            summary.findings += result.findings.length;
          }
          summary.files++;
        } catch (error) {
          summary.failed.push(`${vscode.workspace.asRelativePath(uri)}: ${error instanceof Error ? error.message : String(error)}`);
        }
        // Let the editor breathe between files.
        await new Promise((r) => setTimeout(r, 0));
      }
    },
  );
  summary.elapsedMs = performance.now() - started;
  const what = `${summary.files} bulletin${summary.files === 1 ? '' : 's'} checked, ${summary.findings} finding${summary.findings === 1 ? '' : 's'}`;
  const failed = summary.failed.length ? `; ${summary.failed.length} could not be read (see the log)` : '';
  const choice = await Promise.race([
    vscode.window.showInformationMessage(`Bulletin Checker: ${what}${failed}${summary.cancelled ? ' (stopped early)' : ''}.`, 'Show Problems'),
    new Promise<undefined>((r) => setTimeout(() => r(undefined), 50)),
  ]);
  if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
  return summary;
}
