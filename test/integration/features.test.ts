// What a researcher does with Bulletin Checker in the editor: hovers, quick fixes, glossary
// commands, causal claims, annotations, the claims view and report, suppressions, fault isolation.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FixArguments } from '../../src/extension/fixes';
import { extensionApi, hoverText, openBulletin, positionOf, removeScratch, scratchUri, writeScratch } from './bulletins';
import { takeScreenshot } from './screenshot';
import { bulletinCheckerDiagnostics, waitForDiagnostics, waitUntil } from './wait-for';

const OBSERVATIONAL = '---\ntitle: Test bulletin\nevidence:\n  design: observational\n  sms: 2\n---\n\n';

function withRule(ruleId: string) {
  return (all: readonly vscode.Diagnostic[]) => bulletinCheckerDiagnostics(all).some((d) => codeOf(d) === ruleId);
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code);
}

async function diagnosticsFor(uri: vscode.Uri, ruleId: string): Promise<vscode.Diagnostic[]> {
  const all = await waitForDiagnostics(uri, withRule(ruleId));
  return bulletinCheckerDiagnostics(all).filter((d) => codeOf(d) === ruleId);
}

async function quickFixes(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range)) ?? [];
}

async function runAction(action: vscode.CodeAction): Promise<unknown> {
  assert.ok(action.command, `The action "${action.title}" has no command.`);
  return vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

function changed(document: vscode.TextDocument): Promise<void> {
  return new Promise((resolve) => {
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === document) {
        sub.dispose();
        resolve();
      }
    });
  });
}

/** One editor, no panel or notifications: what a writer sees when reviewing. */
async function tidyForScreenshot(document: vscode.TextDocument): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.commands.executeCommand('notifications.clearAll');
  // Give the Claims view room: hide the other Explorer sections where the workbench allows it.
  for (const view of ['workbench.explorer.fileView', 'outline', 'timeline']) {
    await vscode.commands.executeCommand(`${view}.removeView`).then(undefined, () => undefined);
  }
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Puts the cursor on a position and opens the hover there, as a writer pointing at a word would. */
async function showHoverFor(editor: vscode.TextEditor, position: vscode.Position): Promise<void> {
  await tidyForScreenshot(editor.document);
  const shown = vscode.window.activeTextEditor ?? editor;
  shown.selection = new vscode.Selection(position, position);
  await vscode.commands.executeCommand('editor.action.showHover');
  // The hover renders in the workbench with no event to wait on; a short pause lets it paint.
  await new Promise((r) => setTimeout(r, 600));
}

describe('Researcher workflows in the real editor', () => {
  before(async () => {
    await extensionApi();
  });
  after(removeScratch);

  describe('glossary terms', () => {
    it('shows the glossary entry, its key messages and an edit link when hovering a term', async () => {
      const editor = await openBulletin('hover.md', OBSERVATIONAL + 'Probation can support desistance, the process of stopping offending.\n');
      const position = positionOf(editor.document, 'desistance', 3);
      let text = '';
      const deadline = Date.now() + 20_000;
      while (!/Desistance/.test(text) && Date.now() < deadline) {
        text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position));
        if (!/Desistance/.test(text)) await new Promise((r) => setTimeout(r, 200));
      }
      assert.match(text, /\*\*Desistance\*\*/);
      assert.match(text, /Key messages/);
      assert.match(text, /\(associational evidence\)|\(theory\)|\(mixed evidence\)|SMS level/);
      assert.match(text, /Edit in glossary/);
      console.log('  hover begins: ' + text.split('\n').slice(0, 3).join(' / '));
      await showHoverFor(editor, position);
      await takeScreenshot('hover-glossary-term');
    });

    it('replaces a discouraged term through its quick fix, as one undoable edit', async () => {
      const editor = await openBulletin('discouraged.md', OBSERVATIONAL + 'We interviewed each offender about their supervision.\n');
      const [diagnostic] = await diagnosticsFor(editor.document.uri, 'discouraged-term');
      assert.equal(editor.document.getText(diagnostic.range), 'offender');
      const actions = await quickFixes(editor.document, diagnostic.range);
      const replace = actions.find((a) => /person on probation/.test(a.title));
      assert.ok(replace, `No replacement among: ${actions.map((a) => a.title).join('; ')}`);
      const edited = changed(editor.document);
      assert.equal(await runAction(replace), true);
      await edited;
      assert.match(editor.document.getText(), /We interviewed each person on probation about/);
      await vscode.commands.executeCommand('undo');
      assert.match(editor.document.getText(), /We interviewed each offender about/);
    });

    it('refuses a quick fix computed for an older version of the document', async () => {
      const editor = await openBulletin('stale.md', OBSERVATIONAL + 'Every offender was seen within five days.\n');
      const [diagnostic] = await diagnosticsFor(editor.document.uri, 'discouraged-term');
      const actions = await quickFixes(editor.document, diagnostic.range);
      const fix = actions.find((a) => /person on probation/.test(a.title));
      assert.ok(fix?.command);
      const args = fix.command.arguments?.[0] as FixArguments;
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'A new first word. '));
      const before = editor.document.getText();
      assert.equal(await vscode.commands.executeCommand(fix.command.command, args), false);
      assert.equal(editor.document.getText(), before, 'The stale fix changed the text.');
    });

    it('finds an entry with Search Glossary', async () => {
      await openBulletin('search.md', 'A bulletin.\n');
      const search = vscode.commands.executeCommand<{ entry: { term: string }; action: string }>('bulletinChecker.searchGlossary', 'Procedural justice');
      // The QuickPick filters in the workbench; give it a moment, then accept the top item twice.
      for (let i = 0; i < 2; i++) {
        await new Promise((r) => setTimeout(r, 800));
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
      const result = await search;
      assert.ok(result, 'Search Glossary returned nothing.');
      assert.equal(result.entry.term, 'Procedural justice');
    });

    it('reports a broken workspace glossary in the glossary file at the right line, and keeps checking', async () => {
      const glossary = ['version: 1', 'entries:', '  - term: Caseload ceiling', '    definition: The most cases one practitioner should hold.', '    keyMessages:', '      - message: Fifty cases at most.', '        evidence: strong', ''].join('\n');
      const glossaryUri = await writeScratch('.bulletin-glossary.yaml', glossary);
      const editor = await openBulletin('uses-broken-glossary.md', OBSERVATIONAL + 'The offender was recalled.\n');
      const problems = await waitForDiagnostics(glossaryUri, (all) => all.length > 0);
      const evidence = problems.find((d) => /evidence/i.test(d.message));
      assert.ok(evidence, `No problem about "evidence": ${problems.map((p) => p.message).join('; ')}`);
      assert.equal(evidence.range.start.line, 6, 'The problem should sit on the line with "evidence: strong".');
      await diagnosticsFor(editor.document.uri, 'discouraged-term');
      await vscode.workspace.fs.delete(glossaryUri);
    });

    it('adds the selection to the workspace glossary, keeping the file\'s comments, as an undoable edit', async () => {
      const glossaryUri = await writeScratch('.bulletin-glossary.yaml', '# Team glossary — comments must survive\nversion: 1\nentries:\n  # first\n  - term: Caseload ceiling\n    definition: The most cases one practitioner should hold.\n');
      const editor = await openBulletin('add-term.md', 'Practitioners used the triage huddle every morning.\n');
      const start = positionOf(editor.document, 'triage huddle');
      editor.selection = new vscode.Selection(start, start.translate(0, 'triage huddle'.length));
      assert.equal(await vscode.commands.executeCommand('bulletinChecker.addToGlossary', { definition: 'A short daily meeting to sort new cases.' }), true);
      const glossaryDocument = await vscode.workspace.openTextDocument(glossaryUri);
      const text = glossaryDocument.getText();
      assert.match(text, /^# Team glossary — comments must survive\n/);
      assert.match(text, /  # first\n/);
      assert.match(text, /- term: triage huddle\n\s+definition: A short daily meeting to sort new cases\./);
      await vscode.window.showTextDocument(glossaryDocument);
      await vscode.commands.executeCommand('undo');
      assert.doesNotMatch(glossaryDocument.getText(), /triage huddle/);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(glossaryUri);
    });
  });

  describe('causal claims', () => {
    const press = OBSERVATIONAL + 'High-quality supervision cuts reoffending by 14 percentage points.\n\nCompletion is associated with engagement.\n';

    it('puts the diagnostic on the cue words and explains it in the hover', async () => {
      const editor = await openBulletin('claim.md', press);
      const [diagnostic] = await diagnosticsFor(editor.document.uri, 'unsupported-causal-claim');
      assert.equal(editor.document.getText(diagnostic.range), 'cuts');
      const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, diagnostic.range.start));
      assert.match(hover, /SMS/);
      assert.match(hover, /observational|SMS 2/);
      assert.equal(bulletinCheckerDiagnostics(vscode.languages.getDiagnostics(editor.document.uri)).filter((d) => /associated/.test(editor.document.getText(d.range))).length, 0);
      await showHoverFor(editor, diagnostic.range.start);
      await takeScreenshot('hover-causal-claim');
    });

    it('rewrites the claim to associational wording with a quick fix', async () => {
      const editor = await openBulletin('rewrite.md', press);
      const [diagnostic] = await diagnosticsFor(editor.document.uri, 'unsupported-causal-claim');
      const actions = await quickFixes(editor.document, diagnostic.range);
      const rewrite = actions.find((a) => /associated/i.test(a.title));
      assert.ok(rewrite, `No rewrite among: ${actions.map((a) => a.title).join('; ')}`);
      const edited = changed(editor.document);
      await runAction(rewrite);
      await edited;
      assert.match(editor.document.getText(), /High-quality supervision is associated with reoffending 14 percentage points lower\./);
      await waitForDiagnostics(editor.document.uri, (all) => !withRule('unsupported-causal-claim')(all));
    });

    it('clears the diagnostic when the claim is annotated with strong enough evidence', async () => {
      const editor = await openBulletin('annotate.md', press);
      const [diagnostic] = await diagnosticsFor(editor.document.uri, 'unsupported-causal-claim');
      editor.selection = new vscode.Selection(diagnostic.range.start, diagnostic.range.start);
      assert.equal(await vscode.commands.executeCommand('bulletinChecker.annotateClaim', { design: 'randomised controlled trial', sms: 5, source: '' }), true);
      assert.match(editor.document.getText(), /points\. <!-- evidence: sms=5; design="randomised controlled trial" -->/);
      await waitForDiagnostics(editor.document.uri, (all) => !withRule('unsupported-causal-claim')(all));
    });

    it('honours a suppression comment with a reason', async () => {
      const editor = await openBulletin('suppressed.md', OBSERVATIONAL + '<!-- bulletin-checker-disable-next-line unsupported-causal-claim -- quoting the 2023 press release -->\nHigh-quality supervision cuts reoffending.\n\nThe offender was recalled.\n');
      await diagnosticsFor(editor.document.uri, 'discouraged-term');
      assert.equal(withRule('unsupported-causal-claim')(vscode.languages.getDiagnostics(editor.document.uri)), false);
    });
  });

  describe('claims view and report', () => {
    const annotated = OBSERVATIONAL + [
      '# Findings',
      '',
      'High-quality supervision cuts reoffending.',
      '',
      'A randomised controlled trial found that the programme reduced breaches. <!-- evidence: sms=5; design="randomised controlled trial" -->',
      '',
      'Supervision may help to reduce reoffending.',
      '',
      'Completion is associated with engagement.',
      '',
    ].join('\n');

    it('lists each claim under its status and exports the table', async () => {
      const editor = await openBulletin('claims.md', annotated);
      await diagnosticsFor(editor.document.uri, 'unsupported-causal-claim');
      await vscode.commands.executeCommand('bulletinChecker.showClaims');
      type Group = { status: string; sentences: string[] };
      let groups: Group[] = [];
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        groups = ((await vscode.commands.executeCommand<(Group | undefined)[]>('bulletinChecker.getClaims')) ?? []).filter((g): g is Group => !!g);
        if (groups.some((g) => g.status === 'supported')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const byStatus = Object.fromEntries(groups.map((g) => [g.status, g.sentences.join(' | ')]));
      assert.match(byStatus.unsupported ?? '', /cuts reoffending/);
      assert.match(byStatus.supported ?? '', /reduced breaches/);
      assert.match(byStatus.hedged ?? '', /may help to reduce/);
      assert.match(byStatus.associational ?? '', /associated with engagement/);
      await tidyForScreenshot(editor.document);
      await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
      await vscode.commands.executeCommand('bulletinChecker.showClaims');
      // A wider side bar shows whole sentences in the view.
      for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
      await vscode.commands.executeCommand('bulletinChecker.showClaims');
      await new Promise((r) => setTimeout(r, 400));
      await takeScreenshot('claims-view');

      await vscode.window.showTextDocument(editor.document);
      const report = await vscode.commands.executeCommand<vscode.TextDocument>('bulletinChecker.exportClaimsReport', { format: 'markdown' });
      assert.ok(report);
      assert.match(report.getText(), /\| Line \| Sentence \| Classification \| Status \|/);
      assert.match(report.getText(), /cuts reoffending\. \| causal \| unsupported \|/);
    });
  });

  describe('annotations and citations', () => {
    it('explains the SMS level of an annotation and the source behind a citation when hovered', async () => {
      const registry = await writeScratch('.bulletin-evidence.yaml', 'version: 1\nsources:\n  okafor2021:\n    title: Enhanced supervision and proven reoffending\n    year: 2021\n    design: regression discontinuity\n    sms: 4\n');
      const editor = await openBulletin('cited.md', OBSERVATIONAL + 'Enhanced supervision reduced proven reoffending [@okafor2021].\n\nThe programme reduced breaches. <!-- evidence: sms=5; design="randomised controlled trial" -->\n');
      const hoverAt = async (needle: string, offset: number) => {
        const position = positionOf(editor.document, needle, offset);
        let text = '';
        const deadline = Date.now() + 15_000;
        while (Date.now() < deadline) {
          text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position));
          if (/SMS level/.test(text)) break;
          await new Promise((r) => setTimeout(r, 200));
        }
        return text;
      };
      const annotation = await hoverAt('sms=5', 1);
      assert.match(annotation, /SMS level 5/);
      assert.match(annotation, /random assignment/);
      const citation = await hoverAt('@okafor2021', 3);
      assert.match(citation, /Enhanced supervision and proven reoffending/);
      assert.match(citation, /SMS level 4/);
      // The citation at SMS 4 supports the causal wording, so nothing is flagged on that line.
      await waitForDiagnostics(editor.document.uri, (all) => !withRule('unsupported-causal-claim')(all));
      await vscode.workspace.fs.delete(registry);
    });
  });

  describe('workspace check', () => {
    it('checks every bulletin in the workspace and reports in the Problems panel', async () => {
      await writeScratch('never-opened.md', OBSERVATIONAL + 'Each offender was offered a review.\n');
      const summary = await vscode.commands.executeCommand<{ files: number; findings: number; failed: string[] }>('bulletinChecker.checkWorkspace');
      assert.ok(summary, 'The command returned no summary.');
      assert.ok(summary.files >= 3, `Only ${summary.files} files were checked.`);
      assert.deepEqual(summary.failed, []);
      const diagnostics = bulletinCheckerDiagnostics(vscode.languages.getDiagnostics(scratchUri('never-opened.md')));
      assert.ok(diagnostics.some((d) => codeOf(d) === 'discouraged-term'), 'A bulletin never opened in an editor has no diagnostics.');
    });
  });

  describe('fault isolation', () => {
    it('logs a failing rule and still shows the other rules\' diagnostics', async () => {
      const api = await extensionApi();
      const broken = { id: 'deliberately-broken', description: 'Throws on purpose.', defaultSeverity: 'warning' as const, check: () => { throw new Error('deliberate failure for the test'); } };
      api.rules.push(broken);
      try {
        const editor = await openBulletin('fault.md', OBSERVATIONAL + 'The offender was recalled.\n');
        await diagnosticsFor(editor.document.uri, 'discouraged-term');
        await waitUntil(() => api.log.recent.some((l) => l.includes('deliberately-broken') && l.includes('deliberate failure')), 'the failure is logged', 10_000);
      } finally {
        api.rules.splice(api.rules.indexOf(broken), 1);
      }
    });
  });
});
