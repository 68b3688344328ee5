// Robustness report: every hostile document family timed at n and 2n, the sizes the robustness
// issue names, and hostile glossary/registry files. Each case runs in its own process, so a crash
// or an out-of-memory is reported instead of ending the report, and peak memory is per case.
//
//   npm run report:hostile                 table
//   npm run report:hostile -- --json       one JSON object
//   npm run report:hostile -- --only A,B   just the cases whose name contains A or B
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkDocument } from '../src/core/check';
import type { Glossary } from '../src/core/types';
import { familyNamed, HOSTILE_FAMILIES, NAMED_SIZES, repeatTo } from '../test/fixtures/hostile/documents';
import { HOSTILE_CONFIGS } from '../test/fixtures/hostile/configs';
import { testGlossary } from '../test/fixtures/hostile/glossary';
import { chooseSize, measureGrowth, timeOnce } from '../test/fixtures/hostile/timing';

/** A timed check should take at least this long to measure reliably. */
const TARGET_MS = 200;
const GROWTH_LIMIT = 2.5;
const CONFIG_LIMIT_MS = 1000;
/** A family or named size gets this long; a config file far less, since it should take a second. */
const CHILD_TIMEOUT_MS = 600_000;
const CONFIG_TIMEOUT_MS = 120_000;

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

interface FamilyRow {
  name: string;
  description: string;
  n?: number;
  chars?: number;
  chars2?: number;
  ms?: number;
  ms2?: number;
  ratio?: number;
  findings?: number;
  peakRssMb?: number;
  crash?: string;
}

interface NamedRow {
  title: string;
  chars?: number;
  ms?: number;
  findings?: number;
  peakRssMb?: number;
  crash?: string;
}

interface ConfigRow {
  name: string;
  kind: string;
  description: string;
  bytes?: number;
  parseMs?: number;
  problems?: number;
  firstProblem?: string;
  entries?: number;
  /** Checking a 100 KB bulletin with what loaded (compiling the glossary included). */
  checkMs?: number;
  peakRssMb?: number;
  crash?: string;
  skipped?: string;
}

function describeError(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0].slice(0, 200);
}

function failuresOf(result: ReturnType<typeof checkDocument>): string | undefined {
  return result.ruleFailures.length ? `rule threw: ${result.ruleFailures.map((f) => `${f.ruleId} (${f.error.split('\n')[0]})`).join('; ')}` : undefined;
}

// ---------------------------------------------------------------------------------------------
// Child side: one case per process.
// ---------------------------------------------------------------------------------------------

function runFamily(name: string): FamilyRow {
  const family = familyNamed(name);
  const row: FamilyRow = { name, description: family.description };
  try {
    const { glossary } = testGlossary();
    const check = (text: string) => void checkDocument(text, { glossary });
    const n = chooseSize(family.build, family.start, family.reportMax, check, TARGET_MS);
    const growth = measureGrowth(family.build, n, check, 5);
    const result = checkDocument(family.build(n), { glossary });
    Object.assign(row, growth, { findings: result.findings.length, crash: failuresOf(result) });
  } catch (error) {
    row.crash = describeError(error);
  }
  row.peakRssMb = peakRssMb();
  return row;
}

function runNamed(index: number): NamedRow {
  const named = NAMED_SIZES[index];
  const row: NamedRow = { title: named.title };
  try {
    const { glossary } = testGlossary();
    const family = familyNamed(named.family);
    checkDocument(family.build(family.start), { glossary });
    const text = family.build(named.n);
    row.chars = text.length;
    let result: ReturnType<typeof checkDocument> | undefined;
    row.ms = timeOnce(() => (result = checkDocument(text, { glossary })));
    row.findings = result!.findings.length;
    row.crash = failuresOf(result!);
  } catch (error) {
    row.crash = describeError(error);
  }
  row.peakRssMb = peakRssMb();
  return row;
}

const PROBE_BULLETIN = repeatTo(
  'Supervision practice 7 cuts reoffending [@study5]. Desistance variant 99 is linked to (a+)+$ and a|b. RNR [@smith2021] drives desistance. ',
  100 * 1024,
);

function runConfig(name: string): ConfigRow {
  const config = HOSTILE_CONFIGS.find((c) => c.name === name)!;
  const row: ConfigRow = { name, kind: config.kind, description: config.description };
  try {
    const text = config.build();
    row.bytes = Buffer.byteLength(text);
    if (config.kind === 'glossary') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { parseGlossary } = require('../src/core/glossary/load') as typeof import('../src/core/glossary/load');
      if (typeof parseGlossary !== 'function') return { ...row, skipped: 'parseGlossary is not exported yet' };
      let parsed: ReturnType<typeof parseGlossary> | undefined;
      row.parseMs = timeOnce(() => (parsed = parseGlossary(text, 'hostile-glossary.yaml')));
      row.problems = parsed!.problems.length;
      row.firstProblem = parsed!.problems[0]?.message.slice(0, 120);
      row.entries = parsed!.glossary.entries.length;
      if (row.entries > 0) {
        const glossary: Glossary = parsed!.glossary;
        let result: ReturnType<typeof checkDocument> | undefined;
        row.checkMs = timeOnce(() => (result = checkDocument(PROBE_BULLETIN, { glossary })));
        row.crash = failuresOf(result!);
      }
    } else {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { parseRegistry } = require('../src/core/claims/registry') as typeof import('../src/core/claims/registry');
      if (typeof parseRegistry !== 'function') return { ...row, skipped: 'parseRegistry is not exported yet' };
      let parsed: ReturnType<typeof parseRegistry> | undefined;
      row.parseMs = timeOnce(() => (parsed = parseRegistry(text, 'hostile-registry.yaml')));
      row.problems = parsed!.problems.length;
      row.firstProblem = parsed!.problems[0]?.message.slice(0, 120);
      row.entries = parsed!.registry.entries.size;
      if (row.entries > 0) {
        const registry = parsed!.registry;
        let result: ReturnType<typeof checkDocument> | undefined;
        row.checkMs = timeOnce(() => (result = checkDocument(PROBE_BULLETIN, { glossary: testGlossary().glossary, registry })));
        row.crash = failuresOf(result!);
      }
    }
  } catch (error) {
    row.crash = describeError(error);
  }
  row.peakRssMb = peakRssMb();
  return row;
}

// ---------------------------------------------------------------------------------------------
// Parent side: run every case in a child and print the table.
// ---------------------------------------------------------------------------------------------

function inChild<T extends object>(args: string[], fallback: T, timeout = CHILD_TIMEOUT_MS): T {
  const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', __filename, '--child', ...args], {
    cwd: join(__dirname, '..'),
    encoding: 'utf8',
    timeout,
    maxBuffer: 16 * 1024 * 1024,
  });
  const last = child.stdout?.trim().split('\n').pop();
  if (child.status === 0 && last) return JSON.parse(last) as T;
  const reason = child.signal
    ? child.signal === 'SIGTERM'
      ? `no result within ${timeout / 1000} s`
      : `killed by ${child.signal}`
    : `process exited ${child.status}: ${(child.stderr ?? '').trim().split('\n').filter(Boolean).slice(-1)[0] ?? ''}`;
  return { ...fallback, crash: reason.slice(0, 200) };
}

const fmt = (v: number | undefined, digits = 1) => (v === undefined ? '—' : v.toFixed(digits));

function printReport(families: FamilyRow[], named: NamedRow[], configs: ConfigRow[]): void {
  const out = (s = '') => process.stdout.write(s + '\n');
  out(`Hostile documents: CPU time of one check at n and 2n (median of 5), growth limit ×${GROWTH_LIMIT}`);
  out(`${'family'.padEnd(22)}${'chars n'.padStart(11)}${'chars 2n'.padStart(11)}${'ms n'.padStart(10)}${'ms 2n'.padStart(10)}${'×'.padStart(7)}${'MB/s'.padStart(8)}${'RSS MB'.padStart(8)}  result`);
  for (const r of families) {
    const mbps = r.chars2 && r.ms2 ? r.chars2 / 1048576 / (r.ms2 / 1000) : undefined;
    const verdict = r.crash ? `CRASH: ${r.crash}` : r.ratio! > GROWTH_LIMIT ? 'SUPER-LINEAR' : 'ok';
    out(
      r.name.padEnd(22) +
        String(r.chars ?? '—').padStart(11) +
        String(r.chars2 ?? '—').padStart(11) +
        fmt(r.ms).padStart(10) +
        fmt(r.ms2).padStart(10) +
        fmt(r.ratio, 2).padStart(7) +
        fmt(mbps, 2).padStart(8) +
        fmt(r.peakRssMb, 0).padStart(8) +
        `  ${verdict}`,
    );
  }
  out();
  out('Sizes the robustness issue names: one check each');
  for (const r of named) {
    out(`${r.title.padEnd(42)}${String(r.chars ?? '—').padStart(11)} chars${fmt(r.ms).padStart(11)} ms${fmt(r.peakRssMb, 0).padStart(7)} MB RSS  ${r.crash ? `CRASH: ${r.crash}` : `ok (${r.findings} findings)`}`);
  }
  out();
  out(`Hostile glossaries and registries: CPU time to parse (limit ${CONFIG_LIMIT_MS} ms), then to check a 100 KB bulletin with what loaded`);
  out(`${'case'.padEnd(28)}${'bytes'.padStart(11)}${'parse ms'.padStart(10)}${'problems'.padStart(10)}${'entries'.padStart(9)}${'check ms'.padStart(10)}${'RSS MB'.padStart(8)}  result`);
  for (const r of configs) {
    const verdict = r.skipped
      ? `skipped: ${r.skipped}`
      : r.crash
        ? `CRASH: ${r.crash}`
        : r.parseMs! <= CONFIG_LIMIT_MS
          ? r.problems
            ? `problems: ${r.firstProblem}`
            : 'loaded'
          : `SLOW${r.problems ? ` (problems: ${r.firstProblem})` : ''}`;
    out(
      r.name.padEnd(28) +
        String(r.bytes ?? '—').padStart(11) +
        fmt(r.parseMs).padStart(10) +
        String(r.problems ?? '—').padStart(10) +
        String(r.entries ?? '—').padStart(9) +
        fmt(r.checkMs).padStart(10) +
        fmt(r.peakRssMb, 0).padStart(8) +
        `  ${verdict}`,
    );
  }
}

function main(): void {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const [, kind, id] = argv;
    const row = kind === 'family' ? runFamily(id) : kind === 'named' ? runNamed(Number(id)) : runConfig(id);
    process.stdout.write(JSON.stringify(row) + '\n');
    return;
  }
  const asJson = argv.includes('--json');
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? argv[onlyAt + 1] : undefined;
  const wanted = (name: string) => !only || only.split(',').some((part) => name.includes(part));
  const progress = (s: string) => process.stderr.write(s + '\n');
  progress(`glossary for the document checks: ${testGlossary().origin}`);

  const started = performance.now();
  const loadAtStart = loadavg();
  const families: FamilyRow[] = [];
  for (const f of HOSTILE_FAMILIES.filter((f) => wanted(f.name))) {
    progress(`family ${f.name}…`);
    families.push(inChild(['family', f.name], { name: f.name, description: f.description }));
  }
  const named: NamedRow[] = [];
  NAMED_SIZES.forEach((s, i) => {
    if (!wanted(s.family)) return;
    progress(`named size: ${s.title}…`);
    named.push(inChild(['named', String(i)], { title: s.title }));
  });
  const configs: ConfigRow[] = [];
  for (const c of HOSTILE_CONFIGS.filter((c) => wanted(c.name))) {
    progress(`config ${c.name}…`);
    configs.push(inChild(['config', c.name], { name: c.name, kind: c.kind, description: c.description }, CONFIG_TIMEOUT_MS));
  }
  const seconds = (performance.now() - started) / 1000;
  const load = (values: number[]) => values.map((v) => Math.round(v * 100) / 100);
  const machine = { node: process.version, cpus: cpus().length, loadAtStart: load(loadAtStart), loadAtEnd: load(loadavg()) };

  if (asJson) {
    process.stdout.write(JSON.stringify({ growthLimit: GROWTH_LIMIT, families, named, configs, seconds, machine }, null, 2) + '\n');
  } else {
    printReport(families, named, configs);
    process.stdout.write(`\n(${seconds.toFixed(0)} s, node ${machine.node}, ${machine.cpus} CPUs, load average ${machine.loadAtStart.join(' ')} at start, ${machine.loadAtEnd.join(' ')} at end)\n`);
  }
  const bad =
    families.some((r) => r.crash || (r.ratio ?? 0) > GROWTH_LIMIT) ||
    named.some((r) => r.crash) ||
    configs.some((r) => r.crash || (!r.skipped && (r.parseMs ?? 0) > CONFIG_LIMIT_MS));
  process.exitCode = bad ? 1 : 0;
}

main();
