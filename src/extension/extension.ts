// Activation: wires the engine's front door for VS Code (desktop and web). Each feature lives in
// its own module; this file only connects them.
import * as vscode from 'vscode';
import { DocumentChecker } from './documentChecker';
import { applyFix, APPLY_FIX_COMMAND, FixProvider, type FixArguments } from './fixes';
import { GlossaryCommands } from './glossaryCommands';
import { GlossaryView } from './glossaryView';
import { BulletinHoverProvider } from './hover';
import { KnowledgeBase } from './knowledge';
import { Log } from './log';
import { StatusItem } from './statusItem';
import { checkWorkspace } from './workspaceCheck';
import { registerAnnotationWorkflow } from './annotations/register';
import type { Rule } from '../core/rules/rule';
import { engine, engineLoadMs } from './engine';

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

/** What the extension exposes to its integration tests. */
export interface BulletinCheckerApi {
  checker: DocumentChecker;
  knowledge: KnowledgeBase;
  log: Log;
  activationMs: number;
  /** From the bundle's first statement to its last: evaluating the code (undefined when not bundled). */
  codeLoadingMs: number | undefined;
  /** Loading the engine, which the first check does (undefined until then). */
  readonly engineLoadMs: number | undefined;
  /** The live rule list; tests add a deliberately failing rule to prove fault isolation. */
  rules: Rule[];
}

export function activate(context: vscode.ExtensionContext): BulletinCheckerApi {
  const started = performance.now();
  const clock = globalThis as { __bulletinCheckerLoadStart?: number; __bulletinCheckerLoadEnd?: number };
  const codeLoadingMs =
    clock.__bulletinCheckerLoadStart === undefined || clock.__bulletinCheckerLoadEnd === undefined
      ? undefined
      : clock.__bulletinCheckerLoadEnd - clock.__bulletinCheckerLoadStart;
  const log = new Log();
  const knowledge = new KnowledgeBase(context.extensionUri, log);
  const checker = new DocumentChecker(knowledge, log, vscode.Uri.joinPath(context.extensionUri, 'docs'));
  const status = new StatusItem();
  const glossaryView = new GlossaryView();
  const glossaryCommands = new GlossaryCommands(knowledge);

  context.subscriptions.push(
    log,
    knowledge,
    checker,
    status,
    glossaryView,
    ...glossaryCommands.register(),
    vscode.languages.registerHoverProvider(MARKDOWN, new BulletinHoverProvider(checker)),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new FixProvider(checker), { providedCodeActionKinds: FixProvider.kinds }),
    vscode.window.registerTreeDataProvider('bulletinChecker.glossary', glossaryView),
    vscode.commands.registerCommand(APPLY_FIX_COMMAND, (args: FixArguments) => applyFix(args)),
    vscode.commands.registerCommand('bulletinChecker.checkDocument', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== 'markdown') {
        void vscode.window.showInformationMessage('Open a Markdown bulletin to check it.');
        return undefined;
      }
      const checked = await checker.checkNow(document);
      if (checked) {
        const n = checked.result.findings.length;
        void vscode.window.showInformationMessage(n ? `Bulletin Checker found ${n} thing${n === 1 ? '' : 's'} to look at; see the Problems panel.` : 'Bulletin Checker found nothing to flag in this bulletin.');
      }
      return checked?.result.findings.length;
    }),
    vscode.commands.registerCommand('bulletinChecker.checkWorkspace', () => checkWorkspace(checker, knowledge)),
    vscode.commands.registerCommand('bulletinChecker.showOutput', () => log.show()),
    checker.onDidCheck((checked) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === checked.uri.toString()) {
        status.update(checked);
        glossaryView.setEntries(checked.knowledge.glossary.entries);
      }
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      const checked = editor && checker.current(editor.document);
      if (checked) {
        status.update(checked);
        glossaryView.setEntries(checked.knowledge.glossary.entries);
      }
    }),
  );
  registerAnnotationWorkflow(context, checker, knowledge);
  void vscode.commands.executeCommand('setContext', 'bulletinChecker.active', true);
  const activationMs = performance.now() - started;
  const loading = codeLoadingMs === undefined ? '' : ` after ${codeLoadingMs.toFixed(1)} ms loading its code`;
  log.info(`Bulletin Checker ${context.extension.packageJSON.version} activated in ${activationMs.toFixed(1)} ms${loading} (VS Code ${vscode.version}).`);
  return {
    checker,
    knowledge,
    log,
    activationMs,
    codeLoadingMs,
    // Getters, so that activating does not load the engine.
    get rules() {
      return engine().allRules;
    },
    get engineLoadMs() {
      return engineLoadMs();
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
