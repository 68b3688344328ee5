// Hovers: why a finding was raised, and the glossary entry behind any term.
import * as vscode from 'vscode';
import type { DocumentChecker } from './documentChecker';
import { EDIT_ENTRY_COMMAND, renderEntry, SHOW_ENTRY_COMMAND } from './glossaryMarkdown';

export class BulletinHoverProvider implements vscode.HoverProvider {
  constructor(private readonly checker: DocumentChecker) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const checked = this.checker.current(document);
    if (!checked) return undefined;
    const offset = document.offsetAt(position);
    const parts: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;
    const widen = (start: number, end: number) => {
      const r = new vscode.Range(document.positionAt(start), document.positionAt(end));
      range = range ? range.union(r) : r;
    };

    for (const finding of checked.result.findings) {
      if (offset < finding.range.start || offset > finding.range.end) continue;
      // VS Code already shows the message above; add the explanation behind it.
      parts.push(trusted(finding.explanation));
      widen(finding.range.start, finding.range.end);
    }
    const entries = checked.knowledge.glossary.entries;
    for (const match of checked.result.termMatches) {
      if (offset < match.range.start || offset > match.range.end) continue;
      const entry = entries.find((e) => e.id === match.entryId);
      if (!entry) continue;
      parts.push(trusted(renderEntry(entry, { commands: true })));
      widen(match.range.start, match.range.end);
      break;
    }
    return parts.length ? new vscode.Hover(parts, range) : undefined;
  }
}

function trusted(markdown: string): vscode.MarkdownString {
  const text = new vscode.MarkdownString(markdown);
  // Only our own entry commands may run from a hover link.
  text.isTrusted = { enabledCommands: [SHOW_ENTRY_COMMAND, EDIT_ENTRY_COMMAND] };
  return text;
}
