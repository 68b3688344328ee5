// PLACEHOLDER (to be replaced by the evidence work).
import type { ClaimClassification, ClaimStatus, EvidenceSupport, ProseModel, Sentence } from '../types';
import type { EvidenceRegistry } from './registry';

export interface DocumentEvidence {
  /** The design declared in front matter, if any. */
  declared: EvidenceSupport;
}

export function collectDocumentEvidence(_prose: ProseModel, _registry: EvidenceRegistry): DocumentEvidence {
  return { declared: { origin: 'none' } };
}

export function decideClaimStatus(
  _sentence: Sentence,
  classification: ClaimClassification,
  evidence: DocumentEvidence,
  _registry: EvidenceRegistry,
  _minimumSms: number,
): { status: ClaimStatus; evidence: EvidenceSupport } {
  const status: ClaimStatus =
    classification.label === 'direct_causal' ? 'unsupported' : classification.label === 'conditional_causal' ? 'hedged' : 'associational';
  return { status, evidence: evidence.declared };
}
