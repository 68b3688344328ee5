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
import { maskedReaderOf, type MaskedReader } from '../text/maskedPieces';
import { shiftFixes, shiftRange } from '../text/shift';

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
  const reading = readAnnotationsAgain(prose, registry, undefined);
  for (const list of reading.problems) for (const problem of list) problems.push(problem);
  return reading.annotations;
}

/**
 * Every evidence annotation with what a later re-check needs to reuse it: its problems and how far
 * back its target was read. `problems[i]` belongs to `annotations[i]`.
 */
export interface AnnotationReading {
  annotations: EvidenceAnnotation[];
  problems: AnnotationProblem[][];
  notes: AnnotationNote[];
}

/** What deciding one annotation's target read, so a re-check knows whether an edit could change it. */
interface AnnotationNote {
  /** Lowest offset of text or masked text read, memo sources included. */
  low: number;
  /** End of the comment's own line (its line break), the highest offset read. */
  ownLineEnd: number;
  /** The offset whose block became the paragraph target, or -1; blocks may be renumbered by an edit. */
  probe: number;
  /** The own-line memo after this annotation (undefined when it was not on a line of its own). */
  memo: TargetMemo | undefined;
}

/** The previous reading and the region an edit re-parsed (offsets of the new text), from parseProseAgain. */
export interface AnnotationReuse {
  previous: AnnotationReading;
  /** Text, masked text, blocks and comments before `restart` are unchanged, and from `stop` on they are moved by `delta`. */
  restart: number;
  stop: number;
  delta: number;
}

/**
 * readAnnotations, reusing a previous reading outside the re-parsed region: an annotation whose
 * target was decided only from text before the region is kept as it is, one decided only from text
 * after it is moved. Everything else is decided afresh, in document order, so the own-line memo
 * sees what a fresh reading would.
 */
export function readAnnotationsAgain(prose: ProseModel, registry: EvidenceRegistry, reuse: AnnotationReuse | undefined): AnnotationReading {
  const annotations: EvidenceAnnotation[] = [];
  const problems: AnnotationProblem[][] = [];
  const notes: AnnotationNote[] = [];
  const memo: { last?: TargetMemo; lastLow?: number } = {};
  const comments = prose.comments;
  const masked = maskedReaderOf(prose);

  const decide = (comment: HtmlComment): void => {
    const found: AnnotationProblem[] = [];
    const annotation = parseRemembered(comment, registry, found);
    const note: AnnotationNote = { low: comment.range.start, ownLineEnd: comment.range.end, probe: -1, memo: undefined };
    annotation.target = targetOf(comment, prose, masked, memo, note);
    if (annotation.target.kind === 'none') found.push(noTargetProblem(comment));
    annotations.push(annotation);
    problems.push(found);
    notes.push(note);
  };

  if (!reuse) {
    for (const comment of comments) if (isEvidenceComment(comment)) decide(comment);
    return { annotations, problems, notes };
  }

  const { previous, restart, stop, delta } = reuse;
  const old = previous.annotations;
  // Before the region: the same comment objects, read only from unchanged text.
  let i = 0;
  for (; i < old.length && previous.notes[i].ownLineEnd < restart; i++) keep(i);
  // The region (and any annotation before it whose own line reaches into it): decided afresh.
  const from = i < old.length ? Math.min(old[i].comment.range.start, restart) : restart;
  for (let c = firstCommentAtOrAfter(comments, from); c < comments.length && comments[c].range.start < stop; c++) {
    if (isEvidenceComment(comments[c])) decide(comments[c]);
  }
  // After the region: moved when decided only from text after it, else decided afresh. The
  // re-parse moved the comments after the region in place, so an annotation there still holds its
  // comment, at its new offset; the region's old comments were dropped and keep their old offsets.
  const oldStop = stop - delta;
  // (Comments before the region are unchanged and sit before `restart`, the region's new ones
  // are new objects, so a comment found as itself at or after `stop` is one that was moved.)
  const movedHere = (k: number): boolean => {
    const comment = old[k].comment;
    return comment.range.start >= stop && comments[firstCommentAtOrAfter(comments, comment.range.start)] === comment;
  };
  while (i < old.length && !movedHere(i)) i++;
  for (; i < old.length; i++) {
    const comment = old[i].comment;
    // Should that ever not hold, read afresh.
    if (!movedHere(i)) return readAnnotationsAgain(prose, registry, undefined);
    if (previous.notes[i].low < oldStop || !move(i, comment)) decide(comment);
  }
  return { annotations, problems, notes };

  function keep(k: number): void {
    const note = previous.notes[k];
    annotations.push(old[k]);
    problems.push(previous.problems[k]);
    notes.push(note);
    if (note.memo) {
      memo.last = note.memo;
      memo.lastLow = note.low;
    }
  }

  /** Moves annotation `k` of the previous reading to `comment`; false when its target would change kind. */
  function move(k: number, comment: HtmlComment): boolean {
    const before = old[k];
    const note = previous.notes[k];
    let target = before.target;
    if (target.kind === 'sentence') target = { kind: 'sentence', anchor: target.anchor + delta };
    else if (note.probe >= 0) {
      // Blocks are renumbered when the edit adds or removes some; the block itself is unchanged.
      const blockIndex = blockContaining(prose, note.probe + delta);
      target = blockIndex >= 0 ? { kind: 'paragraph', blockIndex } : { kind: 'none' };
      if (target.kind !== before.target.kind) return false;
    }
    const annotation: EvidenceAnnotation = { ...before, comment, target, support: { ...before.support, range: comment.range } };
    const found: AnnotationProblem[] = [];
    // A problem placed on the whole comment shares its range, which has moved already.
    for (const problem of previous.problems[k]) found.push(problem.range === comment.range ? problem : moveProblem(problem, delta));
    const moved: AnnotationNote = {
      low: note.low + delta,
      ownLineEnd: note.ownLineEnd + delta,
      probe: note.probe >= 0 ? note.probe + delta : -1,
      memo: note.memo && { lineStart: note.memo.lineStart + delta, lineEnd: note.memo.lineEnd + delta, target },
    };
    annotations.push(annotation);
    problems.push(found);
    notes.push(moved);
    if (moved.memo) {
      memo.last = moved.memo;
      memo.lastLow = moved.low;
    }
    return true;
  }
}

function noTargetProblem(comment: HtmlComment): AnnotationProblem {
  return {
    range: comment.range,
    message:
      'This evidence annotation applies to no sentence: put it on the same line straight after the sentence, or on the line straight after its paragraph (no blank line between).',
  };
}

function moveProblem(problem: AnnotationProblem, delta: number): AnnotationProblem {
  const moved: AnnotationProblem = { ...problem, range: shiftRange(problem.range, delta) };
  if (problem.fixes) moved.fixes = shiftFixes(problem.fixes, delta);
  return moved;
}

function firstCommentAtOrAfter(comments: HtmlComment[], offset: number): number {
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid].range.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
  for (const problem of parsed.problems) problems.push(moveProblem(problem, delta));
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
// `note` records how far back it read, so a re-check can tell whether an edit could change the answer.
function targetOf(
  comment: HtmlComment,
  prose: ProseModel,
  masked: MaskedReader,
  memo: { last?: TargetMemo; lastLow?: number },
  note: AnnotationNote,
): AnnotationTarget {
  const text = prose.text;
  let i = comment.range.start - 1;
  while (i >= 0 && isInlineSpace(masked.charAt(i))) i--;
  note.low = Math.max(0, i);
  let ownLineEnd = comment.range.end;
  while (ownLineEnd < text.length && !isLineBreak(text[ownLineEnd])) ownLineEnd++;
  note.ownLineEnd = ownLineEnd;
  if (i < 0) return { kind: 'none' };
  if (!isLineBreak(masked.charAt(i))) return { kind: 'sentence', anchor: i };
  // On a line of its own: look at the lines above, skipping lines that hold only other comments.
  const ownLineStart = i + 1;
  let lineEnd = i; // the line break ending the line above
  let low = i;
  let target: AnnotationTarget = { kind: 'none' };
  for (let lines = 0; lines < MAX_COMMENT_LINES && lineEnd >= 0; lines++) {
    low = Math.min(low, Math.max(0, lineEnd - 1));
    if (text[lineEnd] === '\n' && text[lineEnd - 1] === '\r') lineEnd--;
    if (memo.last && memo.last.lineEnd === lineEnd) {
      target = memo.last.target;
      low = Math.min(low, memo.lastLow ?? 0);
      break;
    }
    let lineStart = lineEnd;
    while (lineStart > 0 && !isLineBreak(text[lineStart - 1])) lineStart--;
    low = Math.min(low, Math.max(0, lineStart - 1));
    const line = text.slice(lineStart, lineEnd);
    if (!line.trim()) break;
    let k = lineEnd - 1;
    while (k >= lineStart && /\s/.test(masked.charAt(k))) k--;
    if (k >= lineStart) {
      const blockIndex = blockContaining(prose, k);
      note.probe = k;
      if (blockIndex >= 0) target = { kind: 'paragraph', blockIndex };
      break;
    }
    if (!ONLY_COMMENTS.test(line)) break;
    lineEnd = lineStart - 1;
  }
  note.low = low;
  memo.last = { lineStart: ownLineStart, lineEnd: ownLineEnd, target };
  memo.lastLow = low;
  note.memo = memo.last;
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
