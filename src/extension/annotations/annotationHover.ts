// Hovers on evidence annotations and citation keys: what the SMS level means and the source's details.
import * as vscode from 'vscode';
import type { RegistryEntry } from '../../core/claims/registry';
import type { DocumentChecker } from '../documentChecker';
import { engine } from '../engine';

const SMS_MEANING: Record<number, string> = {
  1: 'a correlation at one point in time, or a before-and-after change with no comparison group',
  2: 'a comparison group whose comparability is not shown, or a before-and-after change with controls',
  3: 'a before-and-after change in both the treated group and a justified comparison group (e.g. difference-in-differences)',
  4: 'quasi-random variation or several comparable units with controls (e.g. regression discontinuity, instrumental variables)',
  5: 'random assignment (a randomised controlled trial)',
};

export function smsExplanation(sms: number): string {
  return `**SMS level ${sms}** on the Maryland Scientific Methods Scale: ${SMS_MEANING[sms] ?? 'unknown level'}. It supports ${engine().wordingForSms(sms)}.`;
}

function describeSource(entry: RegistryEntry): string {
  const title = entry.url && /^https?:\/\//.test(entry.url) ? `[${entry.title}](${entry.url})` : entry.title;
  const bits = [entry.authors?.join(', '), entry.year, entry.design, entry.sms ? `SMS ${entry.sms}` : undefined].filter(Boolean);
  return `**@${entry.key}**: ${title}${bits.length ? ` (${bits.join(' · ')})` : ''}`;
}

export class AnnotationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly checker: DocumentChecker) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const checked = this.checker.current(document);
    if (!checked) return undefined;
    const offset = document.offsetAt(position);
    const registry = checked.knowledge.registry;
    const range = (start: number, end: number) => new vscode.Range(document.positionAt(start), document.positionAt(end));

    for (const citation of engine().findCitations(checked.result.prose.text)) {
      const key = citation.keys.find((k) => k.range.start - 1 <= offset && offset <= k.range.end);
      if (!key) continue;
      const entry = registry.entries.get(key.key);
      const lines = entry
        ? [describeSource(entry), ...(entry.sms ? ['', smsExplanation(entry.sms)] : [])]
        : [`**@${key.key}** is not in the evidence registry, so it cannot support a claim. Add it to \`.bulletin-evidence.yaml\`.`];
      return new vscode.Hover(new vscode.MarkdownString(lines.join('\n')), range(key.range.start - 1, key.range.end));
    }

    const comment = checked.result.prose.comments.find((c) => c.range.start <= offset && offset < c.range.end);
    if (!comment) return undefined;
    const annotation = engine().readAnnotations(checked.result.prose, registry, []).find((a) => a.comment.range.start === comment.range.start);
    if (!annotation) return undefined;
    const lines = ['**Evidence annotation**', ''];
    const sms = annotation.support.sms ?? annotation.sms;
    if (sms) lines.push(smsExplanation(sms), '');
    const design = annotation.design ? engine().lookUpDesign(annotation.design) : undefined;
    if (annotation.design) lines.push(`Design: ${annotation.design}${design ? ` (usually SMS ${design.sms})` : ' (not a design Bulletin Checker knows)'}`, '');
    if (annotation.source) {
      const entry = registry.entries.get(annotation.source.replace(/^@/, ''));
      lines.push(entry ? describeSource(entry) : `Source ${annotation.source} is not in the evidence registry.`, '');
    }
    if (annotation.note) lines.push(`Note: ${annotation.note}`);
    const applies = annotation.target.kind === 'paragraph' ? 'every claim in the paragraph above' : annotation.target.kind === 'sentence' ? 'the sentence just before it' : 'nothing (move it after a sentence or paragraph)';
    lines.push(`Applies to ${applies}.`);
    return new vscode.Hover(new vscode.MarkdownString(lines.join('\n')), range(comment.range.start, comment.range.end));
  }
}
