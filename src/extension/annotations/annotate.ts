// "Annotate Claim with Evidence": records the design (which sets the SMS level) and the source
// behind the claim at the cursor, as an evidence comment inserted after the sentence.
import * as vscode from 'vscode';
import type { Claim } from '../../core/types';
import type { DocumentChecker } from '../documentChecker';
import { engine } from '../engine';

export interface AnnotateArguments {
  design?: string;
  sms?: number;
  source?: string;
  note?: string;
}

export function evidenceComment(a: { sms: number; design?: string; source?: string; note?: string }): string {
  const parts = [`sms=${a.sms}`];
  if (a.design) parts.push(`design="${a.design.replace(/"/g, "'")}"`);
  if (a.source) parts.push(`source="${a.source.startsWith('@') ? a.source : '@' + a.source}"`);
  if (a.note) parts.push(`note="${a.note.replace(/"/g, "'")}"`);
  return `<!-- evidence: ${parts.join('; ')} -->`;
}

/** The claim whose sentence holds the cursor, else the nearest claim on the cursor's line. */
export function claimAt(claims: Claim[], document: vscode.TextDocument, position: vscode.Position): Claim | undefined {
  const offset = document.offsetAt(position);
  const candidates = claims.filter((c) => c.classification.label !== 'none');
  const inside = candidates.find((c) => c.sentence.range.start <= offset && offset <= c.sentence.range.end);
  if (inside) return inside;
  return candidates.find((c) => document.positionAt(c.sentence.range.start).line === position.line);
}

export async function annotateClaim(checker: DocumentChecker, args?: AnnotateArguments): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Put the cursor on a claim in a Markdown bulletin, then run “Annotate Claim with Evidence”.');
    return false;
  }
  const document = editor.document;
  const checked = checker.current(document) ?? (await checker.checkNow(document));
  if (!checked) return false;
  const claim = claimAt(checked.result.claims, document, editor.selection.active);
  if (!claim) {
    void vscode.window.showInformationMessage('There is no claim at the cursor to annotate.');
    return false;
  }

  let design = args?.design;
  let sms = args?.sms;
  if (sms === undefined) {
    const picked = await vscode.window.showQuickPick(
      engine().STUDY_DESIGNS.map((d) => ({ label: d.name, description: `SMS level ${d.sms}`, design: d })),
      { title: 'Annotate claim: study design', placeHolder: 'Which design produced the evidence for this claim?', matchOnDescription: true },
    );
    if (!picked) return false;
    design = picked.design.name;
    sms = picked.design.sms;
  }
  let source = args?.source;
  if (source === undefined) {
    const registry = checked.knowledge.registry;
    const items: (vscode.QuickPickItem & { key: string })[] = [
      ...[...registry.entries.values()].map((e) => ({ label: `@${e.key}`, description: [e.year, e.design, e.sms ? `SMS ${e.sms}` : ''].filter(Boolean).join(' · '), detail: e.title, key: e.key })),
      { label: '$(dash) No source yet', key: '' },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Annotate claim: source', placeHolder: 'Which study in the evidence registry is this from?', matchOnDetail: true });
    if (!picked) return false;
    source = picked.key;
  }

  // Refuse to insert into text that moved on while the pickers were open.
  if (document.version !== checked.version) {
    void vscode.window.showWarningMessage('The bulletin changed while you were choosing; run “Annotate Claim with Evidence” again.');
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  const at = document.positionAt(claim.sentence.range.end);
  edit.insert(document.uri, at, ' ' + evidenceComment({ sms, design, source: source || undefined, note: args?.note }));
  return vscode.workspace.applyEdit(edit);
}
