// Hedged causal wording ("may reduce", "could lead to") that the declared evidence does not support.
import type { Rule } from './rule';
import { reportClaims, whereEvidenceIs } from '../claims/claim-findings';

export const hedgedCausalClaim: Rule = {
  id: 'hedged-causal-claim',
  description: 'Hedged causal wording still implies an effect; below the minimum SMS level an association is safer.',
  defaultSeverity: 'information',
  check(context, report) {
    reportClaims(
      context,
      'hedged',
      (cue, claim) =>
        `“${cue}” is hedged but still suggests an effect, and ${whereEvidenceIs(claim.evidence)}; consider associational wording unless the evidence reaches SMS ${context.minimumSms}.`,
      report,
      'hedged-causal-claim',
    );
  },
};
