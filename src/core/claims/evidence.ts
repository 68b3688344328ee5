// The evidence layer: what study design backs each sentence, and so whether its causal wording is
// supported. Sources, most specific first (docs/evidence.md):
//  - the sentence itself names a strong design ("a randomised controlled trial found…"),
//  - an evidence annotation applying to the sentence or its paragraph,
//  - a citation `[@key]` that resolves in the evidence registry;
// and, when none of those gives an SMS level, the front matter's `evidence:` declaration.
import { LineCounter, isMap, parseDocument, type Node } from 'yaml';
import type { ClaimClassification, ClaimStatus, EvidenceSupport, ProseModel, Sentence, TextRange } from '../types';
import { readAnnotationsAgain, smsProblem, designProblem, sourceProblem, type AnnotationProblem, type AnnotationReading, type EvidenceAnnotation } from './annotations';
import { maskedReaderOf, type MaskedReader } from '../text/maskedPieces';
import { citationsWithin, findCitations, findCitationsAgain, type Citation } from './citations';
import { findNamedDesign, lookUpDesign, type NamedDesign } from './designs';
import type { EvidenceRegistry } from './registry';
import { closestMatch } from './closest';

export interface DocumentEvidence {
  /** The design declared in front matter, if any. */
  declared: EvidenceSupport;
  /** Every evidence annotation, in document order. */
  annotations: EvidenceAnnotation[];
  /** Every Pandoc citation, in document order. */
  citations: Citation[];
  /** Malformed annotations and front-matter declarations, for `invalid-annotation`. */
  problems: AnnotationProblem[];
  /** Masked text, to find citations that directly follow a sentence (a re-parse may keep it in pieces). */
  masked: MaskedReader;
  /** Sentence annotations sorted by anchor, and paragraph annotations by block. */
  bySentenceAnchor: EvidenceAnnotation[];
  byBlock: Map<number, EvidenceAnnotation[]>;
}

export interface ClaimDecision {
  status: ClaimStatus;
  /** The evidence the status rests on (`origin: 'none'` when nothing was declared). */
  evidence: EvidenceSupport;
}

/** What a re-check after an edit may reuse: the previous check's evidence and the re-parsed region. */
export interface EvidenceReuse {
  previous: DocumentEvidence;
  /** The region parseProseAgain re-parsed, in offsets of the new text; outside it nothing changed but position. */
  restart: number;
  stop: number;
  delta: number;
}

// The annotation reading behind each evidence, so the next check can reuse it.
const readings = new WeakMap<DocumentEvidence, AnnotationReading>();

export function collectDocumentEvidence(prose: ProseModel, registry: EvidenceRegistry, reuse?: EvidenceReuse): DocumentEvidence {
  const problems: AnnotationProblem[] = [];
  const declared = readFrontMatterEvidence(prose, registry, problems);
  const previousReading = reuse && readings.get(reuse.previous);
  const reading = readAnnotationsAgain(
    prose,
    registry,
    reuse && previousReading ? { previous: previousReading, restart: reuse.restart, stop: reuse.stop, delta: reuse.delta } : undefined,
  );
  for (const list of reading.problems) for (const problem of list) problems.push(problem);
  const annotations = reading.annotations;
  const bySentenceAnchor: EvidenceAnnotation[] = [];
  const byBlock = new Map<number, EvidenceAnnotation[]>();
  for (const annotation of annotations) {
    const target = annotation.target;
    if (target.kind === 'sentence') bySentenceAnchor.push(annotation);
    else if (target.kind === 'paragraph') {
      const list = byBlock.get(target.blockIndex) ?? [];
      list.push(annotation);
      byBlock.set(target.blockIndex, list);
    }
  }
  bySentenceAnchor.sort((a, b) => anchorOf(a) - anchorOf(b));
  const citations = reuse
    ? findCitationsAgain(prose.text, reuse.previous.citations, reuse.restart, reuse.stop, reuse.delta)
    : findCitations(prose.text);
  const evidence: DocumentEvidence = {
    declared,
    annotations,
    citations,
    problems,
    // Not `prose.masked`: joining a re-parsed document's masked text costs a full copy.
    masked: maskedReaderOf(prose),
    bySentenceAnchor,
    byBlock,
  };
  readings.set(evidence, reading);
  return evidence;
}

export function decideClaimStatus(
  sentence: Sentence,
  classification: ClaimClassification,
  evidence: DocumentEvidence,
  registry: EvidenceRegistry,
  minimumSms: number,
  named?: NamedDesign | null,
): ClaimDecision {
  // Not a claim: consumers filter on the label, so the status only has to be harmless.
  if (classification.label === 'none') return { status: 'associational', evidence: evidence.declared };
  const support = sentenceEvidence(sentence, evidence, registry, named) ?? evidence.declared;
  if (classification.label === 'correlational') return { status: 'associational', evidence: support };
  if ((support.sms ?? 0) >= minimumSms) return { status: 'supported', evidence: support };
  return { status: classification.label === 'direct_causal' ? 'unsupported' : 'hedged', evidence: support };
}

/**
 * The strongest evidence specific to this sentence that gives an SMS level, if any. `named` is
 * findNamedDesign(sentence.text) when the caller already has it (null for none).
 */
export function sentenceEvidence(
  sentence: Sentence,
  evidence: DocumentEvidence,
  registry: EvidenceRegistry,
  named?: NamedDesign | null,
): EvidenceSupport | undefined {
  let best: EvidenceSupport | undefined;
  const design = named === undefined ? findNamedDesign(sentence.text) : (named ?? undefined);
  if (design) {
    best = {
      origin: 'sentence',
      design: design.design.name,
      sms: design.design.sms,
      range: { start: sentence.range.start + design.start, end: sentence.range.start + design.end },
    };
  }
  const annotations = evidence.annotations.length > 0 ? annotationsFor(sentence, evidence) : NONE;
  for (const annotation of annotations) best = stronger(best, annotation.support);
  if (evidence.citations.length === 0) return best;
  for (const citation of sentenceCitations(sentence, evidence)) {
    for (const { key, range } of citation.keys) {
      const entry = registry.entries.get(key);
      if (entry?.sms === undefined) continue;
      best = stronger(best, { origin: 'citation', sms: entry.sms, source: `@${key}`, range, ...(entry.design ? { design: entry.design } : {}) });
    }
  }
  return best;
}

const NONE: EvidenceAnnotation[] = [];

/** `support` when it gives a higher SMS level than `best` (ties keep the earlier). */
function stronger(best: EvidenceSupport | undefined, support: EvidenceSupport): EvidenceSupport | undefined {
  return support.sms !== undefined && (!best || support.sms > (best.sms ?? 0)) ? support : best;
}

/** Annotations that apply to the sentence: those anchored inside it, then its paragraph's. */
export function annotationsFor(sentence: Sentence, evidence: DocumentEvidence): EvidenceAnnotation[] {
  const found: EvidenceAnnotation[] = [];
  const list = evidence.bySentenceAnchor;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (anchorOf(list[mid]) < sentence.range.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length && anchorOf(list[i]) < sentence.range.end; i++) found.push(list[i]);
  const paragraph = evidence.byBlock.get(sentence.blockIndex);
  if (paragraph) found.push(...paragraph);
  return found;
}

function anchorOf(annotation: EvidenceAnnotation): number {
  return annotation.target.kind === 'sentence' ? annotation.target.anchor : -1;
}

/** Citations in the sentence, or straight after its full stop on the same line ("…lower. [@smith2021]"). */
export function sentenceCitations(sentence: Sentence, evidence: DocumentEvidence): Citation[] {
  const masked = evidence.masked;
  let end = sentence.range.end;
  while (end < masked.length && end - sentence.range.end < 200 && (masked.charAt(end) === ' ' || masked.charAt(end) === '\t')) end++;
  return citationsWithin(evidence.citations, sentence.range.start, end + 1);
}

// ---------------------------------------------------------------------------------------------
// Front matter: `evidence: { design: …, sms: …, source: "@key" }`
// ---------------------------------------------------------------------------------------------

const FRONT_MATTER_KEYS = ['design', 'sms', 'source', 'note'];

// Shared by every check of a bulletin without front matter, so unchanged claims can be recognised.
const NOTHING_DECLARED: EvidenceSupport = Object.freeze({ origin: 'none' });

// Front matter sits at the top and an edit below it keeps the same object, so its reading is kept.
const frontMatterReadings = new WeakMap<object, { registry: EvidenceRegistry; declared: EvidenceSupport; problems: AnnotationProblem[] }>();

function readFrontMatterEvidence(prose: ProseModel, registry: EvidenceRegistry, problems: AnnotationProblem[]): EvidenceSupport {
  const frontMatter = prose.frontMatter;
  if (!frontMatter) return NOTHING_DECLARED;
  let reading = frontMatterReadings.get(frontMatter);
  if (!reading || reading.registry !== registry) {
    const found: AnnotationProblem[] = [];
    reading = { registry, declared: readFrontMatterAfresh(prose, registry, found), problems: found };
    frontMatterReadings.set(frontMatter, reading);
  }
  for (const problem of reading.problems) problems.push(problem);
  return reading.declared;
}

function readFrontMatterAfresh(prose: ProseModel, registry: EvidenceRegistry, problems: AnnotationProblem[]): EvidenceSupport {
  const frontMatter = prose.frontMatter;
  const data = frontMatter?.data;
  if (!frontMatter || !data || typeof data !== 'object' || !('evidence' in data)) return { origin: 'none' };
  const declaration = (data as { evidence: unknown }).evidence;
  const locate = (path: string[], part: 'key' | 'value' = 'value') => frontMatterRange(prose, path, part);
  const support: EvidenceSupport = { origin: 'front-matter', range: frontMatter.range };

  const fields: Record<string, unknown> =
    typeof declaration === 'string' ? { design: declaration } : declaration && typeof declaration === 'object' ? { ...declaration } : {};
  if (typeof declaration !== 'string' && (!declaration || typeof declaration !== 'object' || Array.isArray(declaration))) {
    problems.push({
      range: locate(['evidence']),
      message: 'Front matter `evidence` must be a mapping, e.g. `evidence: { design: observational, sms: 2 }`.',
    });
    return { origin: 'none' };
  }
  for (const key of Object.keys(fields)) {
    if (FRONT_MATTER_KEYS.includes(key)) continue;
    const suggestion = closestMatch(key, FRONT_MATTER_KEYS);
    const range = locate(['evidence', key], 'key');
    problems.push({
      range,
      message: `Unknown key “${key}” in front matter \`evidence\`${suggestion ? `; did you mean “${suggestion}”?` : ''} Keys are design, sms, source and note.`,
      fixes: suggestion ? [{ title: `Change to “${suggestion}”`, edits: [{ range, newText: suggestion }], isPreferred: true }] : [],
    });
  }
  if (fields.sms !== undefined && fields.sms !== null) {
    const problem = smsProblem(String(fields.sms).trim());
    if (problem) problems.push({ range: locate(['evidence', 'sms']), message: problem });
    else support.sms = Number(fields.sms);
  }
  if (typeof fields.design === 'string' && fields.design.trim()) {
    support.design = fields.design.trim();
    const problem = designProblem(support.design, locate(typeof declaration === 'string' ? ['evidence'] : ['evidence', 'design']));
    if (problem) problems.push(problem);
    support.sms ??= lookUpDesign(support.design)?.sms;
  }
  if (typeof fields.source === 'string' && fields.source.trim()) {
    support.source = fields.source.trim();
    const problem = sourceProblem(support.source, locate(['evidence', 'source']), registry);
    if (problem) problems.push(problem);
    const cited = support.source.startsWith('@') ? registry.entries.get(support.source.slice(1)) : undefined;
    if (cited) {
      support.design ??= cited.design;
      support.sms ??= cited.sms;
    }
  }
  return support;
}

// Positions inside the front matter are found only when there is something to report.
function frontMatterRange(prose: ProseModel, path: string[], part: 'key' | 'value'): TextRange {
  const frontMatter = prose.frontMatter!;
  const fallback = { start: frontMatter.range.start, end: Math.min(frontMatter.range.end, frontMatter.range.start + 3) };
  const firstBreak = prose.text.indexOf('\n', frontMatter.range.start);
  if (firstBreak < 0 || firstBreak >= frontMatter.range.end) return fallback;
  const yamlStart = firstBreak + 1;
  const doc = parseDocument(prose.text.slice(yamlStart, frontMatter.range.end), { lineCounter: new LineCounter() });
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (!isMap(node)) return fallback;
    const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === segment);
    if (!pair) return fallback;
    keyNode = pair.key as Node;
    node = pair.value;
  }
  const target = part === 'key' ? keyNode : ((node as Node | null) ?? keyNode);
  const range = target?.range;
  if (!range) return fallback;
  return { start: yamlStart + range[0], end: yamlStart + range[1] };
}
