// Every rule the engine runs, in the order their findings are reported for one position.
import type { Rule } from './rule';
import { unsupportedCausalClaim } from './unsupported-causal-claim';
import { hedgedCausalClaim } from './hedged-causal-claim';
import { percentagePoints } from './percentage-points';
import { unqualifiedSignificance } from './unqualified-significance';
import { invalidAnnotation } from './invalid-annotation';
import { discouragedTerm } from './discouraged-term';
import { inconsistentTerm } from './inconsistent-term';
import { undefinedAcronym } from './undefined-acronym';

export const allRules: Rule[] = [
  unsupportedCausalClaim,
  hedgedCausalClaim,
  percentagePoints,
  unqualifiedSignificance,
  invalidAnnotation,
  discouragedTerm,
  inconsistentTerm,
  undefinedAcronym,
];
