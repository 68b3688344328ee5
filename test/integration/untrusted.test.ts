// Restricted mode: in a folder the user has not trusted, bulletins are still checked with the
// built-in glossary, but glossary files named in workspace settings are ignored (they are declared
// restricted configuration). Runs only in the launcher's untrusted pass (BC_TEST_TRUST=1).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, openBulletin, removeScratch, writeScratch } from './bulletins';
import { bulletinCheckerDiagnostics, waitForDiagnostics } from './wait-for';

describe('untrusted workspace', () => {
  before(function () {
    if (vscode.workspace.isTrusted) this.skip();
  });
  after(removeScratch);

  it('checks bulletins with the built-in glossary but ignores glossary files named in workspace settings', async () => {
    const api = await extensionApi();
    assert.equal(vscode.workspace.isTrusted, false);
    // A glossary that would flag the word "supervision", named only in workspace settings.
    await writeScratch('settings-glossary.yaml', 'version: 1\nentries:\n  - term: Oversight\n    definition: Watching over.\n    discouraged:\n      - form: supervision\n        preferred: oversight\n        reason: Test only.\n');
    await vscode.workspace.getConfiguration('bulletinChecker').update('glossaryFiles', ['scratch-tests/settings-glossary.yaml'], vscode.ConfigurationTarget.Workspace).then(
      () => undefined,
      () => undefined, // Writing settings may itself be refused in restricted mode; either way it must not apply.
    );
    const editor = await openBulletin('untrusted.md', '---\nevidence: { design: observational, sms: 2 }\n---\n\nThe offender valued supervision.\n');
    const diagnostics = bulletinCheckerDiagnostics(
      await waitForDiagnostics(editor.document.uri, (all) => bulletinCheckerDiagnostics(all).some((d) => /person on probation/.test(d.message))),
    );
    const flagged = diagnostics.map((d) => editor.document.getText(d.range));
    assert.ok(flagged.includes('offender'), 'The built-in glossary should still apply.');
    assert.ok(!flagged.includes('supervision'), 'A glossary named in workspace settings must be ignored while the folder is untrusted.');
    const knowledge = await api.knowledge.knowledgeFor(editor.document);
    assert.deepEqual(knowledge.glossaryFiles.map((u) => u.path), []);
  });
});
