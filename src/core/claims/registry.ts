// The evidence registry: citation keys mapped to the studies behind them, with their design and
// SMS level, so that a `[@key]` citation can support a causal claim.
//
// Format (see docs/evidence.md and glossary/registry.schema.json):
//   version: 1
//   sources:
//     smith2021: { title: …, year: 2021, url: …, design: regression discontinuity, sms: 4, authors: [...] }
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { ConfigProblem, Severity, SourceLocation } from '../types';
import { closestMatch } from './closest';
import { excessiveNesting, oversizeMessage } from '../configLimits';
import { knownDesignNames, lookUpDesign } from './designs';

export interface RegistryEntry {
  key: string;
  title: string;
  year?: number;
  url?: string;
  /** The design as written in the registry. */
  design?: string;
  /** The SMS level: as written, or implied by a known design. */
  sms?: number;
  authors?: string[];
  origin?: SourceLocation;
}

export interface EvidenceRegistry {
  entries: Map<string, RegistryEntry>;
}

export function emptyRegistry(): EvidenceRegistry {
  return { entries: new Map() };
}

/** Later registries add to and override earlier ones, key by key. */
export function mergeRegistries(layers: EvidenceRegistry[]): EvidenceRegistry {
  const entries = new Map<string, RegistryEntry>();
  for (const layer of layers) for (const [key, entry] of layer.entries) entries.set(key, entry);
  return { entries };
}

export interface RegistryParseResult {
  registry: EvidenceRegistry;
  problems: ConfigProblem[];
}

const ENTRY_KEYS = ['title', 'year', 'url', 'design', 'sms', 'authors'];
const MAX_ALIASES = 100;

/** Parses a registry file; a bad entry is reported and skipped, the rest still load. */
export function parseRegistry(text: string, file: string): RegistryParseResult {
  const lineCounter = new LineCounter();
  const problems: ConfigProblem[] = [];
  const registry = emptyRegistry();
  const problem = (range: readonly number[] | null | undefined, message: string, severity: Severity = 'error') => {
    const start = range?.[0] ?? 0;
    const end = Math.max(start, range?.[1] ?? start);
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(end);
    problems.push({
      file,
      line: from.line - 1,
      column: from.col - 1,
      endLine: to.line - 1,
      endColumn: to.col - 1,
      severity,
      message,
    });
  };

  const oversize = oversizeMessage(text, 'evidence registry');
  if (oversize) {
    problems.push({ file, line: 0, column: 0, endLine: 0, endColumn: 0, severity: 'error', message: oversize });
    return { registry, problems };
  }
  const tooDeep = excessiveNesting(text);
  if (tooDeep !== -1) {
    // The parser has not run, so record the line starts before the problem ourselves.
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1 && i < tooDeep; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    problem([tooDeep, tooDeep + 1], 'The registry is nested too deeply here to be read; a registry needs only two levels (sources, then each study).');
    return { registry, problems };
  }
  // Duplicate citation keys are found below with a Set: the parser's own check compares every key
  // with every earlier one, which is quadratic in the number of sources.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  for (const error of doc.errors) problem(error.pos, `YAML syntax error: ${firstLine(error.message)}`);
  if (doc.errors.length > 0) return { registry, problems };

  // Expanding aliases is where "billion laughs" documents blow up; refuse them before walking.
  try {
    doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    problem([0, 0], `The registry uses too many YAML aliases (limit ${MAX_ALIASES}); write the entries out in full.`);
    return { registry, problems };
  }

  const root = doc.contents;
  if (!isMap(root)) {
    problem(root?.range, 'The registry must be a mapping with `version: 1` and `sources:`.');
    return { registry, problems };
  }
  const version = root.get('version', true);
  if (!version) {
    problem(root.range && [root.range[0], root.range[0]], 'The registry needs `version: 1` at the top.');
  } else if (!isScalar(version) || (version.value as unknown) !== 1) {
    problem((version as Node).range, `\`version\` must be 1, not “${describe(version as Node)}”.`);
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'version' && key !== 'sources') {
      const suggestion = closestMatch(key, ['version', 'sources']);
      problem(
        (pair.key as Node | null)?.range,
        `Unknown top-level key “${key}”: the registry has only \`version\` and \`sources\`${suggestion ? ` (did you mean “${suggestion}”?)` : ''}.`,
      );
    }
  }
  const sources = resolve(doc, root.get('sources', true));
  if (!sources) {
    problem(root.range && [root.range[0], root.range[0]], 'The registry needs a `sources:` mapping of citation keys to studies.');
    return { registry, problems };
  }
  if (!isMap(sources)) {
    problem(sources.range, '`sources` must be a mapping from citation keys (e.g. `smith2021`) to studies.');
    return { registry, problems };
  }

  const seen = new Set<string>();
  for (const pair of sources.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    if (seen.has(key)) {
      problem(keyNode?.range, `The citation key “${key}” appears twice in \`sources\`; the later one is ignored.`);
      continue;
    }
    seen.add(key);
    if (!/^[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&\-+?<>~/]*$/u.test(key)) {
      problem(keyNode?.range, `“${key}” is not a usable citation key: use letters, digits and _ : . - / (e.g. smith2021).`);
      continue;
    }
    const entry = readEntry(doc, key, resolve(doc, pair.value as Node | null), keyNode?.range, problem);
    if (!entry) continue;
    const from = lineCounter.linePos(keyNode?.range?.[0] ?? 0);
    entry.origin = { file, line: from.line - 1, column: from.col - 1 };
    registry.entries.set(key, entry);
  }
  return { registry, problems };
}

type Report = (range: readonly number[] | null | undefined, message: string, severity?: Severity) => void;

function readEntry(
  doc: Document,
  key: string,
  node: Node | undefined,
  keyRange: readonly number[] | null | undefined,
  problem: Report,
): RegistryEntry | undefined {
  if (!isMap(node)) {
    problem(node?.range ?? keyRange, `Source “${key}” must be a mapping with at least a \`title\` and a \`design\` or \`sms\`; it was skipped.`);
    return undefined;
  }
  const entry: RegistryEntry = { key, title: '' };
  let valid = true;
  const fail = (range: readonly number[] | null | undefined, message: string) => {
    problem(range, `Source “${key}” skipped: ${message}`);
    valid = false;
  };

  for (const pair of node.items) {
    const field = isScalar(pair.key) ? String(pair.key.value) : '';
    const fieldRange = (pair.key as Node | null)?.range;
    const value = resolve(doc, pair.value as Node | null);
    const scalar = isScalar(value) ? value.value : undefined;
    switch (field) {
      case 'title':
        if (typeof scalar === 'string' && scalar.trim()) entry.title = scalar.trim();
        else fail(value?.range ?? fieldRange, '`title` must be non-empty text.');
        break;
      case 'year':
        if (typeof scalar === 'number' && Number.isInteger(scalar) && scalar >= 1800 && scalar <= 2200) entry.year = scalar;
        else fail(value?.range ?? fieldRange, `\`year\` must be a four-digit year, not “${describe(value)}”.`);
        break;
      case 'url':
        if (typeof scalar === 'string' && /^https?:\/\/\S+$/.test(scalar)) entry.url = scalar;
        else fail(value?.range ?? fieldRange, `\`url\` must be a web address starting with http:// or https://, not “${describe(value)}”.`);
        break;
      case 'design':
        if (typeof scalar === 'string' && scalar.trim()) {
          entry.design = scalar.trim();
          if (!lookUpDesign(entry.design)) {
            const suggestion = closestMatch(entry.design, knownDesignNames());
            problem(
              value?.range,
              `Source “${key}”: unknown design “${entry.design}”${suggestion ? ` (did you mean “${suggestion}”?)` : ''}; give \`sms\` so the study can still support claims.`,
              'warning',
            );
          }
        } else fail(value?.range ?? fieldRange, '`design` must be text, e.g. “randomised controlled trial”.');
        break;
      case 'sms':
        if (typeof scalar === 'number' && Number.isInteger(scalar) && scalar >= 1 && scalar <= 5) entry.sms = scalar;
        else fail(value?.range ?? fieldRange, `\`sms\` must be a whole number from 1 to 5 (the Maryland Scientific Methods Scale), not “${describe(value)}”.`);
        break;
      case 'authors':
        if (typeof scalar === 'string' && scalar.trim()) entry.authors = [scalar.trim()];
        else if (isSeq(value) && value.items.every((item) => isScalar(item) && typeof item.value === 'string')) {
          entry.authors = value.items.map((item) => String((item as { value: unknown }).value));
        } else fail(value?.range ?? fieldRange, '`authors` must be a list of names.');
        break;
      default: {
        const suggestion = closestMatch(field, ENTRY_KEYS);
        problem(
          fieldRange,
          `Source “${key}”: unknown field “${field}”${suggestion ? ` (did you mean “${suggestion}”?)` : ''}; allowed fields are ${ENTRY_KEYS.join(', ')}.`,
          'warning',
        );
      }
    }
  }
  if (!entry.title && valid) fail(keyRange, 'needs a `title`.');
  if (!valid) return undefined;
  if (entry.sms === undefined && entry.design) entry.sms = lookUpDesign(entry.design)?.sms;
  if (entry.sms === undefined) {
    problem(keyRange, `Source “${key}” gives no \`sms\` or known \`design\`, so citing it cannot support a causal claim.`, 'warning');
  }
  return entry;
}

function resolve(doc: Document, node: Node | null | undefined): Node | undefined {
  if (node && isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? undefined;
  return node ?? undefined;
}

function describe(node: Node | null | undefined): string {
  if (!node) return 'nothing';
  if (isScalar(node)) return String(node.value);
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  return 'something else';
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
