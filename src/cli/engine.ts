// The CLI's one doorway into the core: builds glossary and registry from config texts, checks one
// bulletin and returns plain, cloneable results (so a worker thread can send them back).
import { checkDocument, type CheckResult, type RuleSetting } from '../core/check';
import type { ConfigProblem, Glossary, Severity } from '../core/types';
import { claimRows, type ClaimRow } from '../core/report/claimsReport';
import { emptyRegistry, mergeRegistries, parseRegistry, type EvidenceRegistry } from '../core/claims/registry';
import { mergeGlossaries, parseGlossary } from '../core/glossary/load';
import { defaultGlossary } from '../core/glossary/default';
import { LineIndex } from '../core/text/lineIndex';

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
  /** Build claims-report rows (skipped otherwise, as they cost time on big files). */
  claimsReport: boolean;
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
  const layers: Glossary[] = spec.useDefaultGlossary ? [defaultGlossary()] : [];
  for (const layer of spec.glossaries) {
    const parsed = parseGlossary(layer.text, layer.file);
    problems.push(...parsed.problems);
    layers.push(parsed.glossary);
  }
  const glossary = layers.length === 1 ? layers[0] : mergeGlossaries(layers);

  let registry = emptyRegistry();
  if (spec.registries.length > 0) {
    const parsed = spec.registries.map((layer) => parseRegistry(layer.text, layer.file));
    for (const p of parsed) problems.push(...p.problems);
    registry = mergeRegistries(parsed.map((p) => p.registry));
  }
  return { glossary, registry, problems };
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
  return { file, ...placeResult(text, result, options.claimsReport), bytes: bytes.length };
}

function placeResult(text: string, result: CheckResult, claimsReport: boolean): Pick<FileOutcome, 'findings' | 'claims' | 'ruleFailures'> {
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
  const claims = claimsReport ? claimRows(text, result.claims) : [];
  return { findings, claims, ruleFailures: result.ruleFailures.map((f) => ({ ruleId: f.ruleId, error: f.error })) };
}
