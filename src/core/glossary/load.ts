// Reads a glossary file: YAML → schema check → entries, with every problem placed at the line and
// column a writer must change. A bad entry is reported and skipped; the rest still loads.
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { ConfigProblem, Glossary, GlossaryEntry, Severity } from '../types';
import validateGlossary, { type GlossarySchemaError } from './validate-glossary.generated';
import { describeValue, schemaErrorMessage } from './schema-messages';
import { formKey } from './matcher';
import { checkExamples } from './examples';

import { excessiveNesting, MAX_FLOW_DEPTH, MAX_INDENT, oversizeMessage } from '../configLimits';
export { mergeGlossaries } from './merge';

export interface GlossaryParseResult {
  glossary: Glossary;
  problems: ConfigProblem[];
}

/** YAML aliases (*name) allowed in one file: enough for shared sources, too few for an alias bomb. */
const MAX_ALIAS_COUNT = 200;
/** Brackets or indentation deeper than this cannot be a glossary and would exhaust the parser. */

type Span = [start: number, end: number];

class ProblemList {
  readonly problems: ConfigProblem[] = [];
  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly lines: LineCounter,
  ) {}

  add(span: Span, severity: Severity, message: string): void {
    const start = Math.max(0, Math.min(span[0], this.text.length));
    let end = Math.max(start, Math.min(span[1], this.text.length));
    // A long node (a whole list) is marked on its first line only.
    const lineEnd = this.text.indexOf('\n', start);
    if (lineEnd !== -1 && end > lineEnd) end = lineEnd;
    // A one-character mark (the parser's) is widened to the word it starts, e.g. a repeated key.
    if (end - start <= 1 && start < this.text.length && this.text[start] !== '\n') {
      end = start + 1;
      while (end < lineEndOrText(this.text, lineEnd) && !/[\s:,[\]{}]/.test(this.text[end])) end++;
    }
    const from = this.lines.linePos(start);
    const to = this.lines.linePos(end);
    this.problems.push({
      file: this.file,
      line: from.line - 1,
      column: from.col - 1,
      endLine: to.line - 1,
      endColumn: to.col - 1,
      severity,
      message,
    });
  }
}

function lineEndOrText(text: string, lineEnd: number): number {
  return lineEnd === -1 ? text.length : lineEnd;
}

function spanOf(node: unknown, fallback: Span = [0, 0]): Span {
  return isNode(node) && node.range ? [node.range[0], node.range[1]] : fallback;
}


export function parseGlossary(text: string, file: string): GlossaryParseResult {
  const lines = new LineCounter();
  const problems = new ProblemList(file, text, lines);
  const empty = (): GlossaryParseResult => ({ glossary: { entries: [] }, problems: problems.problems });

  const oversize = oversizeMessage(text, 'glossary');
  if (oversize) {
    lines.addNewLine(0);
    problems.add([0, 0], 'error', oversize);
    return empty();
  }

  const tooDeep = excessiveNesting(text);
  if (tooDeep !== -1) {
    lines.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1 && i < tooDeep; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
    problems.add([tooDeep, tooDeep + 1], 'error', `The glossary is nested too deeply here to be read (more than ${MAX_FLOW_DEPTH} brackets or ${MAX_INDENT} spaces of indentation).`);
    return empty();
  }

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    problems.add([0, 0], 'error', `The glossary could not be read as YAML: ${error instanceof Error ? error.message : String(error)}`);
    return empty();
  }
  for (const warning of doc.warnings) problems.add(warning.pos, 'warning', `YAML: ${warning.message}`);
  if (doc.errors.length > 0) {
    for (const error of doc.errors) problems.add(syntaxErrorSpan(text, error), 'error', `YAML syntax: ${firstLine(error.message)}`);
    return empty();
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const firstAlias = text.search(/\*[^\s,\]}]/);
    const message =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? `The glossary repeats YAML aliases (*name) too often to be expanded safely; write the values out instead.`
        : `The glossary could not be read: ${error instanceof Error ? error.message : String(error)}`;
    problems.add(firstAlias === -1 ? [0, 0] : [firstAlias, firstAlias + 1], 'error', message);
    return empty();
  }
  if (data === null || data === undefined) {
    problems.add([0, 0], 'error', 'The glossary is empty: it needs `version: 1` and a list of `entries`.');
    return empty();
  }

  const badEntries = reportSchemaErrors(doc, data, problems);
  const rawEntries = isRecord(data) && Array.isArray(data.entries) ? data.entries : [];
  const entries: GlossaryEntry[] = [];
  const entryNodes: unknown[] = [];
  const rawIndexes: number[] = [];
  rawEntries.forEach((raw, index) => {
    if (badEntries.has(index) || !isRecord(raw)) return;
    const node = doc.getIn(['entries', index], true);
    const start = spanOf(node)[0];
    const pos = lines.linePos(start);
    entries.push(toEntry(raw, { file, line: pos.line - 1, column: pos.col - 1 }));
    entryNodes.push(node);
    rawIndexes.push(index);
  });

  const kept = reportClashes(entries, entryNodes, problems);
  const glossary: Glossary = { entries: kept.map((k) => entries[k]) };
  reportUnknownRelated(glossary, kept.map((k) => entryNodes[k]), problems);
  kept.forEach((k, i) => {
    for (const failure of checkExamples(glossary.entries[i])) {
      const node = doc.getIn(['entries', rawIndexes[k], 'examples', failure.kind, failure.index], true) ?? entryNodes[k];
      problems.add(spanOf(node), 'warning', `Entry “${glossary.entries[i].term}”: ${failure.message}`);
    }
  });
  return { glossary, problems: problems.problems };
}

/** An unclosed quote is reported where the text runs out; the writer needs the opening quote. */
function syntaxErrorSpan(text: string, error: { code: string; message: string; pos: [number, number] }): Span {
  const quote = /Missing closing (["'])quote/.exec(error.message);
  if (error.code === 'MISSING_CHAR' && quote) {
    const opening = text.lastIndexOf(quote[1], error.pos[0] - 1);
    if (opening !== -1) return [opening, opening + 1];
  }
  return error.pos;
}

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return (nl === -1 ? message : message.slice(0, nl)).replace(/\s+at line \d+, column \d+:?$/, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entryLabel(data: unknown, index: number): string {
  const raw = isRecord(data) && Array.isArray(data.entries) ? data.entries[index] : undefined;
  const term = isRecord(raw) ? raw.term : undefined;
  return typeof term === 'string' && term.trim() ? `Entry “${term}”` : `Entry ${index + 1}`;
}

function valueAt(data: unknown, segments: string[]): unknown {
  let value = data;
  for (const s of segments) {
    if (Array.isArray(value)) value = value[Number(s)];
    else if (isRecord(value)) value = value[s];
    else return undefined;
  }
  return value;
}

/** Reports schema errors at their nodes; returns the indexes of entries that cannot be loaded. */
function reportSchemaErrors(doc: Document.Parsed, data: unknown, problems: ProblemList): Set<number> {
  const bad = new Set<number>();
  if (validateGlossary(data)) return bad;
  const seen = new Set<string>();
  for (const error of validateGlossary.errors ?? []) {
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const inEntry = segments[0] === 'entries' && segments.length >= 2;
    const entryIndex = inEntry ? Number(segments[1]) : -1;
    const label = inEntry ? entryLabel(data, entryIndex) : '';
    const message = schemaErrorMessage(error, inEntry ? segments.slice(2) : segments, valueAt(data, segments), label);
    // An unknown field is ignored, so it costs a warning, not the entry.
    const severity: Severity = error.keyword === 'additionalProperties' ? 'warning' : 'error';
    problems.add(errorSpan(doc, segments, error), severity, message);
    if (severity === 'error' && inEntry) bad.add(entryIndex);
  }
  return bad;
}

function errorSpan(doc: Document.Parsed, segments: string[], error: GlossarySchemaError): Span {
  const path = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  if (error.keyword === 'additionalProperties' && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === error.params.additionalProperty);
    if (pair) return spanOf(pair.key);
  }
  if (error.keyword === 'required' && isMap(node) && node.items.length > 0) {
    // Point at the first field of the incomplete item rather than the whole block.
    return spanOf(node.items[0].key, spanOf(node));
  }
  return spanOf(node, spanOf(doc.contents));
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function toEntry(raw: Record<string, unknown>, origin: GlossaryEntry['origin']): GlossaryEntry {
  const term = String(raw.term).trim();
  const examples = isRecord(raw.examples) ? raw.examples : undefined;
  const entry: GlossaryEntry = {
    id: term.toLowerCase(),
    term,
    aliases: strings(raw.aliases),
    acronyms: strings(raw.acronyms),
    caseSensitive: raw.caseSensitive === true,
    defineOnFirstUse: raw.defineOnFirstUse === true,
    definition: typeof raw.definition === 'string' ? raw.definition.trim() : '',
    keyMessages: (Array.isArray(raw.keyMessages) ? raw.keyMessages : []) as GlossaryEntry['keyMessages'],
    sources: (Array.isArray(raw.sources) ? raw.sources : []) as GlossaryEntry['sources'],
    related: strings(raw.related),
    discouraged: (Array.isArray(raw.discouraged) ? raw.discouraged : []) as GlossaryEntry['discouraged'],
    origin,
  };
  for (const message of entry.keyMessages) message.sources ??= [];
  if (examples) entry.examples = { flag: strings(examples.flag), pass: strings(examples.pass) };
  return entry;
}

/**
 * Two entries with one term cannot both be meant: the second is reported and skipped. A shared
 * alias or acronym is reported, and the first entry keeps it. Returns the indexes of kept entries.
 */
function reportClashes(entries: GlossaryEntry[], nodes: unknown[], problems: ProblemList): number[] {
  const owners = new Map<string, { entry: number; what: string }>();
  const kept: number[] = [];
  entries.forEach((entry, index) => {
    const node = nodes[index];
    const at = (field: string, item?: number, subField?: string): Span => {
      const path: Array<string | number> = [field];
      if (item !== undefined) path.push(item);
      if (subField !== undefined) path.push(subField);
      for (let depth = path.length; depth > 0; depth--) {
        const found = isMap(node) ? node.getIn(path.slice(0, depth), true) : undefined;
        if (isNode(found)) return spanOf(found);
      }
      return spanOf(node);
    };
    const termKey = formKey(entry.term);
    if (!termKey) {
      problems.add(at('term'), 'error', `Entry “${entry.term}”: the term has no letters or digits, so it can never be found in a bulletin.`);
      return;
    }
    const termOwner = owners.get(termKey);
    if (termOwner) {
      const other = entries[termOwner.entry];
      problems.add(at('term'), 'error', `Entry “${entry.term}” repeats the ${termOwner.what} of entry “${other.term}” (line ${(other.origin?.line ?? 0) + 1}); this entry is skipped. Merge the two or remove one.`);
      return;
    }
    kept.push(index);
    owners.set(termKey, { entry: index, what: 'term' });
    const forms: Array<[field: 'aliases' | 'acronyms' | 'discouraged', values: string[], what: string]> = [
      ['aliases', entry.aliases, 'alias'],
      ['acronyms', entry.acronyms, 'acronym'],
      ['discouraged', entry.discouraged.map((d) => d.form), 'discouraged form'],
    ];
    for (const [field, values, what] of forms) {
      values.forEach((value, item) => {
        // Acronyms are matched with their exact capitalisation, so only an exact repeat clashes.
        const key = field === 'acronyms' ? `acronym:${value}` : formKey(value);
        const span = field === 'discouraged' ? at(field, item, 'form') : at(field, item);
        if (!key) {
          problems.add(span, 'warning', `Entry “${entry.term}”: the ${what} ${describeValue(value)} has no letters or digits, so it can never be found in a bulletin.`);
          return;
        }
        const owner = owners.get(key);
        if (owner && owner.entry !== index) {
          problems.add(span, 'warning', `Entry “${entry.term}”: the ${what} ${describeValue(value)} is already the ${owner.what} of entry “${entries[owner.entry].term}”, which keeps it.`);
          return;
        }
        if (!owner) owners.set(key, { entry: index, what });
      });
    }
  });
  return kept;
}

function reportUnknownRelated(glossary: Glossary, nodes: unknown[], problems: ProblemList): void {
  const known = new Set<string | undefined>();
  for (const entry of glossary.entries) {
    known.add(formKey(entry.term));
    for (const alias of entry.aliases) known.add(formKey(alias));
  }
  glossary.entries.forEach((entry, index) => {
    const node = nodes[index];
    const list = isMap(node) ? node.get('related', true) : undefined;
    entry.related.forEach((related, item) => {
      if (known.has(formKey(related))) return;
      const itemNode = isNode(list) && 'items' in list ? (list.items as unknown[])[item] : undefined;
      problems.add(spanOf(itemNode, spanOf(node)), 'warning', `Entry “${entry.term}”: the related entry ${describeValue(related)} is not in this glossary (related entries are named by their term).`);
    });
  });
}
