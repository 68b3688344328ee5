// Splits one full check of a generated 1 MB bulletin into its stages and times each (median of runs).
//   node --expose-gc --import tsx scripts/profile-stages.ts [--size=1048576] [--runs=5]
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { buildBulletin, loadCorpusSource } from '../bench/corpus';
import { checkDocument } from '../src/core/check';
import { defaultGlossary } from '../src/core/glossary/default';
import { compileGlossary } from '../src/core/glossary/matcher';
import { parseProse } from '../src/core/prose/parse';
import { splitSentences } from '../src/core/prose/sentences';
import { classifySentence } from '../src/core/claims/classifier';
import { allRules } from '../src/core/rules/index';

const size = Number(process.argv.find((a) => a.startsWith('--size='))?.slice(7) ?? 1024 * 1024);
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);
const gc = (globalThis as { gc?: () => void }).gc;
const glossary = defaultGlossary();
const text = buildBulletin(loadCorpusSource(resolve(__dirname, '..')), size, 7);
const index = compileGlossary(glossary);
const stages = new Map<string, number[]>();
const at = (name: string, ms: number) => (stages.get(name) ?? stages.set(name, []).get(name)!).push(ms);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];

// Each rule's entry points are wrapped so its own time is recorded inside the full check (claim
// and block rules are called many times per check, so their times are summed per check).
const perCheck = new Map<string, number>();
const add = (name: string, ms: number) => perCheck.set(name, (perCheck.get(name) ?? 0) + ms);
for (const rule of allRules) {
  const check = rule.check.bind(rule);
  rule.check = (context, report) => {
    const t = performance.now();
    check(context, report);
    add(`  rule ${rule.id}`, performance.now() - t);
  };
  const checkBlock = rule.checkBlock?.bind(rule);
  if (checkBlock) {
    rule.checkBlock = (block, report) => {
      const t = performance.now();
      checkBlock(block, report);
      add(`  rule ${rule.id}`, performance.now() - t);
    };
  }
  const checkClaim = rule.checkClaim?.bind(rule);
  if (checkClaim) {
    rule.checkClaim = (claim, context) => {
      const t = performance.now();
      const found = checkClaim(claim, context);
      add(`  rule ${rule.id} (lazy parts not made)`, performance.now() - t);
      return found;
    };
  }
}

for (let run = 0; run < runs + 1; run++) {
  gc?.();
  let t = performance.now();
  const prose = parseProse(text);
  at('parseProse', performance.now() - t);
  const blockTexts = prose.blocks.map((b) => prose.masked.slice(b.range.start, b.range.end));
  t = performance.now();
  const split = blockTexts.map((b) => splitSentences(b));
  at('splitSentences', performance.now() - t);
  t = performance.now();
  let n = 0;
  blockTexts.forEach((b, i) => split[i].forEach((s) => (classifySentence(b.slice(s.start, s.end)), n++)));
  at(`classify (${n} sentences)`, performance.now() - t);
  t = performance.now();
  blockTexts.forEach((b) => index.match(b, 0));
  at('term matching', performance.now() - t);
  gc?.();
  t = performance.now();
  perCheck.clear();
  const result = checkDocument(text, { glossary });
  const total = performance.now() - t;
  for (const [name, ms] of perCheck) at(name, ms);
  at('checkDocument total', total);
  void result;
}
console.log(`load ${loadavg().map((v) => v.toFixed(2)).join(' ')}; ${text.length} chars`);
for (const [name, values] of stages) console.log(`${name.padEnd(36)} ${median(values.slice(1)).toFixed(1)} ms`);
