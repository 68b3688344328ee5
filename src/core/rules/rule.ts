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
  /** Every sentence's claim, in document order (including `none`). */
  claims: Claim[];
  evidence: DocumentEvidence;
  registry: EvidenceRegistry;
  minimumSms: number;
}

/** What a rule reports; the engine adds the rule id and the configured severity. */
export interface RuleReport {
  range: TextRange;
  message: string;
  explanation: string;
  fixes?: Fix[];
  data?: Record<string, unknown>;
  /** A milder level for doubtful (not broken) cases; used only while the rule's severity is not configured. */
  severity?: Severity;
}

export interface Rule {
  /** Kebab-case id used in settings, suppression comments and output, e.g. `discouraged-term`. */
  id: string;
  /** One sentence for settings and documentation. */
  description: string;
  defaultSeverity: Severity;
  check(context: RuleContext, report: (finding: RuleReport) => void): void;
}

export type { Finding };
