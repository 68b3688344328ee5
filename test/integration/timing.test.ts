// Figures for the performance note, measured in the real editor. They are printed, not asserted:
// a shared CI machine's speed must not fail the build (the benchmark in bench/ is where targets live).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, openBulletin, removeScratch } from './bulletins';
import { bulletinCheckerDiagnostics, waitForDiagnostics } from './wait-for';

const PARAGRAPH =
  'Where supervision was judged high quality, completion was 24 percentage points higher than where it was judged inadequate. ' +
  'High-quality supervision cuts reoffending. Engagement with each offender is associated with early progress, such as settled accommodation. ' +
  'We linked inspectors\' judgements on just over 3,000 cases to nDelius and Police National Computer records.\n\n';

describe('Timing in the real editor (reported, not asserted)', () => {
  after(removeScratch);

  it('activates and publishes the first diagnostics for a 50 KB bulletin', async () => {
    const api = await extensionApi();
    let text = '---\ntitle: Timing\nevidence: { design: observational, sms: 2 }\n---\n\n# Findings\n\n';
    while (text.length < 50 * 1024) text += PARAGRAPH;
    const started = performance.now();
    const editor = await openBulletin('timing-50kb.md', text);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (all) => bulletinCheckerDiagnostics(all).length > 10);
    const firstDiagnosticsMs = performance.now() - started;
    const checked = api.checker.current(editor.document);
    assert.ok(checked, 'No current check result for the open bulletin.');
    console.log(
      `  TIMING activation ${api.activationMs.toFixed(1)} ms (code loading before it ${api.codeLoadingMs?.toFixed(1) ?? 'not measured'} ms; ` +
        `loading the engine at the first check ${api.engineLoadMs?.toFixed(1) ?? 'not measured'} ms); 50 KB bulletin (${(text.length / 1024).toFixed(0)} KB): ` +
        `first diagnostics ${firstDiagnosticsMs.toFixed(0)} ms after the test asked to open it; ` +
        `${(checked.publishedAt - checked.requestedAt).toFixed(1)} ms from the editor reporting it open to diagnostics published ` +
        `(engine ${checked.elapsed.toFixed(1)} ms), ` +
        `${bulletinCheckerDiagnostics(diagnostics).length} diagnostics`,
    );
  });
});
