// "Check All Bulletins in Workspace": every Markdown file, with a cancellable progress
// notification; results go to the Problems panel.
import * as vscode from 'vscode';
import { readText } from './configFiles';
import { positionFinder, type DocumentChecker } from './documentChecker';
import type { KnowledgeBase } from './knowledge';
import { readSettings } from './settings';
import { engine } from './engine';

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
          // Open bulletins go through the live checker (version guard, cache). Others are read
          // through the file system, so no document is opened — and later closed, which would
          // clear its diagnostics.
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          const checked = open ? await checker.checkNow(open) : undefined;
          if (checked) summary.findings += checked.result.findings.length;
          else {
            const text = await readText(uri);
            if (text === undefined) throw new Error('it could not be read');
            const fileSettings = readSettings(uri);
            const k = await knowledge.knowledgeForUri(uri);
            const result = engine().checkDocument(text, {
              glossary: k.glossary,
              registry: k.registry,
              rules: fileSettings.rules,
              causalEvidenceMinimumSms: fileSettings.minimumSms,
            });
            const at = positionFinder(text);
            checker.diagnostics.set(uri, result.findings.map((f) => checker.toDiagnostic(at, f)));
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
