// Scratch bulletins for integration tests: each test writes its own file into the workspace, so
// tests never depend on one another's edits; the folder is removed afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BulletinCheckerApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'bulletin-checker.probation-bulletin-checker';
const SCRATCH = 'scratch-tests';

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'The test editor was opened without a workspace folder.');
  return folder.uri;
}

export function scratchUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), SCRATCH, name);
}

export async function writeScratch(name: string, text: string): Promise<vscode.Uri> {
  const uri = scratchUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Writes a bulletin, opens it in an editor and returns the editor. */
export async function openBulletin(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = await writeScratch(name, text);
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

export async function removeScratch(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  try {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder(), SCRATCH), { recursive: true, useTrash: false });
  } catch {
    // Nothing was written.
  }
}

export async function extensionApi(): Promise<BulletinCheckerApi> {
  const extension = vscode.extensions.getExtension<BulletinCheckerApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in the test editor.`);
  return extension.isActive ? extension.exports : extension.activate();
}

/** Plain text of every part of a hover result. */
export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export function positionOf(document: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `"${needle}" is not in the document.`);
  return document.positionAt(index + offsetInNeedle);
}
