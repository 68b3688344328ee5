// Reads the `bulletinChecker.*` settings for one document.
import * as vscode from 'vscode';
import type { RuleSetting } from '../core/check';
import type { Severity } from '../core/types';

export interface CheckerSettings {
  enable: boolean;
  rules: Record<string, RuleSetting>;
  useDefaultGlossary: boolean;
  glossaryFiles: string[];
  evidenceRegistryFiles: string[];
  minimumSms: number;
  checkDelay: number;
  workspaceGlob: string;
}

const SEVERITIES = new Set(['off', 'error', 'warning', 'information', 'hint']);

export function readSettings(scope?: vscode.ConfigurationScope): CheckerSettings {
  const config = vscode.workspace.getConfiguration('bulletinChecker', scope);
  const rules: Record<string, RuleSetting> = {};
  for (const [ruleId, value] of Object.entries(config.get<Record<string, unknown>>('rules') ?? {})) {
    // An unknown severity is ignored rather than turning the rule off by accident.
    if (typeof value === 'string' && SEVERITIES.has(value)) rules[ruleId] = { severity: value as Severity | 'off' };
  }
  return {
    enable: config.get<boolean>('enable', true),
    rules,
    useDefaultGlossary: config.get<boolean>('useDefaultGlossary', true),
    glossaryFiles: config.get<string[]>('glossaryFiles', []),
    evidenceRegistryFiles: config.get<string[]>('evidenceRegistryFiles', []),
    minimumSms: clamp(config.get<number>('causalEvidenceMinimumSms', 3), 1, 5),
    checkDelay: clamp(config.get<number>('checkDelay', 250), 0, 5000),
    workspaceGlob: config.get<string>('workspaceGlob', '**/*.{md,markdown}'),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}

// Views of other things that happen to be Markdown: glossary entry pages, diffs, output.
const NOT_BULLETINS = new Set(['output', 'git', 'bulletin-glossary', 'vscode-chat-code-block', 'comment']);

/** Bulletins are Markdown files that live on a real or virtual file system, or are untitled. */
export function isBulletin(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && !NOT_BULLETINS.has(document.uri.scheme);
}
