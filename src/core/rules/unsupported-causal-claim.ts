// Direct causal wording ("cuts", "leads to", "proves") that the declared evidence does not support.
import type { Rule } from './rule';
import { reportClaims, whereEvidenceIs } from '../claims/claim-findings';

export const unsupportedCausalClaim: Rule = {
  id: 'unsupported-causal-claim',
  description: 'Causal wording needs evidence at or above the minimum SMS level; otherwise describe an association.',
  defaultSeverity: 'warning',
  check(context, report) {
    reportClaims(
      context,
      'unsupported',
      (cue, claim) =>
        `“${cue}” states that one thing causes another, but ${whereEvidenceIs(claim.evidence)}; causal wording needs SMS ${context.minimumSms} or above.`,
      report,
      'unsupported-causal-claim',
    );
  },
};
