// checkDocument: the one entry point every front door calls. Text in, findings out.
//
// Work is split so that re-checking after an edit is cheap:
//  - per block (paragraph, heading, list item…): sentences, term matches, claim classifications
//    and block-scoped rules depend only on the block's own masked text, so they are cached by that
//    text and reused when a block is unchanged;
//  - with a CheckCache, the previous check is kept: the prose is re-parsed only around the edit
//    (parseProseAgain), blocks outside it keep their results, moved by the edit's length, and
//    claim-scoped rules reuse a claim's finding while its status and evidence are unchanged;
//  - evidence (annotations, citations) is read afresh only in the re-parsed region; claim status is
//    decided again only for blocks that moved or whose applicable annotations changed;
//  - per document: document-scoped rules run on every check.
// The masked text of a re-parse stays in pieces (text/maskedPieces.ts) unless someone reads it whole.
import type {
  Claim,
  ClaimClassification,
  EvidenceSupport,
  Finding,
  Fix,
  Glossary,
  ProseModel,
  Sentence,
  Severity,
  TermMatch,
  TextRange,
} from './types';
import { parseProseAgain, parseProseWithCheckpoints, type ProseParse, type ProseSplice } from './prose/parse';
import { splitSentences } from './prose/sentences';
import { compileGlossary, type TermIndex } from './glossary/matcher';
import { classifySentence } from './claims/classifier';
import { collectDocumentEvidence, decideClaimStatus, type DocumentEvidence, type EvidenceReuse } from './claims/evidence';
import { maskedReaderOf } from './text/maskedPieces';
import { moveRange, shiftFixes, shiftRange } from './text/shift';
import { emptyRegistry, type EvidenceRegistry } from './claims/registry';
import type { EvidenceAnnotation } from './claims/annotations';
import { findNamedDesign, type NamedDesign } from './claims/designs';
import { parseSuppressions } from './suppressions';
import { allRules } from './rules/index';
import { LAZY_REPORT, type Rule, type RuleContext, type RuleReport } from './rules/rule';

export interface RuleSetting {
  /** `off` disables the rule. */
  severity?: Severity | 'off';
}

export interface CheckOptions {
  glossary?: Glossary;
  registry?: EvidenceRegistry;
  /** Per-rule overrides keyed by rule id. */
  rules?: Record<string, RuleSetting>;
  /** A causal claim needs evidence at or above this SMS level to count as supported. */
  causalEvidenceMinimumSms?: number;
  /**
   * Pass the same cache on every check of one document to reuse unchanged blocks. The next check
   * with the same cache reuses this check's objects (sentences, term matches, claims, findings,
   * prose blocks) and moves those after the edit to their new offsets in place, so a result is
   * valid until the next check with its cache: copy anything kept for longer. Checks without a
   * cache give results nothing else touches.
   */
  cache?: CheckCache;
}

export interface RuleFailure {
  ruleId: string;
  error: string;
}

export interface CheckResult {
  findings: Finding[];
  claims: Claim[];
  sentences: Sentence[];
  termMatches: TermMatch[];
  prose: ProseModel;
  /** Rules that threw; their findings are missing, everyone else's are present. */
  ruleFailures: RuleFailure[];
  /** How many blocks were analysed afresh (the rest came from the cache). */
  blocksAnalysed: number;
}

export const DEFAULT_MINIMUM_SMS = 3;

interface RuleError {
  error: string;
}

/** Block-level results, with offsets relative to the block's start. */
interface BlockAnalysis {
  /** The block's masked text, which is all these results depend on. */
  key: string;
  sentences: { start: number; end: number }[];
  classifications: ClaimClassification[];
  termMatches: TermMatch[];
  /** Block-scoped rules' reports, made when first needed. */
  ruleReports?: Record<string, RuleReport[] | RuleError>;
  /** Study designs each sentence names (null for none), found when first needed. */
  namedDesigns?: (NamedDesign | null | undefined)[];
}

/** A claim-scoped rule's report for one claim, relative to its block, and what it rested on. */
interface ClaimMemo {
  status: Claim['status'];
  origin: string;
  design: string | undefined;
  sms: number | undefined;
  source: string | undefined;
  report: RuleReport | undefined;
  /** The claim object the memo last served, and the finding made then (same claim, same finding). */
  claim: Claim;
  finding: Finding | undefined;
  /** The configured severity and whether reported severities applied, as one key. */
  severity: string;
}

/** One claim-scoped rule's memory of one block. */
interface ClaimRuleMemo {
  /** One slot per sentence of the block. */
  memos: (ClaimMemo | undefined)[];
  /** The block's claims when the rule last ran on it, the severity key then, and the findings made. */
  claims: Claim[] | undefined;
  severity: string;
  findings: Finding[];
}

/** The findings one rule made for a block in the last check, reused while the block stays put. */
interface PlacedFindings {
  /** The rule's settings when they were made (`RuleRunning.setting`). */
  setting: string;
  findings: Finding[];
}

/**
 * One block's part in a check, in that check's document offsets. A later check with the same cache
 * carries it over and moves it in place (`moveBlock`), so it belongs to the latest check only.
 */
interface BlockOutcome {
  analysis: BlockAnalysis;
  start: number;
  /** Whether this check carried the block over from a different offset. */
  moved: boolean;
  /** Whether some claim's evidence sits at a document offset (a citation, a design named in it, an annotation). */
  anchored: boolean;
  sentences: Sentence[];
  termMatches: TermMatch[];
  /** Claim-scoped rules' memos, by the rule's place in `allRules`. */
  claimMemos?: (ClaimRuleMemo | undefined)[];
  /** The block's claims in the last check, and the evidence annotations that applied to it then. */
  claims?: Claim[];
  touching?: EvidenceAnnotation[];
  /** Block-scoped rules' findings in this outcome's offsets, by the rule's place in `allRules`. */
  placed?: (PlacedFindings | undefined)[];
}

/** What a later check of the same document may reuse. */
interface PreviousCheck {
  parse: ProseParse;
  outcomes: BlockOutcome[];
  registry: EvidenceRegistry;
  minimumSms: number;
  declared?: EvidenceSupport;
  evidence: DocumentEvidence;
}

/**
 * Remembers block analyses between checks of one document. Entries no block uses are dropped once
 * they outnumber the blocks in use, so memory follows the document's size.
 */
export class CheckCache {
  private blocks = new Map<string, BlockAnalysis>();
  private termIndex: TermIndex | undefined;
  private glossary: Glossary | undefined;
  private previous: PreviousCheck | undefined;

  /** @internal */
  indexFor(glossary: Glossary): TermIndex {
    if (this.glossary !== glossary || !this.termIndex) {
      this.glossary = glossary;
      this.termIndex = compileGlossary(glossary);
      this.blocks.clear();
      this.previous = undefined;
    }
    return this.termIndex;
  }

  /** @internal Block analyses by masked text, kept from check to check. */
  analyses(): Map<string, BlockAnalysis> {
    return this.blocks;
  }

  /**
   * @internal Drops analyses no block uses any more, once they outnumber the blocks: doing it on
   * every check would rebuild the map (thousands of entries) after every keystroke.
   */
  prune(outcomes: BlockOutcome[]): void {
    if (this.blocks.size <= 2 * outcomes.length + 64) return;
    const used = new Map<string, BlockAnalysis>();
    for (const outcome of outcomes) used.set(outcome.analysis.key, outcome.analysis);
    this.blocks = used;
  }

  /**
   * @internal The last check, if it was made with the same registry and minimum SMS. It is
   * forgotten as it is handed over: the new check moves its blocks in place, so if that check
   * fails half-way, the next one must start afresh rather than build on half-moved blocks.
   */
  takePrevious(registry: EvidenceRegistry, minimumSms: number): PreviousCheck | undefined {
    const previous = this.previous;
    this.previous = undefined;
    return previous && previous.registry === registry && previous.minimumSms === minimumSms ? previous : undefined;
  }

  /** @internal */
  remember(check: PreviousCheck): void {
    this.previous = check;
  }
}

const EMPTY_GLOSSARY: Glossary = { entries: [] };
const EMPTY_REGISTRY: EvidenceRegistry = emptyRegistry();
const indexByGlossary = new WeakMap<Glossary, TermIndex>();

function termIndexFor(glossary: Glossary, cache: CheckCache | undefined): TermIndex {
  if (cache) return cache.indexFor(glossary);
  let index = indexByGlossary.get(glossary);
  if (!index) {
    index = compileGlossary(glossary);
    indexByGlossary.set(glossary, index);
  }
  return index;
}

function analyseBlock(blockText: string, index: TermIndex): BlockAnalysis {
  const sentences = splitSentences(blockText);
  const classifications = sentences.map((s) => classifySentence(blockText.slice(s.start, s.end)));
  const termMatches = index.match(blockText, 0);
  return { key: blockText, sentences, classifications, termMatches };
}

/** The block's sentences and term matches in document offsets. */
function placeBlock(analysis: BlockAnalysis, start: number, blockIndex: number): BlockOutcome {
  const text = analysis.key;
  const sentences: Sentence[] = new Array(analysis.sentences.length);
  for (let i = 0; i < sentences.length; i++) {
    const s = analysis.sentences[i];
    sentences[i] = { range: { start: s.start + start, end: s.end + start }, text: text.slice(s.start, s.end), blockIndex };
  }
  return outcomeOf(analysis, start, sentences, moveMatches(analysis.termMatches, start));
}

/**
 * Moves a block of the previous check to its place in this one, in place: its sentences, term
 * matches and kept findings keep their objects and have their offsets moved. Making new objects
 * for every sentence, match, claim and finding after the edit point cost a 1 MB bulletin about
 * 20 ms a keystroke (mostly allocation and collection); moving numbers costs well under 1 ms.
 * Everything moved here is owned by this outcome alone (see `toFinding`'s `owned`), so nothing
 * is moved twice and no cached analysis is touched.
 */
function moveBlock(outcome: BlockOutcome, start: number, blockIndex: number): void {
  const delta = start - outcome.start;
  outcome.start = start;
  const sentences = outcome.sentences;
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i];
    moveRange(sentence.range, delta);
    sentence.blockIndex = blockIndex;
  }
  if (delta === 0) return;
  const matches = outcome.termMatches;
  for (let i = 0; i < matches.length; i++) moveRange(matches[i].range, delta);
  // Indexed loops: iterating a Map or a sparse list with for…of makes iterator objects per block.
  const placed = outcome.placed;
  if (placed) {
    for (let r = 0; r < placed.length; r++) {
      const findings = placed[r]?.findings;
      if (findings) for (let i = 0; i < findings.length; i++) moveFinding(findings[i], delta);
    }
  }
  // A claim rule's memos hold the same findings as its list for the block (a rule that throws
  // part-way loses its memos for that block, so the two never differ).
  const claimRules = outcome.claimMemos;
  if (claimRules) {
    for (let r = 0; r < claimRules.length; r++) {
      const findings = claimRules[r]?.findings;
      if (findings) for (let i = 0; i < findings.length; i++) moveFinding(findings[i], delta);
    }
  }
}

function moveFinding(finding: Finding, delta: number): void {
  moveRange(finding.range, delta);
  const fixes = finding.fixes;
  for (let i = 0; i < fixes.length; i++) {
    const edits = fixes[i].edits;
    for (let k = 0; k < edits.length; k++) moveRange(edits[k].range, delta);
  }
}

// Every field is written here, so that filling the later ones in does not give each of thousands
// of outcomes a second block of memory for properties added after it was made.
function outcomeOf(
  analysis: BlockAnalysis,
  start: number,
  sentences: Sentence[],
  termMatches: TermMatch[],
): BlockOutcome {
  return { analysis, start, moved: false, anchored: false, sentences, termMatches, claimMemos: undefined, claims: undefined, touching: undefined, placed: undefined };
}

function moveMatches(matches: TermMatch[], delta: number): TermMatch[] {
  const moved: TermMatch[] = new Array(matches.length);
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    // A plain clone then one store is far cheaper than a spread with an override.
    const copy = { ...m };
    copy.range = shiftRange(m.range, delta);
    moved[i] = copy;
  }
  return moved;
}

/** Index of the previous check's block that block `index` of this check carries over, or -1. */
function carriedFrom(splice: ProseSplice | undefined, index: number): number {
  if (!splice) return -1;
  if (index < splice.keptBefore) return index;
  if (index >= splice.newFrom) return index - splice.newFrom + splice.oldFrom;
  return -1;
}

function decide(outcome: BlockOutcome, k: number, evidence: DocumentEvidence, registry: EvidenceRegistry, minimumSms: number): Claim {
  const analysis = outcome.analysis;
  const sentence = outcome.sentences[k];
  const classification = analysis.classifications[k];
  let named: NamedDesign | null | undefined;
  if (classification.label !== 'none') {
    const known = (analysis.namedDesigns ??= new Array(analysis.sentences.length));
    named = known[k] ??= findNamedDesign(sentence.text) ?? null;
  }
  const decision = decideClaimStatus(sentence, classification, evidence, registry, minimumSms, named);
  return { sentence, classification, status: decision.status, evidence: decision.evidence };
}

/** A moved block's claims, with those whose evidence sits at a document offset decided again. */
function redecideAnchored(claims: Claim[], outcome: BlockOutcome, evidence: DocumentEvidence, registry: EvidenceRegistry, minimumSms: number): Claim[] {
  let result = claims;
  for (let k = 0; k < claims.length; k++) {
    if (!restsOnOffset(claims[k], evidence)) continue;
    if (result === claims) result = claims.slice();
    result[k] = decide(outcome, k, evidence, registry, minimumSms);
  }
  return result;
}

/** Where the search for sentence annotations resumes: blocks are visited in document order. */
interface AnnotationCursor {
  next: number;
}

/** The evidence annotations that apply to the block or are anchored inside it, or undefined for none. */
function annotationsTouching(evidence: DocumentEvidence, range: TextRange, blockIndex: number, cursor: AnnotationCursor): EvidenceAnnotation[] | undefined {
  if (evidence.annotations.length === 0) return undefined;
  // bySentenceAnchor holds sentence annotations only, in anchor order.
  const anchored = evidence.bySentenceAnchor;
  let i = cursor.next;
  while (i < anchored.length && anchorOf(anchored[i]) < range.start) i++;
  cursor.next = i;
  let found: EvidenceAnnotation[] | undefined;
  for (; i < anchored.length && anchorOf(anchored[i]) < range.end; i++) (found ??= []).push(anchored[i]);
  const paragraph = evidence.byBlock.size > 0 ? evidence.byBlock.get(blockIndex) : undefined;
  if (paragraph) for (const annotation of paragraph) (found ??= []).push(annotation);
  return found;
}

function anchorOf(annotation: EvidenceAnnotation): number {
  const target = annotation.target;
  return target.kind === 'sentence' ? target.anchor : -1;
}

/** Whether two lists hold the same annotation objects (unchanged annotations keep their objects). */
function sameAnnotations(a: EvidenceAnnotation[] | undefined, b: EvidenceAnnotation[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Decides a block's claims. A block carried over (`before` holds its last claims), with the same
 * front matter and the same annotation objects applying (an annotation the edit could have changed
 * is read afresh, so it is a new object), keeps its decisions; if it moved, except those resting
 * on evidence at an offset (a citation, a design named in the sentence), decided again at the new one.
 */
function decideBlockClaims(
  outcome: BlockOutcome,
  before: Claim[] | undefined,
  range: TextRange,
  blockIndex: number,
  evidence: DocumentEvidence,
  sameDeclared: boolean,
  registry: EvidenceRegistry,
  minimumSms: number,
  cursor: AnnotationCursor,
): void {
  const touching = annotationsTouching(evidence, range, blockIndex, cursor);
  let blockClaims: Claim[];
  if (before !== undefined && sameDeclared && sameAnnotations(touching, outcome.touching)) {
    if (!outcome.moved || !outcome.anchored) {
      outcome.touching = touching;
      return;
    }
    blockClaims = redecideAnchored(before, outcome, evidence, registry, minimumSms);
  } else {
    blockClaims = new Array(outcome.sentences.length);
    for (let k = 0; k < blockClaims.length; k++) blockClaims[k] = decide(outcome, k, evidence, registry, minimumSms);
  }
  outcome.claims = blockClaims;
  outcome.touching = touching;
  outcome.anchored = blockClaims.some((claim) => restsOnOffset(claim, evidence));
}

/**
 * Whether a claim's evidence sits at a document offset (a citation, a design named in it, an
 * annotation), so that moving its block means deciding it again. The front matter's declaration
 * comes before every block and does not move.
 */
function restsOnOffset(claim: Claim, evidence: DocumentEvidence): boolean {
  const support = claim.evidence;
  return support.range !== undefined && support !== evidence.declared;
}

/** Longest block a check without a cache looks up among the blocks it has analysed already. */
const SHARE_WITHOUT_CACHE = 200;

export function checkDocument(text: string, options: CheckOptions = {}): CheckResult {
  const glossary = options.glossary ?? EMPTY_GLOSSARY;
  const registry = options.registry ?? EMPTY_REGISTRY;
  const minimumSms = options.causalEvidenceMinimumSms ?? DEFAULT_MINIMUM_SMS;
  const cache = options.cache;
  const index = termIndexFor(glossary, cache);
  const last = cache?.takePrevious(registry, minimumSms);
  let parse: ProseParse;
  let splice: ProseSplice | undefined;
  if (last) ({ parse, splice } = parseProseAgain(text, last.parse));
  else parse = parseProseWithCheckpoints(text);
  const prose = parse.model;

  const masked = maskedReaderOf(prose);
  // Evidence depends on the prose alone, so it is read first and each block's claims are decided
  // in the same pass that places the block: one visit per block while its objects are at hand.
  const reuse: EvidenceReuse | undefined =
    last && splice?.restart !== undefined && splice.stop !== undefined
      ? { previous: last.evidence, restart: splice.restart, stop: splice.stop, delta: splice.delta }
      : undefined;
  const evidence = collectDocumentEvidence(prose, registry, reuse);
  const sameDeclared = last?.declared === evidence.declared;
  // Identical blocks share one analysis; with a cache, so do blocks of earlier checks.
  const known = cache?.analyses() ?? new Map<string, BlockAnalysis>();
  const outcomes: BlockOutcome[] = new Array(prose.blocks.length);
  const cursor: AnnotationCursor = { next: 0 };
  let blocksAnalysed = 0;
  let sentenceCount = 0;
  let matchCount = 0;

  for (let blockIndex = 0; blockIndex < prose.blocks.length; blockIndex++) {
    const block = prose.blocks[blockIndex];
    const from = last ? carriedFrom(splice, blockIndex) : -1;
    let outcome: BlockOutcome;
    let before: Claim[] | undefined;
    if (from >= 0) {
      outcome = last!.outcomes[from];
      before = outcome.claims;
      outcome.moved = outcome.start !== block.range.start;
      if (outcome.moved || from !== blockIndex) moveBlock(outcome, block.range.start, blockIndex);
    } else {
      // Read from the pieces a re-parse keeps: joining the whole masked text would copy the document.
      const blockText = masked.slice(block.range.start, block.range.end);
      // Looking a block up hashes its whole text. Without a cache the map only serves identical
      // blocks within this document, which in practice are short (headings, table cells).
      const share = cache !== undefined || blockText.length <= SHARE_WITHOUT_CACHE;
      let analysis = share ? known.get(blockText) : undefined;
      if (!analysis) {
        analysis = analyseBlock(blockText, index);
        if (share) known.set(blockText, analysis);
        blocksAnalysed++;
      }
      outcome = placeBlock(analysis, block.range.start, blockIndex);
    }
    outcomes[blockIndex] = outcome;
    decideBlockClaims(outcome, before, block.range, blockIndex, evidence, sameDeclared, registry, minimumSms, cursor);
    sentenceCount += outcome.sentences.length;
    matchCount += outcome.termMatches.length;
  }
  cache?.prune(outcomes);
  cache?.remember({ parse, outcomes, registry, minimumSms, declared: evidence.declared, evidence });

  // Filled at their final size: growing lists of a long bulletin's ten thousand sentences by
  // pushing copies them several times over. Indexed loops here and below: these run over every
  // block on every keystroke, and for…of makes an iterator wherever the optimiser has not removed it.
  const sentences: Sentence[] = new Array(sentenceCount);
  const claims: Claim[] = new Array(sentenceCount);
  const termMatches: TermMatch[] = new Array(matchCount);
  sentenceCount = 0;
  matchCount = 0;
  for (let b = 0; b < outcomes.length; b++) {
    const outcome = outcomes[b];
    const blockClaims = outcome.claims!;
    for (let i = 0; i < outcome.sentences.length; i++) {
      sentences[sentenceCount] = outcome.sentences[i];
      claims[sentenceCount++] = blockClaims[i];
    }
    for (let i = 0; i < outcome.termMatches.length; i++) termMatches[matchCount++] = outcome.termMatches[i];
  }

  const context: RuleContext = {
    text,
    prose,
    sentences,
    glossary,
    termMatches,
    termMatchesByBlock: cache ? outcomes.map((outcome) => outcome.termMatches) : undefined,
    claims,
    evidence,
    registry,
    minimumSms,
  };

  const suppressions = parseSuppressions(prose, KNOWN_RULE_IDS);
  const runs: RuleRunning[] = [];
  const scoped: RuleRunning[] = [];
  for (let r = 0; r < allRules.length; r++) {
    const rule = allRules[r];
    const severity = configuredSeverity(rule, options.rules);
    if (severity === 'off') continue;
    // A rule may soften doubtful findings, but only while the writer has not set its severity.
    const reportedSeverityApplies = options.rules?.[rule.id]?.severity === undefined;
    const scope = rule.scope === 'block' && rule.checkBlock ? 'block' : rule.scope === 'claim' && rule.checkClaim ? 'claim' : 'document';
    const setting = severity + (reportedSeverityApplies ? '' : '!');
    const running: RuleRunning = { rule, ruleIndex: r, scope, severity, reportedSeverityApplies, setting, found: [], failure: undefined };
    runs.push(running);
    if (scope !== 'document') scoped.push(running);
  }
  // Block- and claim-scoped rules in one pass over the blocks, all rules per block, rather than a
  // pass per rule: on a long bulletin each pass over thousands of blocks costs about a millisecond
  // in memory traffic alone.
  const remember = cache !== undefined;
  for (let b = 0; b < outcomes.length; b++) {
    const outcome = outcomes[b];
    for (let i = 0; i < scoped.length; i++) {
      const running = scoped[i];
      if (running.failure !== undefined) continue;
      if (running.scope === 'block') blockRuleStep(running, outcome, remember);
      else {
        try {
          claimRuleStep(running, outcome, remember, context);
        } catch (error) {
          running.failure = describeError(error);
          // Its memos for this block may be half updated: forget them.
          if (outcome.claimMemos) outcome.claimMemos[running.ruleIndex] = undefined;
        }
      }
    }
  }
  // Findings and failures in rule order, as if each rule had run alone in turn.
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  for (const running of runs) {
    if (running.scope === 'document') runRule(running.rule, running.severity, context, findings, ruleFailures, running.reportedSeverityApplies);
    else if (running.failure !== undefined) ruleFailures.push({ ruleId: running.rule.id, error: running.failure });
    else for (let i = 0; i < running.found.length; i++) findings.push(running.found[i]);
  }
  const kept2 = findings.filter((f) => !suppressions.isSuppressed(f.ruleId, f.range));
  const suppressionSeverity = options.rules?.[suppressions.ruleId]?.severity ?? 'warning';
  if (suppressionSeverity !== 'off') {
    for (const problem of suppressions.problems) kept2.push({ ...problem, severity: suppressionSeverity });
  }
  kept2.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);

  const result: CheckResult = { findings: kept2, claims, sentences, termMatches, prose, ruleFailures, blocksAnalysed };
  if (shapeSample === undefined) keepShapes(glossary);
  return result;
}

/**
 * Optimised code refers only weakly to the hidden classes of the objects it has seen. When every
 * result of a check becomes garbage, a collection can drop the classes of objects built field by
 * field or by spreading (findings, claims, claim reports, rule contexts), and each function
 * compiled against them is thrown away and compiled again on the next check: on a 50 KB bulletin
 * that is about a dozen functions per check. Keeping the result of one check of a small sample
 * alive keeps one object of each class, at the cost of a few kilobytes.
 */
// undefined until the first check; null while the sample is checked (so it does not recurse) or
// if it could not be.
let shapeSample: CheckResult | null | undefined;

const SHAPE_SAMPLE = [
  '---',
  'title: Sample',
  '---',
  '# Sample',
  '',
  'High-quality supervision cuts reoffending among offenders [@sample]. Smaller caseloads may improve engagement.',
  'Completion was associated with supervision quality, and reoffending was 14% lower (a significant difference).',
  'The RNR model guides practice. <!-- evidence: sms=2; design="observational" -->',
  '',
].join('\n');

function keepShapes(glossary: Glossary): void {
  shapeSample = null;
  try {
    shapeSample = checkDocument(SHAPE_SAMPLE, { glossary });
  } catch {
    // A sample that cannot be checked only costs speed, and is not tried again: the writer's
    // check has already succeeded.
  }
}

function configuredSeverity(rule: Rule, settings: CheckOptions['rules']): Severity | 'off' {
  return settings?.[rule.id]?.severity ?? rule.defaultSeverity;
}

/** One enabled rule in one check: its settings, and what it has found so far. */
interface RuleRunning {
  rule: Rule;
  /** The rule's place in `allRules`, which indexes each block's memos. */
  ruleIndex: number;
  scope: 'document' | 'block' | 'claim';
  severity: Severity;
  reportedSeverityApplies: boolean;
  /** The two above as one key, which kept findings and memos are compared by. */
  setting: string;
  found: Finding[];
  /** Set when the rule threw: its findings are then dropped and it is skipped. */
  failure: string | undefined;
}

/**
 * The finding for a report, moved by `delta`. An `owned` finding is kept for later checks, which
 * move it in place (`moveBlock`), so its range and fixes are always its own copies, never the
 * report's: the report stays with the block's analysis, shared by every block with the same text.
 */
function toFinding(
  rule: Rule,
  severity: Severity,
  reportedSeverityApplies: boolean,
  report: RuleReport,
  delta: number,
  owned: boolean,
  data = report.data,
): Finding {
  const finalSeverity = reportedSeverityApplies && report.severity ? report.severity : severity;
  const copy = owned || delta !== 0;
  const range = copy ? shiftRange(report.range, delta) : report.range;
  if (report[LAZY_REPORT] && !copy) return lazyFinding(rule.id, finalSeverity, range, report, data);
  const fixes = report.fixes;
  // Copied fixes are made at once: a plain object per fix and edit costs far less to make and to
  // collect than a finding with getters (each getter is a closure, and such objects are slow).
  return {
    ruleId: rule.id,
    severity: finalSeverity,
    range,
    message: report.message,
    explanation: report.explanation,
    fixes: fixes ? (copy ? shiftFixes(fixes, delta) : fixes) : [],
    ...(data ? { data } : {}),
  };
}

// Non-enumerable, so deep comparison, spreading, JSON and structured cloning never see it.
const LAZY_REPORT_OF = Symbol('lazy report of');
type LazyFinding = Finding & { [LAZY_REPORT_OF]: RuleReport };

/** Replaces a lazy part with a plain value, as an assignment to a plain finding would. */
function settle(finding: Finding, key: 'explanation' | 'fixes', value: unknown): void {
  // A frozen finding keeps its getter (and reads through it every time).
  if (Object.isExtensible(finding)) Object.defineProperty(finding, key, { value, writable: true, enumerable: true, configurable: true });
}

// One pair of accessors shared by every lazy finding: getters written in an object literal are new
// closures per finding, which a long bulletin's tens of thousands of findings pay for several
// times over in memory and time. The first read (or a write) turns the part into a plain value.
const LAZY_ACCESSORS: PropertyDescriptorMap = {
  explanation: {
    get(this: LazyFinding): string {
      const explanation = this[LAZY_REPORT_OF].explanation;
      settle(this, 'explanation', explanation);
      return explanation;
    },
    set(this: LazyFinding, value: string) {
      settle(this, 'explanation', value);
    },
    enumerable: true,
    configurable: true,
  },
  fixes: {
    get(this: LazyFinding): Fix[] {
      const fixes = this[LAZY_REPORT_OF].fixes ?? [];
      settle(this, 'fixes', fixes);
      return fixes;
    },
    set(this: LazyFinding, value: Fix[]) {
      settle(this, 'fixes', value);
    },
    enumerable: true,
    configurable: true,
  },
};

/** A finding whose explanation and fixes are read from the report only when someone asks. */
function lazyFinding(ruleId: string, severity: Severity, range: Finding['range'], report: RuleReport, data: Finding['data']): Finding {
  const finding = { ruleId, severity, range, message: report.message } as LazyFinding;
  Object.defineProperty(finding, LAZY_REPORT_OF, { value: report });
  Object.defineProperties(finding, LAZY_ACCESSORS);
  if (data) finding.data = data;
  return finding;
}

/** A plain copy of a report moved by `delta` (lazy parts are made now, so the copy holds no context). */
function moveReport(report: RuleReport, delta: number): RuleReport {
  const moved: RuleReport = {
    range: shiftRange(report.range, delta),
    message: report.message,
    explanation: report.explanation,
  };
  if (report.fixes) moved.fixes = shiftFixes(report.fixes, delta);
  if (report.data) moved.data = report.data;
  if (report.severity) moved.severity = report.severity;
  return moved;
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

const NO_REPORTS: RuleReport[] = [];
const NO_FINDINGS: Finding[] = [];
const KNOWN_RULE_IDS = new Set(allRules.map((r) => r.id));

const NOTHING_PLACED = new Map<string, PlacedFindings>();

function nothingPlaced(setting: string): PlacedFindings {
  let placed = NOTHING_PLACED.get(setting);
  if (!placed) NOTHING_PLACED.set(setting, (placed = { setting, findings: NO_FINDINGS }));
  return placed;
}

/** A block-scoped rule on one block: its reports are made once per block text and moved into place. */
function blockRuleStep(running: RuleRunning, outcome: BlockOutcome, remember: boolean): void {
  const { rule, ruleIndex, severity, reportedSeverityApplies, setting, found } = running;
  const placed = outcome.placed?.[ruleIndex];
  if (placed && placed.setting === setting) {
    for (let i = 0; i < placed.findings.length; i++) found.push(placed.findings[i]);
    return;
  }
  const analysis = outcome.analysis;
  // A plain object, and one shared empty list: a long bulletin has tens of thousands of blocks,
  // and a Map per block, or an empty array per block and rule, adds up.
  const reports = (analysis.ruleReports ??= {});
  let mine = reports[rule.id];
  if (!mine) {
    const made: RuleReport[] = [];
    try {
      rule.checkBlock!({ text: analysis.key, sentences: analysis.sentences }, (report) => made.push(report));
      mine = made.length > 0 ? made : NO_REPORTS;
    } catch (error) {
      mine = { error: describeError(error) };
    }
    reports[rule.id] = mine;
  }
  if (!Array.isArray(mine)) {
    running.failure = mine.error;
    return;
  }
  if (mine.length === 0) {
    // Remembered too (one shared object per setting), so a later check looks no further than the
    // block's own list: reaching the analysis and its reports is two more memory reads per block.
    if (remember) (outcome.placed ??= [])[ruleIndex] = nothingPlaced(setting);
    return;
  }
  const findings = mine.map((report) => toFinding(rule, severity, reportedSeverityApplies, report, outcome.start, remember));
  if (remember) (outcome.placed ??= [])[ruleIndex] = { setting, findings };
  for (let i = 0; i < findings.length; i++) found.push(findings[i]);
}

/**
 * A claim-scoped rule on one block: a claim's report is reused while its block is carried over and
 * its decision holds, and a block whose claims are the very list the rule last saw gives its
 * findings at once. Throws what the rule throws.
 */
function claimRuleStep(running: RuleRunning, outcome: BlockOutcome, remember: boolean, context: RuleContext): void {
  const { rule, ruleIndex, severity, reportedSeverityApplies, found } = running;
  const finalSeverity = running.setting;
  const claims = outcome.claims!;
  let kept = outcome.claimMemos?.[ruleIndex];
  if (kept && kept.claims === claims && kept.severity === finalSeverity) {
    for (let i = 0; i < kept.findings.length; i++) found.push(kept.findings[i]);
    return;
  }
  if (remember && !kept) {
    kept = { memos: new Array(claims.length), claims: undefined, severity: finalSeverity, findings: NO_FINDINGS };
    (outcome.claimMemos ??= [])[ruleIndex] = kept;
  }
  const memos = kept?.memos;
  let blockFindings: Finding[] | undefined;
  for (let k = 0; k < claims.length; k++) {
    const claim = claims[k];
    const memo = memos?.[k];
    let finding: Finding | undefined;
    if (memo && memo.claim === claim && memo.severity === finalSeverity) {
      // The same claim object: nothing it depends on has changed or moved.
      finding = memo.finding;
    } else if (memo && sameDecision(memo, claim)) {
      if (memo.report) {
        const sameData = memo.finding?.data !== undefined && memo.claim.evidence === claim.evidence && memo.claim.classification === claim.classification;
        const data = sameData ? memo.finding!.data : rule.claimData?.(claim);
        // The last finding has been moved here with its block, so a claim decided again the same
        // way (its evidence read afresh after an edit elsewhere) takes over its range and fixes.
        const previous = memo.severity === finalSeverity ? memo.finding : undefined;
        finding = previous && data ? { ...previous, data } : toFinding(rule, severity, reportedSeverityApplies, memo.report, outcome.start, true, data);
      }
      memo.claim = claim;
      memo.finding = finding;
      memo.severity = finalSeverity;
    } else {
      const report = rule.checkClaim!(claim, context);
      if (memos) {
        // Kept for later checks, so made in full now rather than holding this check's context.
        const relative = report && moveReport(report, -outcome.start);
        if (relative) finding = toFinding(rule, severity, reportedSeverityApplies, relative, outcome.start, true, rule.claimData?.(claim));
        memos[k] = decisionMemo(claim, relative, finding, finalSeverity);
      } else if (report) {
        finding = toFinding(rule, severity, reportedSeverityApplies, report, 0, false, rule.claimData?.(claim));
      }
    }
    if (finding) {
      found.push(finding);
      (blockFindings ??= []).push(finding);
    }
  }
  if (kept) {
    kept.claims = claims;
    kept.severity = finalSeverity;
    kept.findings = blockFindings ?? NO_FINDINGS;
  }
}

function decisionMemo(claim: Claim, report: RuleReport | undefined, finding: Finding | undefined, severity: string): ClaimMemo {
  const e = claim.evidence;
  return { status: claim.status, origin: e.origin, design: e.design, sms: e.sms, source: e.source, report, claim, finding, severity };
}

function sameDecision(memo: ClaimMemo, claim: Claim): boolean {
  const e = claim.evidence;
  return memo.status === claim.status && memo.origin === e.origin && memo.design === e.design && memo.sms === e.sms && memo.source === e.source;
}

// One rule's exception must not cost the writer every other rule's findings.
function runRule(
  rule: Rule,
  severity: Severity,
  context: RuleContext,
  findings: Finding[],
  failures: RuleFailure[],
  reportedSeverityApplies = false,
): void {
  const found: Finding[] = [];
  try {
    rule.check(context, (report: RuleReport) => {
      found.push(toFinding(rule, severity, reportedSeverityApplies, report, 0, false));
    });
    for (let i = 0; i < found.length; i++) findings.push(found[i]);
  } catch (error) {
    failures.push({ ruleId: rule.id, error: describeError(error) });
  }
}
