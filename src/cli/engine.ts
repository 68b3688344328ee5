// The CLI's one doorway into the core: builds glossary and registry from config texts, checks one
// bulletin and returns plain, cloneable results (so a worker thread can send them back).
import { checkDocument, type CheckResult, type RuleSetting } from '../core/check';
import type { ConfigProblem, Glossary, Severity } from '../core/types';
import { claimRows, type ClaimRow } from '../core/report/claimsReport';
import { emptyRegistry, type EvidenceRegistry } from '../core/claims/registry';
import { LineIndex } from './lines';
import { loadGlossaryModule, loadDefaultGlossaryModule, loadRegistryParser } from './core-modules';

/** A config file's text, read by the main thread and shipped to workers. */
export interface ConfigText {
  file: string;
  text: string;
}

/** Everything needed to rebuild one checking configuration anywhere. */
export interface ConfigSpec {
  useDefaultGlossary: boolean;
  /** Lowest layer first. */
  glossaries: ConfigText[];
  registries: ConfigText[];
}

export interface CheckConfig {
  glossary: Glossary;
  registry: EvidenceRegistry;
  problems: ConfigProblem[];
}

export interface EngineOptions {
  rules: Record<string, RuleSetting>;
  minimumSms: number | undefined;
}

/** A finding placed by 1-based line and column (UTF-16 code units), ready for any output format. */
export interface PlacedFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FileOutcome {
  /** Absolute path. */
  file: string;
  findings: PlacedFinding[];
  /** Rows of the claims report (sentences labelled other than `none`). */
  claims: ClaimRow[];
  ruleFailures: { ruleId: string; error: string }[];
  /** Set when the file could not be read or decoded; nothing was checked. */
  error?: string;
  bytes: number;
}

export function buildCheckConfig(spec: ConfigSpec): CheckConfig {
  const problems: ConfigProblem[] = [];
  const layers: Glossary[] = [];
  if (spec.useDefaultGlossary) {
    const defaults = loadDefaultGlossaryModule();
    if (defaults) layers.push(defaults.defaultGlossary());
  }
  if (spec.glossaries.length > 0) {
    const loader = loadGlossaryModule();
    if (!loader) throw new Error('This build cannot read glossary files: the glossary loader is missing.');
    for (const layer of spec.glossaries) {
      const parsed = loader.parseGlossary(layer.text, layer.file);
      problems.push(...parsed.problems);
      layers.push(parsed.glossary);
    }
  }
  const glossary = mergeLayers(layers);

  let registry = emptyRegistry();
  if (spec.registries.length > 0) {
    const parseRegistry = loadRegistryParser();
    if (!parseRegistry) throw new Error('This build cannot read evidence registries: the registry loader is missing.');
    const parsed = spec.registries.map((layer) => parseRegistry(layer.text, layer.file));
    for (const p of parsed) problems.push(...p.problems);
    registry = mergeRegistries(parsed.map((p) => p.registry));
  }
  return { glossary, registry, problems };
}

function mergeLayers(layers: Glossary[]): Glossary {
  if (layers.length === 0) return { entries: [] };
  if (layers.length === 1) return layers[0];
  const loader = loadGlossaryModule();
  if (loader) return loader.mergeGlossaries(layers);
  // Without the loader, a later entry replaces an earlier one with the same id.
  const byId = new Map<string, Glossary['entries'][number]>();
  for (const layer of layers) for (const entry of layer.entries) byId.set(entry.id, entry);
  return { entries: [...byId.values()] };
}

// A nearer registry's key wins over a farther one's.
function mergeRegistries(registries: EvidenceRegistry[]): EvidenceRegistry {
  if (registries.length === 1) return registries[0];
  const merged = { ...registries[registries.length - 1], entries: new Map(registries[0].entries) };
  for (const registry of registries.slice(1)) for (const [key, entry] of registry.entries) merged.entries.set(key, entry);
  return merged;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes and checks one file's bytes; a decoding failure becomes the outcome's error. */
export function checkBulletinBytes(file: string, bytes: Uint8Array, config: CheckConfig, options: EngineOptions): FileOutcome {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { file, findings: [], claims: [], ruleFailures: [], error: 'not valid UTF-8 text', bytes: bytes.length };
  }
  const result = checkDocument(text, {
    glossary: config.glossary,
    registry: config.registry,
    rules: options.rules,
    causalEvidenceMinimumSms: options.minimumSms,
  });
  return { file, ...placeResult(text, result), bytes: bytes.length };
}

function placeResult(text: string, result: CheckResult): Pick<FileOutcome, 'findings' | 'claims' | 'ruleFailures'> {
  const lines = new LineIndex(text);
  const findings = result.findings.map((finding): PlacedFinding => {
    const start = lines.position(finding.range.start);
    const end = lines.position(finding.range.end);
    return {
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
  });
  const claims = claimRows(text, result.claims);
  return { findings, claims, ruleFailures: result.ruleFailures.map((f) => ({ ruleId: f.ruleId, error: f.error })) };
}
