// Checks bulletins as they are opened and edited, and publishes the findings as diagnostics.
// Each document keeps its own engine cache (so unchanged paragraphs are not re-analysed) and a
// version stamp: a result computed for an older version is never published.
import * as vscode from 'vscode';
import type { Finding } from '../core/types';
import { toSeverity } from './configFiles';
import type { KnowledgeBase, Knowledge } from './knowledge';
import type { Log } from './log';
import { isBulletin, readSettings } from './settings';
import { engine } from './engine';
import type { CheckCache, CheckResult } from '../core/check';

export interface CheckedDocument {
  uri: vscode.Uri;
  version: number;
  result: CheckResult;
  knowledge: Knowledge;
  /** Milliseconds the engine took. */
  elapsed: number;
  /** performance.now() when the check was asked for and when its diagnostics were published. */
  requestedAt: number;
  publishedAt: number;
}

interface DocumentState {
  /** Made at the first check, not when the check is scheduled: that would load the engine during activation. */
  cache?: CheckCache;
  requestedAt?: number;
  timer?: ReturnType<typeof setTimeout>;
  latest?: CheckedDocument;
  /** Bumped for every scheduled check; a check that finds a newer ticket gives up. */
  ticket: number;
}

export class DocumentChecker implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('bulletin-checker');
  private readonly states = new Map<string, DocumentState>();
  private readonly checked = new vscode.EventEmitter<CheckedDocument>();
  readonly onDidCheck = this.checked.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly log: Log,
    private readonly docsBase: vscode.Uri,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('bulletinChecker')) this.recheckAll();
      }),
      knowledge.onDidChange(() => this.recheckAll()),
    );
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** The latest published result for a document, if it is still current. */
  current(document: vscode.TextDocument): CheckedDocument | undefined {
    const latest = this.states.get(document.uri.toString())?.latest;
    return latest && latest.version === document.version ? latest : undefined;
  }

  /** Checks after the configured pause in typing (or at once with delay 0). */
  schedule(document: vscode.TextDocument, delay?: number): void {
    if (!isBulletin(document)) return;
    const settings = readSettings(document.uri);
    if (!settings.enable) {
      this.diagnostics.delete(document.uri);
      return;
    }
    const state = this.stateFor(document.uri);
    const ticket = ++state.ticket;
    state.requestedAt ??= performance.now();
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.run(document, ticket);
    }, delay ?? settings.checkDelay);
  }

  /** Checks now and resolves with the published result (or undefined if the document moved on). */
  async checkNow(document: vscode.TextDocument): Promise<CheckedDocument | undefined> {
    if (!isBulletin(document)) return undefined;
    const state = this.stateFor(document.uri);
    if (state.timer) clearTimeout(state.timer);
    return this.run(document, ++state.ticket);
  }

  private async run(document: vscode.TextDocument, ticket: number): Promise<CheckedDocument | undefined> {
    const state = this.stateFor(document.uri);
    const version = document.version;
    try {
      const knowledge = await this.knowledge.knowledgeFor(document);
      // A newer edit arrived while the glossary loaded: its own check will publish.
      if (ticket !== state.ticket || document.version !== version || document.isClosed) return undefined;
      const settings = readSettings(document.uri);
      const started = performance.now();
      const result = engine().checkDocument(document.getText(), {
        glossary: knowledge.glossary,
        registry: knowledge.registry,
        rules: settings.rules,
        causalEvidenceMinimumSms: settings.minimumSms,
        cache: (state.cache ??= new (engine().CheckCache)()),
      });
      const elapsed = performance.now() - started;
      for (const failure of result.ruleFailures) {
        this.log.once(`rule:${failure.ruleId}:${failure.error}`, `Rule ${failure.ruleId} failed on ${document.uri.toString(true)}; its findings are missing. ${failure.error}`);
      }
      this.diagnostics.set(document.uri, result.findings.map((f) => this.toDiagnostic(document, f)));
      const requestedAt = state.requestedAt ?? started;
      state.requestedAt = undefined;
      const checked: CheckedDocument = { uri: document.uri, version, result, knowledge, elapsed, requestedAt, publishedAt: performance.now() };
      state.latest = checked;
      this.checked.fire(checked);
      return checked;
    } catch (error) {
      // The engine isolates rules; this is a failure outside them. Keep the editor usable.
      this.log.once(`check:${String(error)}`, `Checking ${document.uri.toString(true)} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return undefined;
    }
  }

  /** `at` converts offsets to positions: an open document's `positionAt`, or `positionFinder(text)`. */
  toDiagnostic(at: Pick<vscode.TextDocument, 'positionAt'>, finding: Finding): vscode.Diagnostic {
    const range = new vscode.Range(at.positionAt(finding.range.start), at.positionAt(finding.range.end));
    const diagnostic = new vscode.Diagnostic(range, finding.message, toSeverity(finding.severity));
    diagnostic.source = 'Bulletin Checker';
    diagnostic.code = { value: finding.ruleId, target: ruleDocumentation(this.docsBase, finding.ruleId) };
    if (finding.ruleId === 'invalid-suppression') diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
    return diagnostic;
  }

  private recheckAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private stateFor(uri: vscode.Uri): DocumentState {
    const key = uri.toString();
    let state = this.states.get(key);
    if (!state) {
      state = { ticket: 0 };
      this.states.set(key, state);
    }
    return state;
  }

  private forget(uri: vscode.Uri): void {
    const state = this.states.get(uri.toString());
    if (state?.timer) clearTimeout(state.timer);
    this.states.delete(uri.toString());
    this.diagnostics.delete(uri);
  }

  dispose(): void {
    for (const state of this.states.values()) if (state.timer) clearTimeout(state.timer);
    for (const d of this.disposables) d.dispose();
    this.diagnostics.dispose();
    this.checked.dispose();
  }
}

/** Offset → position for text that is not open in an editor (VS Code counts \r\n, \n and \r as line ends). */
export function positionFinder(text: string): Pick<vscode.TextDocument, 'positionAt'> {
  const lines = new (engine().LineIndex)(text);
  return {
    positionAt(offset: number): vscode.Position {
      const line = lines.lineOf(offset);
      return new vscode.Position(line, offset - lines.startOf(line));
    },
  };
}

/** Each rule's page ships in the extension, so the link works offline. */
export function ruleDocumentation(docsBase: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(docsBase, 'rules', `${ruleId}.md`);
}
