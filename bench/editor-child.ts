// The editor figures: a 50 KB check and a one-character edit in a 1 MB bulletin, timed in a
// process of their own (run by run.ts), holding nothing but Bulletin Checker, as an extension host
// would: the comparison tools' heaps and the collections they leave behind stay in the main
// process. Prints one JSON object.
//   node --expose-gc --import tsx bench/editor-child.ts
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildBulletin, loadCorpusSource } from './corpus';
import { checkWithOurs, CheckCache, loadOurSetup } from './ours';
import { median, MIB, timeRuns } from './timing';

/**
 * Untimed runs first: an editor's checker runs for hours, and in a fresh process V8 is still
 * compiling the checking path for the first hundred or so checks (CPU time then runs well above
 * wall time, the compiler working on another thread).
 */
export const EDITOR_WARMUPS = 200;
export const EDIT_WARMUPS = 60;

/**
 * Re-checks after one-character insertions spread through the bulletin, reusing one cache: a few
 * untimed edits first to warm up the incremental path, then each timed edit (after a forced garbage
 * collection when `collectFirst`). The edited text is made flat before timing:
 * `a + 'e' + b` gives V8 a rope that the first read copies in full, whereas an editor hands the
 * checker a plain string (document.getText()), so that copy is the benchmark's, not the checker's.
 */
export function timeIncrementalEdits(text: string, setup: ReturnType<typeof loadOurSetup>, edits = 9, warmups = 5, collectFirst = true) {
  const cache = new CheckCache();
  checkWithOurs(text, setup, cache);
  let current = text;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const blocksAnalysed: number[] = [];
  const collectGarbage = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < warmups + edits; i++) {
    // Spread the edits through the text and land each just after a letter, as typing would.
    const timed = i >= warmups;
    const slot = timed ? i - warmups : i;
    const spread = timed ? edits : warmups;
    let at = Math.floor(((slot + 0.5) / spread) * current.length);
    while (at < current.length && !/[a-z]/i.test(current[at - 1] ?? '')) at++;
    current = flatten(current.slice(0, at) + 'e' + current.slice(at));
    if (collectFirst) collectGarbage?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = checkWithOurs(current, setup, cache);
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (!timed) continue;
    times.push(ms);
    cpuTimes.push((used.user + used.system) / 1000);
    blocksAnalysed.push(result.blocksAnalysed);
  }
  return { medianMs: median(times), medianCpuMs: median(cpuTimes), allMs: times, blocksAnalysed };
}

/** A flat copy of a string (UTF-16 round trip keeps lone surrogates as they are). */
function flatten(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}


async function main(): Promise<void> {
  const repo = resolve(__dirname, '..');
  const setup = loadOurSetup(repo);
  const source = loadCorpusSource(repo);
  // The same bulletins as the main table (seed 7).
  const small = buildBulletin(source, 50 * 1024, 7);
  const large = buildBulletin(source, MIB, 7);
  // Back to back first, as an editor makes the checks, each paying for the collections that fall
  // in it; then the same with a forced full collection before each run.
  // The first 21 checks in the process, for comparison: the code is still being compiled.
  const cold50KB = await timeRuns(() => checkWithOurs(small, setup), 21, 0, false);
  const steady50KB = await timeRuns(() => checkWithOurs(small, setup), 21, EDITOR_WARMUPS - 21, false);
  const steadyEdit = timeIncrementalEdits(large, setup, 9, EDIT_WARMUPS, false);
  const forced50KB = await timeRuns(() => checkWithOurs(small, setup), 21, 3, true);
  const forcedEdit = timeIncrementalEdits(large, setup, 9, EDIT_WARMUPS, true);
  process.stdout.write(
    JSON.stringify({
      median50KBms: steady50KB.medianMs,
      median50KBcpuMs: steady50KB.medianCpuMs,
      incrementalEdit1MBms: steadyEdit.medianMs,
      incrementalEdit1MBcpuMs: steadyEdit.medianCpuMs,
      blocksReanalysed: steadyEdit.blocksAnalysed,
      cold50KBms: cold50KB.medianMs,
      cold50KBcpuMs: cold50KB.medianCpuMs,
      forced: {
        median50KBms: forced50KB.medianMs,
        median50KBcpuMs: forced50KB.medianCpuMs,
        incrementalEdit1MBms: forcedEdit.medianMs,
        incrementalEdit1MBcpuMs: forcedEdit.medianCpuMs,
      },
    }) + '\n',
  );
}

if (require.main === module) void main();
