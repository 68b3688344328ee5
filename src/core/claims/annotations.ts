// Evidence annotations: `<!-- evidence: sms=4; design="regression discontinuity"; source="@smith2021"; note="…" -->`.
//
// Where an annotation applies (docs/evidence.md):
//  - on the same line as prose before it: to the sentence that ends immediately before it;
//  - on a line of its own straight after a paragraph (no blank line between): to every sentence of
//    that paragraph;
//  - anywhere else it applies to nothing, and is reported.
import type { EvidenceSupport, Fix, HtmlComment, ProseModel, Severity, TextRange } from '../types';
import { closestMatch } from './closest';
import { knownDesignNames, lookUpDesign } from './designs';
import type { EvidenceRegistry } from './registry';

export const ANNOTATION_KEYS = ['sms', 'design', 'source', 'note'] as const;
type AnnotationKey = (typeof ANNOTATION_KEYS)[number];

export type AnnotationTarget =
  | { kind: 'sentence'; /** An offset inside the sentence the annotation follows. */ anchor: number }
  | { kind: 'paragraph'; blockIndex: number }
  | { kind: 'none' };

export interface EvidenceAnnotation {
  comment: HtmlComment;
  sms?: number;
  design?: string;
  source?: string;
  note?: string;
  target: AnnotationTarget;
  /** What the annotation contributes as evidence (sms from the design or registry if not given). */
  support: EvidenceSupport;
}

/** A malformed annotation (or front-matter declaration), reported by `invalid-annotation`. */
export interface AnnotationProblem {
  range: TextRange;
  message: string;
  /** Lower than the rule's own severity for doubtful rather than broken input. */
  severity?: Severity;
  fixes?: Fix[];
}

const ANNOTATION_START = /^evidence\s*:/i;

/** True for comments that are meant as evidence annotations. */
export function isEvidenceComment(comment: HtmlComment): boolean {
  return ANNOTATION_START.test(comment.body);
}

/** Parses every evidence annotation in the document and works out what each applies to. */
export function readAnnotations(
  prose: ProseModel,
  registry: EvidenceRegistry,
  problems: AnnotationProblem[],
): EvidenceAnnotation[] {
  const annotations: EvidenceAnnotation[] = [];
  const memo: { last?: TargetMemo } = {};
  for (const comment of prose.comments) {
    if (!isEvidenceComment(comment)) continue;
    const annotation = parseRemembered(comment, registry, problems);
    annotation.target = targetOf(comment, prose, memo);
    if (annotation.target.kind === 'none') {
      problems.push({
        range: comment.range,
        message:
          'This evidence annotation applies to no sentence: put it on the same line straight after the sentence, or on the line straight after its paragraph (no blank line between).',
      });
    }
    annotations.push(annotation);
  }
  return annotations;
}

/** An annotation body parsed once, with its problems' offsets relative to the body's start. */
interface ParsedBody {
  annotation: EvidenceAnnotation;
  problems: AnnotationProblem[];
}

// Re-checks see the same annotation bodies again and again; a body's parse depends only on its
// text and the registry, so it is kept (up to a bound) and moved to where the comment now is.
const MAX_REMEMBERED = 10_000;
const parsedBodies = new WeakMap<EvidenceRegistry, Map<string, ParsedBody>>();

function parseRemembered(comment: HtmlComment, registry: EvidenceRegistry, problems: AnnotationProblem[]): EvidenceAnnotation {
  let bodies = parsedBodies.get(registry);
  if (!bodies) parsedBodies.set(registry, (bodies = new Map()));
  let parsed = bodies.get(comment.body);
  if (!parsed) {
    if (bodies.size >= MAX_REMEMBERED) bodies.clear();
    const found: AnnotationProblem[] = [];
    const annotation = parseAnnotation({ range: { start: 0, end: 0 }, body: comment.body, bodyStart: 0 }, registry, found);
    parsed = { annotation, problems: found };
    bodies.set(comment.body, parsed);
  }
  const delta = comment.bodyStart;
  for (const problem of parsed.problems) {
    const moved: AnnotationProblem = { ...problem, range: { start: problem.range.start + delta, end: problem.range.end + delta } };
    if (problem.fixes) {
      moved.fixes = problem.fixes.map((fix) => ({
        ...fix,
        edits: fix.edits.map((edit) => ({ range: { start: edit.range.start + delta, end: edit.range.end + delta }, newText: edit.newText })),
      }));
    }
    problems.push(moved);
  }
  const template = parsed.annotation;
  return { ...template, comment, target: { kind: 'none' }, support: { ...template.support, range: comment.range } };
}

interface Field {
  key: string;
  keyRange: TextRange;
  value: string;
  valueRange: TextRange;
}

function parseAnnotation(comment: HtmlComment, registry: EvidenceRegistry, problems: AnnotationProblem[]): EvidenceAnnotation {
  const annotation: EvidenceAnnotation = { comment, target: { kind: 'none' }, support: { origin: 'annotation', range: comment.range } };
  const body = comment.body;
  const colon = body.indexOf(':');
  const seen = new Set<string>();
  for (const field of splitFields(body, colon + 1, comment.bodyStart, problems)) {
    const key = field.key.toLowerCase();
    if (!(ANNOTATION_KEYS as readonly string[]).includes(key)) {
      const suggestion = closestMatch(key, ANNOTATION_KEYS);
      problems.push({
        range: field.keyRange,
        message: `Unknown evidence annotation key “${field.key}”${suggestion ? `; did you mean “${suggestion}”?` : ''} Keys are sms, design, source and note.`,
        fixes: suggestion ? [replaceFix(`Change to “${suggestion}”`, field.keyRange, suggestion)] : [],
      });
      continue;
    }
    if (seen.has(key)) {
      problems.push({ range: field.keyRange, message: `“${key}” is given twice in this annotation; keep one.` });
      continue;
    }
    seen.add(key);
    readField(annotation, key as AnnotationKey, field, registry, problems);
  }
  completeSupport(annotation, registry);
  return annotation;
}

function readField(
  annotation: EvidenceAnnotation,
  key: AnnotationKey,
  field: Field,
  registry: EvidenceRegistry,
  problems: AnnotationProblem[],
): void {
  const value = field.value.trim();
  switch (key) {
    case 'sms': {
      const problem = smsProblem(value);
      if (problem) problems.push({ range: field.valueRange, message: problem });
      else annotation.sms = Number(value);
      return;
    }
    case 'design': {
      if (!value) return;
      annotation.design = value;
      const problem = designProblem(value, field.valueRange);
      if (problem) problems.push(problem);
      return;
    }
    case 'source': {
      if (!value) return;
      annotation.source = value;
      const problem = sourceProblem(value, field.valueRange, registry);
      if (problem) problems.push(problem);
      return;
    }
    case 'note':
      annotation.note = value;
  }
}

/** Why an SMS value is not usable, or undefined when it is a whole number from 1 to 5. */
export function smsProblem(value: string): string | undefined {
  if (/^[1-5]$/.test(value)) return undefined;
  if (value === '' || value === '?') return 'Complete the annotation: `sms` must be a Maryland Scientific Methods Scale level, a whole number from 1 to 5.';
  if (/^-?\d+(?:\.\d+)?$/.test(value)) return `\`sms\` must be a whole number from 1 to 5 (the Maryland Scientific Methods Scale), not ${value}.`;
  return `\`sms\` must be a number from 1 to 5, not “${value}”.`;
}

/** A warning with a "did you mean" fix for a design we do not know. */
export function designProblem(value: string, range: TextRange): AnnotationProblem | undefined {
  if (lookUpDesign(value)) return undefined;
  const suggestion = closestMatch(value, knownDesignNames());
  return {
    range,
    severity: 'warning',
    message: `Unknown study design “${value}”${suggestion ? `; did you mean “${suggestion}”?` : ''} Without a known design, give \`sms\` as well.`,
    fixes: suggestion ? [replaceFix(`Change to “${suggestion}”`, range, suggestion)] : [],
  };
}

/** An error for an `@key` source missing from a loaded registry (free-text sources are not checked). */
export function sourceProblem(value: string, range: TextRange, registry: EvidenceRegistry): AnnotationProblem | undefined {
  if (!value.startsWith('@') || registry.entries.size === 0) return undefined;
  const key = value.slice(1);
  if (registry.entries.has(key)) return undefined;
  const suggestion = closestMatch(key, registry.entries.keys());
  return {
    range,
    message: `The citation key “${value}” is not in the evidence registry${suggestion ? `; did you mean “@${suggestion}”?` : '.'}`,
    fixes: suggestion ? [replaceFix(`Change to “@${suggestion}”`, range, `@${suggestion}`)] : [],
  };
}

function completeSupport(annotation: EvidenceAnnotation, registry: EvidenceRegistry): void {
  const cited = annotation.source?.startsWith('@') ? registry.entries.get(annotation.source.slice(1)) : undefined;
  const design = annotation.design ?? cited?.design;
  const sms = annotation.sms ?? (annotation.design ? lookUpDesign(annotation.design)?.sms : undefined) ?? cited?.sms;
  annotation.support = {
    origin: 'annotation',
    range: annotation.comment.range,
    ...(design !== undefined ? { design } : {}),
    ...(sms !== undefined ? { sms } : {}),
    ...(annotation.source !== undefined ? { source: annotation.source } : {}),
  };
}

// Splits `key=value; key="quoted; value"` into fields with document ranges, reporting syntax errors.
function splitFields(body: string, from: number, bodyStart: number, problems: AnnotationProblem[]): Field[] {
  const fields: Field[] = [];
  let i = from;
  const at = (offset: number) => bodyStart + offset;
  while (i < body.length) {
    while (i < body.length && (body[i] === ' ' || body[i] === '\t' || body[i] === '\n' || body[i] === '\r' || body[i] === ';')) i++;
    if (i >= body.length) break;
    const keyStart = i;
    while (i < body.length && /[\p{L}\p{N}_-]/u.test(body[i])) i++;
    const key = body.slice(keyStart, i);
    let j = i;
    while (j < body.length && (body[j] === ' ' || body[j] === '\t')) j++;
    if (!key || (body[j] !== '=' && body[j] !== ':')) {
      const end = nextSeparator(body, keyStart);
      problems.push({
        range: { start: at(keyStart), end: at(Math.max(end, keyStart + 1)) },
        message: `Expected \`key=value\` (keys: sms, design, source, note), found “${body.slice(keyStart, end).trim()}”.`,
      });
      i = end;
      continue;
    }
    if (body[j] === ':') {
      problems.push({
        range: { start: at(j), end: at(j + 1) },
        message: 'Annotation fields are written `key=value`; use “=” rather than “:”.',
        fixes: [replaceFix('Use “=”', { start: at(j), end: at(j + 1) }, '=')],
      });
    }
    j++;
    while (j < body.length && (body[j] === ' ' || body[j] === '\t')) j++;
    let value: string;
    let valueStart: number;
    let valueEnd: number;
    if (body[j] === '"' || body[j] === '\u201c') {
      const close = body[j] === '"' ? '"' : '\u201d';
      const closing = body.indexOf(close, j + 1);
      if (closing < 0) {
        problems.push({ range: { start: at(j), end: at(body.length) }, message: 'This quoted value has no closing quotation mark.' });
        break;
      }
      // The range is the text inside the quotes, so a fix keeps them.
      value = body.slice(j + 1, closing);
      valueStart = j + 1;
      valueEnd = closing;
      i = closing + 1;
      const rest = nextSeparator(body, i);
      if (body.slice(i, rest).trim()) {
        problems.push({
          range: { start: at(i), end: at(rest) },
          message: 'Unexpected text after a quoted value; separate fields with “;”.',
        });
      }
      i = rest;
    } else {
      const end = nextSeparator(body, j);
      value = body.slice(j, end).trim();
      valueStart = j;
      valueEnd = j + value.length;
      i = end;
    }
    fields.push({
      key,
      keyRange: { start: at(keyStart), end: at(keyStart + key.length) },
      value,
      valueRange: { start: at(valueStart), end: at(Math.max(valueEnd, valueStart)) },
    });
  }
  return fields;
}

function nextSeparator(body: string, from: number): number {
  const semicolon = body.indexOf(';', from);
  return semicolon < 0 ? body.length : semicolon;
}

function replaceFix(title: string, range: TextRange, newText: string): Fix {
  return { title, edits: [{ range, newText }], isPreferred: true };
}

function isInlineSpace(c: string): boolean {
  return c === ' ' || c === '\t';
}

function isLineBreak(c: string): boolean {
  return c === '\n' || c === '\r';
}

const ONLY_COMMENTS = /^\s*(?:<!--(?:(?!-->)[^])*-->\s*)*$/;
// How many lines of other comments may sit between a paragraph and its annotation.
const MAX_COMMENT_LINES = 20;

/** Remembers the last own-line annotation so a run of them is resolved in one pass, not one walk each. */
export interface TargetMemo {
  lineStart: number;
  lineEnd: number;
  target: AnnotationTarget;
}

// Decides what an annotation applies to from the masked text around it (comments are masked).
function targetOf(comment: HtmlComment, prose: ProseModel, memo: { last?: TargetMemo }): AnnotationTarget {
  const { masked, text } = prose;
  let i = comment.range.start - 1;
  while (i >= 0 && isInlineSpace(masked[i])) i--;
  if (i < 0) return { kind: 'none' };
  if (!isLineBreak(masked[i])) return { kind: 'sentence', anchor: i };
  // On a line of its own: look at the lines above, skipping lines that hold only other comments.
  const ownLineStart = i + 1;
  let lineEnd = i; // the line break ending the line above
  let target: AnnotationTarget = { kind: 'none' };
  for (let lines = 0; lines < MAX_COMMENT_LINES && lineEnd >= 0; lines++) {
    if (text[lineEnd] === '\n' && text[lineEnd - 1] === '\r') lineEnd--;
    if (memo.last && memo.last.lineEnd === lineEnd) {
      target = memo.last.target;
      break;
    }
    let lineStart = lineEnd;
    while (lineStart > 0 && !isLineBreak(text[lineStart - 1])) lineStart--;
    const line = text.slice(lineStart, lineEnd);
    if (!line.trim()) break;
    let k = lineEnd - 1;
    while (k >= lineStart && /\s/.test(masked[k])) k--;
    if (k >= lineStart) {
      const blockIndex = blockContaining(prose, k);
      if (blockIndex >= 0) target = { kind: 'paragraph', blockIndex };
      break;
    }
    if (!ONLY_COMMENTS.test(line)) break;
    lineEnd = lineStart - 1;
  }
  let ownLineEnd = comment.range.end;
  while (ownLineEnd < text.length && !isLineBreak(text[ownLineEnd])) ownLineEnd++;
  memo.last = { lineStart: ownLineStart, lineEnd: ownLineEnd, target };
  return target;
}

function blockContaining(prose: ProseModel, offset: number): number {
  const blocks = prose.blocks;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = blocks[mid].range;
    if (offset < range.start) hi = mid - 1;
    else if (offset >= range.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
