// The language-status item: how many findings and claims the active bulletin has.
import * as vscode from 'vscode';
import type { CheckedDocument } from './documentChecker';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('bulletinChecker.status', { language: 'markdown' });

  constructor() {
    this.item.name = 'Bulletin Checker';
    this.item.text = '$(checklist) Bulletin Checker';
    this.item.command = { command: 'bulletinChecker.showClaims', title: 'Show claims' };
  }

  update(checked: CheckedDocument): void {
    const findings = checked.result.findings;
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const unsupported = checked.result.claims.filter((c) => c.status === 'unsupported').length;
    const claims = checked.result.claims.filter((c) => c.classification.label !== 'none').length;
    this.item.text = `$(checklist) ${findings.length} finding${findings.length === 1 ? '' : 's'} · ${unsupported} unsupported claim${unsupported === 1 ? '' : 's'}`;
    this.item.detail = `${errors} errors, ${warnings} warnings; ${claims} claims; ${checked.result.termMatches.length} glossary terms; checked in ${checked.elapsed.toFixed(1)} ms`;
    this.item.severity = errors ? vscode.LanguageStatusSeverity.Error : warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
  }
}
