// PLACEHOLDER (to be replaced by the evidence work).
export interface RegistryEntry {
  key: string;
  title: string;
  year?: number;
  url?: string;
  design?: string;
  sms?: number;
}

export interface EvidenceRegistry {
  entries: Map<string, RegistryEntry>;
}

export function emptyRegistry(): EvidenceRegistry {
  return { entries: new Map() };
}
