// Timing helpers: warm-up, then the median of several runs, each after a garbage collection.
import { performance } from 'node:perf_hooks';

const collectGarbage = (globalThis as { gc?: () => void }).gc;

export interface Timing {
  medianMs: number;
  /** Median CPU time of this process per run: less disturbed than wall time on a busy machine. */
  medianCpuMs: number;
  runs: number;
  allMs: number[];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * `collectFirst` (the default) forces a full collection before each run, so one run's garbage is
 * not charged to the next. On this kind of VM it also hands memory back, and the next run pays to
 * touch it again; pass false to time back-to-back runs as an editor makes them, with the
 * collections they cause counted where they fall.
 */
export async function timeRuns(run: () => unknown, runs: number, warmups = 1, collectFirst = true): Promise<Timing> {
  for (let i = 0; i < warmups; i++) await run();
  const allMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (collectFirst) collectGarbage?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    await run();
    allMs.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  return { medianMs: median(allMs), medianCpuMs: median(cpuMs), runs, allMs };
}

export const MIB = 1024 * 1024;

export function mbPerSecond(text: string, ms: number): number {
  return Buffer.byteLength(text, 'utf8') / MIB / (ms / 1000);
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
