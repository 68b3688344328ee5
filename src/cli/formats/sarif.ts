// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../core/types';
import type { PlacedFinding } from '../engine';
import { REPOSITORY_URL, TOOL_NAME, VERSION, ruleHelpUri } from '../product';

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity;
}

export interface SarifFileInput {
  /** Absolute path of the checked file. */
  file: string;
  findings: readonly PlacedFinding[];
}

export interface SarifNotification {
  level: 'error' | 'warning' | 'note';
  text: string;
}

type SarifLevel = 'error' | 'warning' | 'note';

function level(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** A relative, forward-slash, percent-encoded URI under %SRCROOT%, or an absolute file URI outside it. */
export function artifactLocation(cwd: string, file: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, file);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function buildSarif(
  cwd: string,
  rules: readonly RuleInfo[],
  files: readonly SarifFileInput[],
  notifications: readonly SarifNotification[],
  executionSuccessful: boolean,
): object {
  const descriptors = rules.map(describeRule);
  const indexById = new Map(rules.map((rule, i) => [rule.id, i]));
  const results: object[] = [];
  for (const input of files) {
    const location = artifactLocation(cwd, input.file);
    for (const finding of input.findings) {
      let ruleIndex = indexById.get(finding.ruleId);
      if (ruleIndex === undefined) {
        // A finding from a rule the list did not name still gets a descriptor, so ruleIndex is valid.
        ruleIndex = descriptors.length;
        indexById.set(finding.ruleId, ruleIndex);
        descriptors.push(describeRule({ id: finding.ruleId, description: finding.ruleId, defaultSeverity: finding.severity }));
      }
      results.push({
        ruleId: finding.ruleId,
        ruleIndex,
        level: level(finding.severity),
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: {
                startLine: finding.line,
                startColumn: finding.column,
                endLine: finding.endLine,
                endColumn: finding.endColumn,
              },
            },
          },
        ],
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: REPOSITORY_URL,
            rules: descriptors,
          },
        },
        invocations: [
          {
            executionSuccessful,
            toolExecutionNotifications: notifications.map((n) => ({ level: n.level, message: { text: n.text } })),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function describeRule(rule: RuleInfo): object {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    helpUri: ruleHelpUri(rule.id),
    defaultConfiguration: { level: level(rule.defaultSeverity) },
  };
}
