// PLACEHOLDER (to be replaced by the prose-model work).
import type { Finding, ProseModel, TextRange } from './types';

export interface Suppressions {
  /** Rule id under which problems with suppression comments are reported. */
  ruleId: string;
  problems: Omit<Finding, 'severity'>[];
  isSuppressed(ruleId: string, range: TextRange): boolean;
}

export function parseSuppressions(_prose: ProseModel, _knownRuleIds: Set<string>): Suppressions {
  return { ruleId: 'invalid-suppression', problems: [], isSuppressed: () => false };
}
