// Times the checking pipeline stage by stage on generated bulletins (the benchmark's corpus), so a
// speed change can be measured before and after without running the whole benchmark.
//
//   node --expose-gc --import tsx scripts/profile-check.ts [--only=full1mb|full50k|edit|10mb] [--runs=N]
//   node --cpu-prof --import tsx scripts/profile-check.ts --only=full1mb   (then scripts/profile-summary.ts)
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildBulletin, loadCorpusSource } from '../bench/corpus';
import { checkDocument, CheckCache } from '../src/core/check';
import { defaultGlossary } from '../src/core/glossary/default';
import { parseProse } from '../src/core/prose/parse';

const REPO = resolve(__dirname, '..');
const MIB = 1024 * 1024;
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const only = args.only as string | undefined;
const runs = Number(args.runs ?? 7);
const gc = (globalThis as { gc?: () => void }).gc;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** CPU time of this process in ms: steadier than wall time while other work shares the machine. */
function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function time(run: () => unknown, count: number): { median: number; cpu: number; all: number[] } {
  const all: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < count; i++) {
    gc?.();
    const c = cpuNow();
    const start = performance.now();
    run();
    all.push(performance.now() - start);
    cpu.push(cpuNow() - c);
  }
  return { median: median(all), cpu: median(cpu), all };
}

const r = (n: number) => Math.round(n * 100) / 100;

const t0 = performance.now();
const glossary = defaultGlossary();
console.log(`load ${loadavg().map((v) => v.toFixed(2)).join(' ')}; default glossary parse ${r(performance.now() - t0)} ms`);

const source = loadCorpusSource(REPO);
const text50k = buildBulletin(source, 50 * 1024, 7);
const text1mb = buildBulletin(source, MIB, 7);

const t1 = performance.now();
checkDocument(text50k, { glossary });
console.log(`first (cold) 50KB check ${r(performance.now() - t1)} ms`);
for (let i = 0; i < 3; i++) checkDocument(text50k, { glossary });

if (!only || only === 'full50k') {
  const t = time(() => checkDocument(text50k, { glossary }), runs * 3);
  console.log(`50KB full: median ${r(t.median)} ms (cpu ${r(t.cpu)} ms)`);
}
if (!only || only === 'full1mb') {
  const p = time(() => parseProse(text1mb), runs);
  console.log(`1MB parseProse: median ${r(p.median)} ms (cpu ${r(p.cpu)} ms)`);
  const t = time(() => checkDocument(text1mb, { glossary }), runs);
  console.log(`1MB full: median ${r(t.median)} ms (cpu ${r(t.cpu)} ms) [${t.all.map(r).join(', ')}]`);
}
if (!only || only === 'edit') {
  const cache = new CheckCache();
  checkDocument(text1mb, { glossary, cache });
  let current = text1mb;
  // --warm=N untimed edits first, so the garbage of the first full check is collected before timing.
  for (let i = 0; i < Number(args.warm ?? 0); i++) {
    const at = Math.floor(current.length * ((i * 0.37) % 1));
    current = current.slice(0, at) + 'e' + current.slice(at);
    checkDocument(current, { glossary, cache });
  }
  // --profile=FILE records a CPU profile of the edits alone.
  const session = args.profile ? new Session() : undefined;
  session?.connect();
  session?.post('Profiler.enable');
  session?.post('Profiler.start');
  const times: number[] = [];
  const cpus: number[] = [];
  const analysed: number[] = [];
  for (let i = 0; i < Math.max(runs, 9); i++) {
    let at = Math.floor(((i + 0.5) / Math.max(runs, 9)) * current.length);
    while (at < current.length && !/[a-z]/i.test(current[at - 1] ?? '')) at++;
    current = current.slice(0, at) + 'e' + current.slice(at);
    // --flat: an editor hands over a flat string; reading one character makes V8 flatten this one untimed.
    if (args.flat) current.charCodeAt(0);
    const c = cpuNow();
    const start = performance.now();
    const result = checkDocument(current, { glossary, cache });
    times.push(performance.now() - start);
    cpus.push(cpuNow() - c);
    analysed.push(result.blocksAnalysed);
  }
  session?.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(args.profile, JSON.stringify(result.profile));
  });
  console.log(`1MB one-character edit: median ${r(median(times))} ms (cpu ${r(median(cpus))} ms) [${times.map(r).join(', ')}] blocks ${analysed.join(',')}`);
}
if (only === '10mb') {
  const text10 = buildBulletin(source, 10 * MIB, 7);
  const c = cpuNow();
  const start = performance.now();
  checkDocument(text10, { glossary });
  console.log(`10MB full: ${r(performance.now() - start)} ms (cpu ${r(cpuNow() - c)} ms); peak RSS ${r(process.resourceUsage().maxRSS / 1024)} MB`);
}
