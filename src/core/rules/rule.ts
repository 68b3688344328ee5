// The contract every rule implements: metadata beside the logic, one rule per file.
import type {
  Claim,
  Finding,
  Fix,
  Glossary,
  ProseModel,
  Sentence,
  Severity,
  TermMatch,
  TextRange,
} from '../types';
import type { EvidenceRegistry } from '../claims/registry';
import type { DocumentEvidence } from '../claims/evidence';

export interface RuleContext {
  text: string;
  prose: ProseModel;
  sentences: Sentence[];
  glossary: Glossary;
  /** Every glossary term found in prose, in document order. */
  termMatches: TermMatch[];
  /**
   * The same matches block by block (one list per `prose.blocks` entry), present only when the
   * check keeps its results for the next one (it has a CheckCache). A block carried over then keeps
   * its list and match objects, so a rule may remember what it worked out for them. Without a cache
   * nothing is carried over, and remembering (in a WeakMap) objects that die with the check would
   * only make work for the garbage collector: a 50 KB check took about twice as long.
   */
  termMatchesByBlock?: readonly TermMatch[][];
  /** Every sentence's claim, in document order (including `none`). */
  claims: Claim[];
  evidence: DocumentEvidence;
  registry: EvidenceRegistry;
  minimumSms: number;
}

/**
 * Marks a report whose `explanation` and `fixes` are getters that do their work on first read; the
 * engine then keeps them lazy in the finding, so a check that nobody hovers over skips that work.
 */
export const LAZY_REPORT: unique symbol = Symbol('lazy report');

/** What a rule reports; the engine adds the rule id and the configured severity. */
export interface RuleReport {
  range: TextRange;
  message: string;
  explanation: string;
  fixes?: Fix[];
  data?: Record<string, unknown>;
  /** A milder level for doubtful (not broken) cases; used only while the rule's severity is not configured. */
  severity?: Severity;
  [LAZY_REPORT]?: true;
}

/** One prose block as a block-scoped rule sees it; offsets are relative to the block's start. */
export interface BlockInput {
  /** The block's masked text. */
  text: string;
  sentences: { start: number; end: number }[];
}

/**
 * How far a rule looks, which decides what the engine may reuse between checks of one document:
 *  - `document` (the default): `check` runs over the whole context on every check;
 *  - `block`: findings depend only on one block's masked text (`checkBlock`), so they are cached
 *    with the block and moved when the block moves;
 *  - `claim`: a finding depends only on its claim's sentence and block (raw and masked text, term
 *    matches inside it), the claim's status and evidence (origin, design, SMS, source) and the
 *    glossary, registry and minimum SMS; `checkClaim` reports it and the engine reuses it while
 *    those are unchanged. Its `data` may hold document offsets, so it comes from `claimData`,
 *    which runs on every check.
 * `check` must still give every finding, so a rule can be run on its own.
 */
export type RuleScope = 'document' | 'block' | 'claim';

export interface Rule {
  /** Kebab-case id used in settings, suppression comments and output, e.g. `discouraged-term`. */
  id: string;
  /** One sentence for settings and documentation. */
  description: string;
  defaultSeverity: Severity;
  scope?: RuleScope;
  check(context: RuleContext, report: (finding: RuleReport) => void): void;
  /** For `block` scope: reports with ranges (and fix ranges) relative to the block's start. */
  checkBlock?(block: BlockInput, report: (finding: RuleReport) => void): void;
  /** For `claim` scope: the finding for one claim without `data`, or undefined. */
  checkClaim?(claim: Claim, context: RuleContext): RuleReport | undefined;
  /** For `claim` scope: the `data` of the finding `checkClaim` gave for this claim. */
  claimData?(claim: Claim): Record<string, unknown> | undefined;
}

/**
 * `work` remembered for each per-block list of term matches (`RuleContext.termMatchesByBlock`): a
 * block carried over keeps its list, so what a rule works out from it is made once per block text.
 */
export function perBlockList<T>(work: (matches: readonly TermMatch[]) => T): (matches: readonly TermMatch[]) => T {
  const made = new WeakMap<readonly TermMatch[], T>();
  return (matches) => {
    let value = made.get(matches);
    if (value === undefined) made.set(matches, (value = work(matches)));
    return value;
  };
}

export type { Finding };
