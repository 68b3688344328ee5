// Shared by the term-rule tests: the small fixture glossary, one rule's findings, and fixes applied.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../src/core/check';
import { parseGlossary } from '../../src/core/glossary/load';
import type { Finding, Fix, Glossary } from '../../src/core/types';

let small: Glossary | undefined;

export function smallGlossary(): Glossary {
  small ??= parseGlossary(readFileSync(join(__dirname, '../fixtures/glossaries/small.yaml'), 'utf8'), 'small.yaml').glossary;
  return small;
}

export function findings(ruleId: string, text: string, glossary = smallGlossary()): Finding[] {
  return checkDocument(text, { glossary }).findings.filter((f) => f.ruleId === ruleId);
}

/** The flagged text of each finding. */
export function flagged(ruleId: string, text: string): string[] {
  return findings(ruleId, text).map((f) => text.slice(f.range.start, f.range.end));
}

export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.start - a.range.start);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  return result;
}
