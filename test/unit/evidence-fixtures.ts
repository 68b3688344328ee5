// Builds a RuleContext with hand-made claim classifications, so the evidence layer and the claim
// rules can be tested without depending on the classifier's current model.
import { parseProse } from '../../src/core/prose/parse';
import { splitSentences } from '../../src/core/prose/sentences';
import { collectDocumentEvidence, decideClaimStatus } from '../../src/core/claims/evidence';
import { emptyRegistry, type EvidenceRegistry } from '../../src/core/claims/registry';
import type { Claim, ClaimClassification, ClaimLabel, Cue, CueKind, Glossary, Sentence, TermMatch, Fix } from '../../src/core/types';
import type { Rule, RuleContext, RuleReport } from '../../src/core/rules/rule';

export interface ClaimSpec {
  /** Text of the sentence, as it appears in the document. */
  sentence: string;
  label: ClaimLabel;
  /** Words of the sentence to mark as cues (first occurrence). */
  cues?: { text: string; kind?: CueKind }[];
  signals?: { text: string; kind: CueKind }[];
}

export interface ContextOptions {
  claims?: ClaimSpec[];
  registry?: EvidenceRegistry;
  glossary?: Glossary;
  termMatches?: TermMatch[];
  minimumSms?: number;
}

export function classification(sentenceText: string, spec: ClaimSpec): ClaimClassification {
  const cue = (c: { text: string; kind?: CueKind }, kind: CueKind): Cue => {
    const start = sentenceText.indexOf(c.text);
    if (start < 0) throw new Error(`cue “${c.text}” not in “${sentenceText}”`);
    return { start, end: start + c.text.length, text: c.text, kind: c.kind ?? kind };
  };
  const probabilities = { none: 0, correlational: 0, conditional_causal: 0, direct_causal: 0 };
  probabilities[spec.label] = 1;
  return {
    label: spec.label,
    probabilities,
    cues: (spec.cues ?? []).map((c) => cue(c, spec.label === 'correlational' ? 'association' : 'causal')),
    signals: (spec.signals ?? []).map((s) => cue(s, s.kind)),
  };
}

/** Every sentence of the document (via the real prose model), labelled `none` unless specified. */
export function buildContext(text: string, options: ContextOptions = {}): RuleContext {
  const prose = parseProse(text);
  const registry = options.registry ?? emptyRegistry();
  const minimumSms = options.minimumSms ?? 3;
  const sentences: Sentence[] = [];
  prose.blocks.forEach((block, blockIndex) => {
    const blockText = prose.masked.slice(block.range.start, block.range.end);
    for (const s of splitSentences(blockText)) {
      sentences.push({
        range: { start: block.range.start + s.start, end: block.range.start + s.end },
        text: blockText.slice(s.start, s.end),
        blockIndex,
      });
    }
  });
  const evidence = collectDocumentEvidence(prose, registry);
  const specs = options.claims ?? [];
  const claims: Claim[] = sentences.map((sentence) => {
    const raw = text.slice(sentence.range.start, sentence.range.end);
    const spec = specs.find((s) => raw.includes(s.sentence) || s.sentence.includes(raw.trim()));
    const c = classification(sentence.text, spec ?? { sentence: raw, label: 'none' });
    const decision = decideClaimStatus(sentence, c, evidence, registry, minimumSms);
    return { sentence, classification: c, status: decision.status, evidence: decision.evidence };
  });
  for (const spec of specs) {
    if (!claims.some((c) => text.slice(c.sentence.range.start, c.sentence.range.end).includes(spec.sentence))) {
      throw new Error(`no sentence matches “${spec.sentence}”`);
    }
  }
  return {
    text,
    prose,
    sentences,
    glossary: options.glossary ?? { entries: [] },
    termMatches: options.termMatches ?? [],
    claims,
    evidence,
    registry,
    minimumSms,
  };
}

export function runRule(rule: Rule, context: RuleContext): RuleReport[] {
  const reports: RuleReport[] = [];
  rule.check(context, (r) => reports.push(r));
  return reports;
}

/** The document after applying a fix's edits (applied from the end so offsets stay valid). */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.start - a.range.start);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  return result;
}

/** The text a range covers. */
export function covered(text: string, range: { start: number; end: number }): string {
  return text.slice(range.start, range.end);
}
