// Run in its own process by run.ts for the slow tools on the largest bulletin, so a tool that
// takes minutes can be stopped by a time limit: warms up on a small bulletin, then times one run.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { markdownlintChecker, prhRulesFromGlossary, readIfPresent, textlintPrhChecker, writeGoodChecker, type Checker } from './tools';

async function main(): Promise<void> {
  const [tool, file, warmFile] = process.argv.slice(2);
  const repo = resolve(__dirname, '..');
  const loaders: Record<string, () => Promise<Checker>> = {
    markdownlint: markdownlintChecker,
    'write-good': async () => writeGoodChecker(),
    'textlint+prh': () =>
      textlintPrhChecker(join(repo, 'bench', 'generated'), prhRulesFromGlossary(readIfPresent(join(repo, 'glossary', 'default.yaml')))),
  };
  const checker = await loaders[tool]();
  const warm = readFileSync(warmFile, 'utf8');
  for (let i = 0; i < 3; i++) await checker.check(warm);
  const text = readFileSync(file, 'utf8');
  const cpu = process.cpuUsage();
  const start = performance.now();
  const problems = await checker.check(text);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, problems }) + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
