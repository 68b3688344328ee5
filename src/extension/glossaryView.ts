// The "Glossary" view: every entry in force, grouped A–Z; choosing one shows it.
import * as vscode from 'vscode';
import type { GlossaryEntry } from '../core/types';
import { SHOW_ENTRY_COMMAND } from './glossaryMarkdown';

type Node = { letter: string; entries: GlossaryEntry[] } | { entry: GlossaryEntry };

export class GlossaryView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private entries: GlossaryEntry[] = [];

  setEntries(entries: GlossaryEntry[]): void {
    if (entries === this.entries) return;
    this.entries = entries;
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const groups = new Map<string, GlossaryEntry[]>();
      for (const entry of [...this.entries].sort((a, b) => a.term.localeCompare(b.term, 'en-GB'))) {
        const letter = entry.term.normalize('NFD').charAt(0).toUpperCase();
        const key = /[A-Z]/.test(letter) ? letter : '#';
        groups.set(key, [...(groups.get(key) ?? []), entry]);
      }
      return [...groups].map(([letter, entries]) => ({ letter, entries }));
    }
    return 'letter' in node ? node.entries.map((entry) => ({ entry })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('letter' in node) {
      const item = new vscode.TreeItem(node.letter, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${node.entries.length}`;
      return item;
    }
    const item = new vscode.TreeItem(node.entry.term, vscode.TreeItemCollapsibleState.None);
    item.description = node.entry.acronyms.join(', ');
    item.tooltip = new vscode.MarkdownString(`**${node.entry.term}**\n\n${node.entry.definition}`);
    item.command = { command: SHOW_ENTRY_COMMAND, title: 'Show entry', arguments: [node.entry.id] };
    item.iconPath = new vscode.ThemeIcon('book');
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
