// checkDocument: the one entry point every front door calls. Text in, findings out.
//
// Work is split in two layers so that re-checking after an edit is cheap:
//  - per block (paragraph, heading, list item…): sentences, term matches and claim
//    classifications depend only on the block's own masked text, so they are cached by that text
//    and reused when a block is unchanged;
//  - per document: evidence, claim status and every rule, which are cheap over cached results.
import type {
  Claim,
  ClaimClassification,
  Finding,
  Glossary,
  ProseModel,
  Sentence,
  Severity,
  TermMatch,
} from './types';
import { parseProse } from './prose/parse';
import { splitSentences } from './prose/sentences';
import { compileGlossary, type TermIndex } from './glossary/matcher';
import { classifySentence } from './claims/classifier';
import { collectDocumentEvidence, decideClaimStatus } from './claims/evidence';
import { emptyRegistry, type EvidenceRegistry } from './claims/registry';
import { parseSuppressions } from './suppressions';
import { allRules } from './rules/index';
import type { Rule, RuleContext, RuleReport } from './rules/rule';

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
  /** Pass the same cache on every check of one document to reuse unchanged blocks. */
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

/** Block-level results, with offsets relative to the block's start. */
interface BlockAnalysis {
  sentences: { start: number; end: number }[];
  classifications: ClaimClassification[];
  termMatches: TermMatch[];
}

/**
 * Remembers block analyses between checks of one document. Entries not used by the latest check
 * are dropped, so memory follows the document's size.
 */
export class CheckCache {
  private blocks = new Map<string, BlockAnalysis>();
  private termIndex: TermIndex | undefined;
  private glossary: Glossary | undefined;

  /** @internal */
  indexFor(glossary: Glossary): TermIndex {
    if (this.glossary !== glossary || !this.termIndex) {
      this.glossary = glossary;
      this.termIndex = compileGlossary(glossary);
      this.blocks.clear();
    }
    return this.termIndex;
  }

  /** @internal */
  swap(next: Map<string, BlockAnalysis>): Map<string, BlockAnalysis> {
    const previous = this.blocks;
    this.blocks = next;
    return previous;
  }
}

const EMPTY_GLOSSARY: Glossary = { entries: [] };
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
  return { sentences, classifications, termMatches };
}

export function checkDocument(text: string, options: CheckOptions = {}): CheckResult {
  const glossary = options.glossary ?? EMPTY_GLOSSARY;
  const registry = options.registry ?? emptyRegistry();
  const minimumSms = options.causalEvidenceMinimumSms ?? DEFAULT_MINIMUM_SMS;
  const index = termIndexFor(glossary, options.cache);
  const prose = parseProse(text);

  const previous = options.cache?.swap(new Map()) ?? new Map<string, BlockAnalysis>();
  const kept = new Map<string, BlockAnalysis>();
  const sentences: Sentence[] = [];
  const classifications: ClaimClassification[] = [];
  const termMatches: TermMatch[] = [];
  let blocksAnalysed = 0;

  prose.blocks.forEach((block, blockIndex) => {
    const blockText = prose.masked.slice(block.range.start, block.range.end);
    let analysis = kept.get(blockText) ?? previous.get(blockText);
    if (!analysis) {
      analysis = analyseBlock(blockText, index);
      blocksAnalysed++;
    }
    kept.set(blockText, analysis);
    const offset = block.range.start;
    for (let i = 0; i < analysis.sentences.length; i++) {
      const s = analysis.sentences[i];
      sentences.push({
        range: { start: s.start + offset, end: s.end + offset },
        text: blockText.slice(s.start, s.end),
        blockIndex,
      });
      classifications.push(analysis.classifications[i]);
    }
    for (const m of analysis.termMatches) {
      termMatches.push({ ...m, range: { start: m.range.start + offset, end: m.range.end + offset } });
    }
  });
  options.cache?.swap(kept);

  const evidence = collectDocumentEvidence(prose, registry);
  const claims: Claim[] = sentences.map((sentence, i) => {
    const classification = classifications[i];
    const decision = decideClaimStatus(sentence, classification, evidence, registry, minimumSms);
    return { sentence, classification, status: decision.status, evidence: decision.evidence };
  });

  const context: RuleContext = {
    text,
    prose,
    sentences,
    glossary,
    termMatches,
    claims,
    evidence,
    registry,
    minimumSms,
  };

  const knownRuleIds = new Set(allRules.map((r) => r.id));
  const suppressions = parseSuppressions(prose, knownRuleIds);
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];

  for (const rule of allRules) {
    const severity = configuredSeverity(rule, options.rules);
    if (severity === 'off') continue;
    // A rule may soften doubtful findings, but only while the writer has not set its severity.
    const reportedSeverityApplies = options.rules?.[rule.id]?.severity === undefined;
    runRule(rule, severity, context, findings, ruleFailures, reportedSeverityApplies);
  }
  const kept2 = findings.filter((f) => !suppressions.isSuppressed(f.ruleId, f.range));
  const suppressionSeverity = options.rules?.[suppressions.ruleId]?.severity ?? 'warning';
  if (suppressionSeverity !== 'off') {
    for (const problem of suppressions.problems) kept2.push({ ...problem, severity: suppressionSeverity });
  }
  kept2.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);

  return { findings: kept2, claims, sentences, termMatches, prose, ruleFailures, blocksAnalysed };
}

function configuredSeverity(rule: Rule, settings: CheckOptions['rules']): Severity | 'off' {
  return settings?.[rule.id]?.severity ?? rule.defaultSeverity;
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
      found.push({
        ruleId: rule.id,
        severity: reportedSeverityApplies && report.severity ? report.severity : severity,
        range: report.range,
        message: report.message,
        explanation: report.explanation,
        fixes: report.fixes ?? [],
        ...(report.data ? { data: report.data } : {}),
      });
    });
    findings.push(...found);
  } catch (error) {
    failures.push({ ruleId: rule.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
