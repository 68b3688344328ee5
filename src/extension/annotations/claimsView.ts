// The "Claims" view: every claim in the active bulletin, grouped by status with counts, and a
// CodeLens at the top of the bulletin that summarises the counts.
import * as vscode from 'vscode';
import type { Claim, ClaimStatus } from '../../core/types';
import type { CheckedDocument, DocumentChecker } from '../documentChecker';
import { engine } from '../engine';

const GROUPS: { status: ClaimStatus; label: string; icon: string; colour: string }[] = [
  { status: 'unsupported', label: 'Unsupported', icon: 'warning', colour: 'problemsWarningIcon.foreground' },
  { status: 'hedged', label: 'Hedged', icon: 'info', colour: 'problemsInfoIcon.foreground' },
  { status: 'supported', label: 'Supported', icon: 'pass', colour: 'testing.iconPassed' },
  { status: 'associational', label: 'Associational', icon: 'link', colour: 'foreground' },
];

type Node = { group: (typeof GROUPS)[number]; claims: Claim[] } | { claim: Claim };

export function claimsOf(checked: CheckedDocument | undefined): Claim[] {
  return checked ? checked.result.claims.filter((c) => c.classification.label !== 'none') : [];
}

export function summarise(claims: Claim[]): Record<string, number> {
  const counts: Record<string, number> = { unsupported: 0, hedged: 0, supported: 0, associational: 0 };
  for (const c of claims) counts[c.status] = (counts[c.status] ?? 0) + 1;
  return counts;
}

export class ClaimsView implements vscode.TreeDataProvider<Node>, vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly onDidChangeCodeLenses = this.changed.event;
  private shown: CheckedDocument | undefined;

  constructor(private readonly checker: DocumentChecker) {}

  /** Shows the claims of this check if it is the active editor's document. */
  update(checked: CheckedDocument | undefined): void {
    this.shown = checked;
    this.changed.fire();
  }

  get document(): CheckedDocument | undefined {
    return this.shown;
  }

  getChildren(node?: Node): Node[] {
    const claims = claimsOf(this.shown);
    if (!node) return GROUPS.map((group) => ({ group, claims: claims.filter((c) => c.status === group.status) })).filter((g) => g.claims.length);
    return 'group' in node ? node.claims.map((claim) => ({ claim })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('group' in node) {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.claims.length}`;
      item.iconPath = new vscode.ThemeIcon(node.group.icon, new vscode.ThemeColor(node.group.colour));
      item.id = `group:${node.group.status}`;
      return item;
    }
    const { claim } = node;
    const uri = this.shown!.uri;
    const sentence = claim.sentence.text.replace(/\s+/g, ' ').trim();
    const item = new vscode.TreeItem(sentence.length > 90 ? sentence.slice(0, 89) + '…' : sentence);
    const cue = engine().cueWords(claim).join(', ');
    const position = this.positionOf(claim.sentence.range.start);
    item.description = `line ${position.line + 1}${cue ? ` · ${cue}` : ''}`;
    item.tooltip = new vscode.MarkdownString(`${sentence}\n\n**Status:** ${claim.status} · **Evidence:** ${engine().describeEvidence(claim)}`);
    item.command = { command: 'bulletinChecker.revealClaim', title: 'Show claim', arguments: [uri.toString(), claim.sentence.range.start, claim.sentence.range.end] };
    item.contextValue = `claim.${claim.status}`;
    return item;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const checked = this.checker.current(document);
    const claims = claimsOf(checked);
    if (!claims.length) return [];
    const c = summarise(claims);
    const title = `Claims: ${c.unsupported} unsupported · ${c.hedged} hedged · ${c.supported} supported · ${c.associational} associational`;
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title, command: 'bulletinChecker.showClaims' })];
  }

  private positionOf(offset: number): vscode.Position {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.shown?.uri.toString());
    return document ? document.positionAt(offset) : new vscode.Position(0, 0);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
