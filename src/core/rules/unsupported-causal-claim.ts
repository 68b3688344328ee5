// Direct causal wording ("cuts", "leads to", "proves") that the declared evidence does not support.
import type { Rule, RuleContext } from './rule';
import type { Claim } from '../types';
import { claimData, claimReport, reportClaims, whereEvidenceIs } from '../claims/claim-findings';

const ID = 'unsupported-causal-claim';

function message(context: RuleContext): (cue: string, claim: Claim) => string {
  return (cue, claim) =>
    `“${cue}” states that one thing causes another, but ${whereEvidenceIs(claim.evidence)}; causal wording needs SMS ${context.minimumSms} or above.`;
}

export const unsupportedCausalClaim: Rule = {
  id: ID,
  description: 'Causal wording needs evidence at or above the minimum SMS level; otherwise describe an association.',
  defaultSeverity: 'warning',
  scope: 'claim',
  check(context, report) {
    reportClaims(context, 'unsupported', message(context), report, ID);
  },
  checkClaim(claim, context) {
    return claim.status === 'unsupported' ? claimReport(context, claim, 'unsupported', message(context), ID) : undefined;
  },
  claimData,
};
