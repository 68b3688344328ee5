// Hedged causal wording ("may reduce", "could lead to") that the declared evidence does not support.
import type { Rule, RuleContext } from './rule';
import type { Claim } from '../types';
import { claimData, claimReport, reportClaims, whereEvidenceIs } from '../claims/claim-findings';

const ID = 'hedged-causal-claim';

function message(context: RuleContext): (cue: string, claim: Claim) => string {
  return (cue, claim) =>
    `“${cue}” is hedged but still suggests an effect, and ${whereEvidenceIs(claim.evidence)}; consider associational wording unless the evidence reaches SMS ${context.minimumSms}.`;
}

export const hedgedCausalClaim: Rule = {
  id: ID,
  description: 'Hedged causal wording still implies an effect; below the minimum SMS level an association is safer.',
  defaultSeverity: 'information',
  scope: 'claim',
  check(context, report) {
    reportClaims(context, 'hedged', message(context), report, ID);
  },
  checkClaim(claim, context) {
    return claim.status === 'hedged' ? claimReport(context, claim, 'hedged', message(context), ID) : undefined;
  },
  claimData,
};
