// Waiting helpers for integration tests: wait on editor events with a deadline, never a bare sleep.
import * as vscode from 'vscode';

export const DIAGNOSTIC_SOURCE = 'Bulletin Checker';

/**
 * Resolves with the document's diagnostics once `accept` approves them; checks the current state first,
 * then every `onDidChangeDiagnostics` event for that document, and rejects after `timeoutMs`.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const current = vscode.languages.getDiagnostics(uri);
    if (accept(current)) {
      resolve(current);
      return;
    }
    const timer = setTimeout(() => {
      subscription.dispose();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${d.source ?? '?'}: ${d.message}`);
      reject(new Error(`No matching diagnostics on ${uri.fsPath} within ${timeoutMs / 1000} s; present: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    });
  });
}

/** Polls `condition` until it holds; for states the API offers no event for (e.g. extension activation). */
export async function waitUntil(condition: () => boolean, description: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting until ${description}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The Bulletin Checker diagnostics among a document's diagnostics. */
export function bulletinCheckerDiagnostics(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
}
