// What the two causal-claim rules share: where to point, how to describe the evidence, the hover
// text and the fixes.
import type { Claim, EvidenceSupport, Fix, Glossary, GlossaryEntry, TermMatch, TextRange } from '../types';
import { LAZY_REPORT, type RuleContext, type RuleReport } from '../rules/rule';
import { claimFixes } from './rewrite';
import { wordingForSms } from './designs';
import { sentenceCitations } from './evidence';
import { maskedReaderOf } from '../text/maskedPieces';

/** The first causal cue in document offsets, else the whole sentence. */
export function claimRange(claim: Claim): TextRange {
  const cue = claim.classification.cues.find((c) => c.kind === 'causal');
  const offset = claim.sentence.range.start;
  return cue ? { start: offset + cue.start, end: offset + cue.end } : claim.sentence.range;
}

/** "observational (SMS 2)", "SMS 4", or the design alone when it has no known level. */
export function describeSupport(support: EvidenceSupport): string {
  if (support.design && support.sms !== undefined) return `${support.design} (SMS ${support.sms})`;
  if (support.sms !== undefined) return `SMS ${support.sms}`;
  if (support.design) return `“${support.design}” (no SMS level given)`;
  return 'not stated';
}

/** Where the evidence came from, phrased to finish "but …". */
export function whereEvidenceIs(support: EvidenceSupport): string {
  const described = describeSupport(support);
  switch (support.origin) {
    case 'front-matter':
      return `this bulletin's evidence is ${described}`;
    case 'annotation':
      return `the evidence annotated for this sentence is ${described}`;
    case 'citation':
      return `the cited study ${support.source ?? ''} is ${described}`.replace('  ', ' ');
    case 'sentence':
      return `the design the sentence names is ${described}`;
    default:
      return 'no study design is declared for this bulletin';
  }
}

function whereFound(support: EvidenceSupport): string {
  switch (support.origin) {
    case 'front-matter':
      return 'declared in the front matter (`evidence:`)';
    case 'annotation':
      return 'from the evidence annotation that applies to this sentence';
    case 'citation':
      return `from the evidence registry entry for ${support.source}`;
    case 'sentence':
      return 'named in the sentence itself';
    default:
      return '';
  }
}

/** The Markdown shown on hover. */
export function claimExplanation(claim: Claim, context: RuleContext, cueText: string): string {
  const support = claim.evidence;
  const min = context.minimumSms;
  const lines: string[] = [];
  const kind = claim.classification.label === 'direct_causal' ? 'states a cause and effect' : 'suggests a cause and effect, though hedged';
  lines.push(`**Causal wording:** “${cueText}” ${kind}.`);
  lines.push('');
  if (support.origin === 'none') {
    lines.push('**Evidence found:** no study design declared — not in the front matter, an annotation or a citation.');
  } else {
    const level = support.sms !== undefined ? ` At SMS ${support.sms} the design warrants ${wordingForSms(support.sms)}.` : '';
    lines.push(`**Evidence found:** ${describeSupport(support)}, ${whereFound(support)}.${level}`);
  }
  lines.push('');
  lines.push(
    `Causal wording needs evidence at SMS ${min} or above on the Maryland Scientific Methods Scale (for example difference-in-differences or a matched comparison group at 3, regression discontinuity at 4, a randomised controlled trial at 5).`,
  );
  lines.push('');
  lines.push('**To resolve:**');
  lines.push('- reword it as an association (“is associated with”, “was linked to”), or hedge it;');
  lines.push(
    '- or, if stronger evidence exists, declare it: front matter `evidence: { design: …, sms: … }`, an annotation `<!-- evidence: sms=4; design="regression discontinuity"; source="@key" -->` after the sentence, or a citation `[@key]` to a study in the evidence registry.',
  );
  const unusable = unusableCitations(claim, context);
  if (unusable.length > 0) {
    lines.push('');
    lines.push(`**Citations that could not count:** ${unusable.join('; ')}.`);
  }
  for (const note of glossaryNotes(claim, context)) {
    lines.push('');
    lines.push(note);
  }
  return lines.join('\n');
}

// Cited keys that are not registered, or registered without a level, so the writer knows why they did not help.
function unusableCitations(claim: Claim, context: RuleContext): string[] {
  const found: string[] = [];
  for (const citation of sentenceCitations(claim.sentence, context.evidence)) {
    for (const { key } of citation.keys) {
      const entry = context.registry.entries.get(key);
      if (!entry) found.push(`@${key} is not in the evidence registry`);
      else if (entry.sms === undefined) found.push(`@${key} has no \`sms\` or known \`design\` in the registry`);
    }
  }
  return found;
}

/** Notes on glossary terms in the sentence whose key messages rest on associational evidence only. */
function glossaryNotes(claim: Claim, context: RuleContext): string[] {
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const match of termMatchesWithin(context.termMatches, claim.sentence.range)) {
    if (seen.has(match.entryId)) continue;
    seen.add(match.entryId);
    const entry = entryById(context.glossary, match.entryId);
    if (!entry) continue;
    const note = glossaryNote(entry);
    if (note) notes.push(note);
  }
  return notes;
}

const WEAK_EVIDENCE = new Set<unknown>(['association', 1, 2]);
const CAUSAL_EVIDENCE = new Set<unknown>(['causal', 3, 4, 5]);
const ABOUT_CAUSATION = /\b(?:caus|associat|link|effect|correlat)/i;

// An entry with no causal-grade key message is worth a note, quoting the message most about causation.
function glossaryNote(entry: GlossaryEntry): string | undefined {
  const messages = entry.keyMessages;
  if (messages.length === 0 || messages.some((m) => CAUSAL_EVIDENCE.has(m.evidence))) return undefined;
  const quoted = messages.find((m) => ABOUT_CAUSATION.test(m.message)) ?? messages.find((m) => WEAK_EVIDENCE.has(m.evidence));
  if (!quoted) return undefined;
  const onlyAssociational = messages.every((m) => WEAK_EVIDENCE.has(m.evidence));
  const records = onlyAssociational ? 'records associational evidence only' : 'records no causal evidence';
  return `The glossary's entry for ${entry.term} ${records}: “${quoted.message}”`;
}

const entryIndex = new WeakMap<Glossary, Map<string, GlossaryEntry>>();
function entryById(glossary: Glossary, id: string): GlossaryEntry | undefined {
  let index = entryIndex.get(glossary);
  if (!index) {
    index = new Map(glossary.entries.map((e) => [e.id, e]));
    entryIndex.set(glossary, index);
  }
  return index.get(id);
}

function termMatchesWithin(matches: TermMatch[], range: TextRange): TermMatch[] {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid].range.start < range.start) lo = mid + 1;
    else hi = mid;
  }
  const found: TermMatch[] = [];
  for (let i = lo; i < matches.length && matches[i].range.start < range.end; i++) found.push(matches[i]);
  return found;
}

/** Reports one finding per claim with the given status. */
export function reportClaims(
  context: RuleContext,
  status: 'unsupported' | 'hedged',
  message: (cueText: string, claim: Claim) => string,
  report: (finding: RuleReport) => void,
  ruleId: string,
): void {
  for (const claim of context.claims) {
    const found = claimReport(context, claim, status, message, ruleId);
    if (found) report({ range: found.range, message: found.message, explanation: found.explanation, fixes: found.fixes, data: claimData(claim) });
  }
}

/** The finding for one claim with the given status, without its `data`; undefined for other claims. */
export function claimReport(
  context: RuleContext,
  claim: Claim,
  status: 'unsupported' | 'hedged',
  message: (cueText: string, claim: Claim) => string,
  ruleId: string,
): RuleReport | undefined {
  if (claim.status !== status) return undefined;
  const label = claim.classification.label;
  if (label !== 'direct_causal' && label !== 'conditional_causal') return undefined;
  const range = claimRange(claim);
  const cueText = context.text.slice(range.start, range.end).replace(/\s+/g, ' ');
  return new ClaimReport(range, shared(message(cueText, claim)), claim, context, cueText, label, ruleId);
}

// A long bulletin repeats the same few claim messages thousands of times ("“cuts” states a cause…"),
// each a fresh string of a few hundred bytes; findings keep one copy of each. Bounded, since
// documents come and go.
const sharedMessages = new Map<string, string>();

function shared(message: string): string {
  const known = sharedMessages.get(message);
  if (known !== undefined) return known;
  if (sharedMessages.size >= 5_000) sharedMessages.clear();
  sharedMessages.set(message, message);
  return message;
}

/**
 * A claim's report whose hover text and fixes, which cost far more than the rest, are made when
 * first read. A class rather than an object with getters: a long bulletin has tens of thousands of
 * these, and per-object getter closures cost several times the memory and time.
 */
class ClaimReport implements RuleReport {
  private madeExplanation: string | undefined;
  private madeFixes: Fix[] | undefined;

  constructor(
    readonly range: TextRange,
    readonly message: string,
    private readonly claim: Claim,
    private readonly context: RuleContext,
    private readonly cueText: string,
    private readonly label: 'direct_causal' | 'conditional_causal',
    private readonly ruleId: string,
  ) {}

  get [LAZY_REPORT](): true {
    return true;
  }

  get explanation(): string {
    return (this.madeExplanation ??= claimExplanation(this.claim, this.context, this.cueText));
  }

  get fixes(): Fix[] {
    const { claim, context, range } = this;
    return (this.madeFixes ??= claimFixes({
      text: context.text,
      // The pieces give the sentence's span without joining a re-parsed document's whole
      // masked text (a full copy).
      masked: maskedReaderOf(context.prose),
      sentence: claim.sentence.range,
      cue: range === claim.sentence.range ? undefined : range,
      label: this.label,
      ruleId: this.ruleId,
      startsParagraph: startsItsBlock(claim, range, context),
    }));
  }
}

/** Facts about the claim for adapters; rebuilt on every check because the evidence range moves. */
export function claimData(claim: Claim): Record<string, unknown> {
  return {
    label: claim.classification.label,
    cues: claim.classification.cues.map((c) => ({ ...c })),
    status: claim.status,
    evidence: { ...claim.evidence },
  };
}

// True when the sentence opens its paragraph and the cue is on its first line, so a
// "disable-next-line" comment above reaches the finding without splitting the paragraph.
function startsItsBlock(claim: Claim, cue: TextRange, context: RuleContext): boolean {
  const block = context.prose.blocks[claim.sentence.blockIndex];
  if (!block || block.kind !== 'paragraph') return false;
  const text = context.text;
  let i = claim.sentence.range.start;
  while (i > block.range.start && /\s/.test(text[i - 1])) i--;
  if (i !== block.range.start) return false;
  for (let j = claim.sentence.range.start; j < cue.start; j++) if (text[j] === '\n' || text[j] === '\r') return false;
  return true;
}
