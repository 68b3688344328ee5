// The tools compared with Bulletin Checker, each behind the same "check this text" shape.
import { writeFileSync, mkdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Checker {
  name: string;
  /** Resolves once the whole text has been checked; returns how many problems were reported. */
  check(text: string): Promise<number> | number;
}

/** markdownlint through its library API with its default rule set (every rule on). */
export async function markdownlintChecker(): Promise<Checker> {
  const { lint } = (await import('markdownlint/sync')) as { lint: (o: unknown) => Record<string, unknown[]> };
  return {
    name: 'markdownlint',
    check: (text) => lint({ strings: { bulletin: text } }).bulletin.length,
  };
}

export function writeGoodChecker(): Checker {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const writeGood = require('write-good') as (text: string) => unknown[];
  return { name: 'write-good', check: (text) => writeGood(text).length };
}

interface PrhRule {
  expected: string;
  pattern: string;
}

/**
 * prh rules from the default glossary's discouraged forms (form -> preferred), so textlint does the
 * same kind of terminology check as ours.
 */
export function prhRulesFromGlossary(glossaryYaml: string | undefined): PrhRule[] {
  if (glossaryYaml === undefined) return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('yaml') as typeof import('yaml');
  const rules: PrhRule[] = [];
  let data: unknown;
  try {
    data = parse(glossaryYaml);
  } catch {
    return [];
  }
  const entries = (data as { entries?: unknown })?.entries;
  if (!Array.isArray(entries)) return [];
  for (const entry of entries) {
    const discouraged = (entry as { discouraged?: unknown })?.discouraged;
    if (!Array.isArray(discouraged)) continue;
    for (const d of discouraged) {
      const form = (d as { form?: unknown })?.form;
      const preferred = (d as { preferred?: unknown })?.preferred;
      if (typeof form === 'string' && typeof preferred === 'string' && form.trim() && !preferred.includes(form)) {
        rules.push({ expected: preferred, pattern: form });
      }
    }
  }
  return rules;
}

function prhYaml(rules: PrhRule[]): string {
  const quote = (s: string) => JSON.stringify(s);
  const lines = ['version: 1', 'rules:'];
  for (const r of rules) {
    lines.push(`  - expected: ${quote(r.expected)}`, `    pattern: ${quote(r.pattern)}`, '    options:', '      wordBoundary: true');
  }
  if (rules.length === 0) lines.push('  []');
  return lines.join('\n') + '\n';
}

/** textlint (kernel + Markdown plugin) with textlint-rule-prh reading a generated prh YAML. */
export async function textlintPrhChecker(generatedDir: string, rules: PrhRule[]): Promise<Checker> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { TextlintKernel } = require('@textlint/kernel');
  const markdownPlugin = require('@textlint/textlint-plugin-markdown');
  const prhRule = require('textlint-rule-prh');
  /* eslint-enable @typescript-eslint/no-require-imports */
  mkdirSync(generatedDir, { recursive: true });
  const prhFile = join(generatedDir, 'prh.yml');
  writeFileSync(prhFile, prhYaml(rules.length ? rules : [{ expected: 'people on probation', pattern: 'offenders' }]));
  const kernel = new TextlintKernel();
  const options = {
    ext: '.md',
    plugins: [{ pluginId: 'markdown', plugin: markdownPlugin.default ?? markdownPlugin }],
    rules: [{ ruleId: 'prh', rule: prhRule.default ?? prhRule, options: { rulePaths: [prhFile] } }],
    configBaseDir: generatedDir,
  };
  return {
    name: 'textlint+prh',
    check: async (text) => (await kernel.lintText(text, options)).messages.length,
  };
}

export function readIfPresent(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
