// Adds an entry to a YAML file's top-level list (the glossary's `entries`, the registry's
// `sources`) by inserting text after the last item, so every existing byte — comments, order,
// quoting, line breaks — stays exactly as the writer left it.
import { Document, isMap, isSeq, parseDocument } from 'yaml';

export interface Insertion {
  offset: number;
  text: string;
}

export type AppendResult = { ok: true; insertion: Insertion } | { ok: false; reason: string };

/** Text for a brand-new file holding one entry. */
export function newListFile(header: string, listKey: string, entry: Record<string, unknown>): string {
  return `${header}${listKey}:\n${renderItem(entry, '  ')}`;
}

export function appendListItem(text: string, listKey: string, entry: Record<string, unknown>): AppendResult {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) return { ok: false, reason: `the file has a YAML error to fix first (${doc.errors[0].message.split('\n')[0]})` };
  if (!isMap(doc.contents)) {
    if (text.trim() === '') return { ok: true, insertion: { offset: text.length, text: `${listKey}:\n${renderItem(entry, '  ')}` } };
    return { ok: false, reason: 'the file is not a YAML mapping' };
  }
  const list = doc.get(listKey, true);
  if (list === undefined || list === null) {
    const end = text.length;
    const lead = end > 0 && !text.endsWith('\n') ? '\n' : '';
    return { ok: true, insertion: { offset: end, text: `${lead}${listKey}:\n${renderItem(entry, '  ')}` } };
  }
  if (!isSeq(list) || !list.range) return { ok: false, reason: `\`${listKey}\` is not a list` };
  if (list.flow) return { ok: false, reason: `\`${listKey}\` is written as a one-line [ … ] list; add the entry by hand` };
  const first = list.items[0] as { range?: [number, number, number] } | undefined;
  const indent = first?.range ? dashIndent(text, first.range[0]) : '  ';
  // Insert after the list's last line (the node's range may stop mid-line before a comment).
  let offset = list.range[1];
  const lineEnd = text.indexOf('\n', Math.max(0, offset - 1));
  offset = lineEnd === -1 ? text.length : lineEnd + 1;
  const lead = offset === text.length && text.length > 0 && !text.endsWith('\n') ? '\n' : '';
  return { ok: true, insertion: { offset, text: lead + renderItem(entry, indent) } };
}

function dashIndent(text: string, itemStart: number): string {
  const lineStart = text.lastIndexOf('\n', itemStart - 1) + 1;
  const line = text.slice(lineStart, itemStart);
  const dash = line.indexOf('-');
  return dash >= 0 ? ' '.repeat(dash) : '  ';
}

function renderItem(entry: Record<string, unknown>, indent: string): string {
  const body = new Document([entry]).toString({ lineWidth: 0 });
  return body
    .split('\n')
    .filter((line, i, all) => !(i === all.length - 1 && line === ''))
    .map((line) => indent + line)
    .join('\n') + '\n';
}
