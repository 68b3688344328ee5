// Renders a glossary entry as Markdown for hovers and the entry view.
import type { EvidenceStrength, GlossaryEntry, Source } from '../core/types';

export const SHOW_ENTRY_COMMAND = 'bulletinChecker.showGlossaryEntry';
export const EDIT_ENTRY_COMMAND = 'bulletinChecker.editGlossaryEntry';

export function commandLink(command: string, ...args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

export function describeEvidence(evidence: EvidenceStrength): string {
  switch (evidence) {
    case 'causal':
      return 'causal evidence';
    case 'association':
      return 'associational evidence';
    case 'mixed':
      return 'mixed evidence';
    case 'theory':
      return 'theory';
    default:
      return `SMS level ${evidence}`;
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (c) => '\\' + c);
}

function sourceLink(source: Source): string {
  const label = escape(source.title) + (source.year ? ` (${source.year})` : '');
  return source.url && /^https?:\/\//.test(source.url) ? `[${label}](${source.url})` : label;
}

export function renderEntry(entry: GlossaryEntry, options: { commands: boolean; heading?: boolean }): string {
  const lines: string[] = [];
  const forms = [...entry.acronyms, ...entry.aliases].slice(0, 6);
  lines.push(`${options.heading ? '# ' : '**'}${escape(entry.term)}${options.heading ? '' : '**'}` + (forms.length ? ` — also ${forms.map(escape).join(', ')}` : ''));
  lines.push('', escape(entry.definition));
  if (entry.keyMessages.length) {
    lines.push('', options.heading ? '## Key messages' : '**Key messages**', '');
    for (const message of entry.keyMessages) {
      const sources = message.sources.map(sourceLink).join('; ');
      lines.push(`- ${escape(message.message)} _(${describeEvidence(message.evidence)})_${sources ? ` — ${sources}` : ''}`);
    }
  }
  if (entry.discouraged.length) {
    lines.push('', options.heading ? '## House style' : '**House style**', '');
    for (const d of entry.discouraged) lines.push(`- Prefer “${escape(d.preferred)}” to “${escape(d.form)}”: ${escape(d.reason)}`);
  }
  if (entry.sources.length) {
    lines.push('', `${options.heading ? '## Sources\n\n' : '**Sources:** '}${entry.sources.map(sourceLink).join('; ')}`);
  }
  if (entry.related.length) {
    const related = entry.related.map((r) => (options.commands ? `[${escape(r)}](${commandLink(SHOW_ENTRY_COMMAND, r)})` : escape(r)));
    lines.push('', `${options.heading ? '## Related\n\n' : '**Related:** '}${related.join(' · ')}`);
  }
  if (options.commands) lines.push('', `[Edit in glossary](${commandLink(EDIT_ENTRY_COMMAND, entry.id)})`);
  return lines.join('\n');
}
