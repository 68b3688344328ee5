// First real-editor test: the extension activates on a bulletin and publishes its findings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { takeScreenshot } from './screenshot';
import { bulletinCheckerDiagnostics, waitForDiagnostics, waitUntil } from './wait-for';

const EXTENSION_ID = 'bulletin-checker.probation-bulletin-checker';

function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'The test editor was opened without a workspace folder.');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

describe('Bulletin Checker in a real editor', () => {
  before(() => {
    console.log(`Editor: VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.appHost}); workspace trusted: ${vscode.workspace.isTrusted}`);
  });

  it('activates when a Markdown bulletin from the workspace opens', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `Extension ${EXTENSION_ID} is not installed in the test editor.`);

    console.log(`Active before any bulletin opened: ${extension.isActive}`);
    const document = await vscode.workspace.openTextDocument(workspaceFile('bulletins/careful-wording.md'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'markdown');

    // Activation has no public event, so poll its state with a deadline.
    await waitUntil(() => extension.isActive, `${EXTENSION_ID} is active`, 20_000);
  });

  it('publishes diagnostics on a bulletin that says "offenders" and makes a causal claim', async () => {
    const uri = workspaceFile('bulletins/unsupported-claim.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);

    const diagnostics = await waitForDiagnostics(uri, (all) => bulletinCheckerDiagnostics(all).length > 0);
    const ours = bulletinCheckerDiagnostics(diagnostics);
    assert.ok(ours.length >= 1);
    for (const diagnostic of ours) {
      const flagged = document.getText(diagnostic.range);
      assert.ok(flagged.trim().length > 0, `Diagnostic "${diagnostic.message}" covers no text.`);
      console.log(`  line ${diagnostic.range.start.line + 1}: "${flagged}" — ${diagnostic.message}`);
    }

    await vscode.commands.executeCommand('workbench.actions.view.problems');
    // Leave the bulletin focused so the screenshot shows it beside the Problems panel.
    await vscode.window.showTextDocument(document, { preserveFocus: false });
    await takeScreenshot('diagnostic');
  });
});
