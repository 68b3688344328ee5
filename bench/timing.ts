// Timing helpers: warm-up, then the median of several runs, each after a garbage collection.
import { performance } from 'node:perf_hooks';

const collectGarbage = (globalThis as { gc?: () => void }).gc;

export interface Timing {
  medianMs: number;
  runs: number;
  allMs: number[];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function timeRuns(run: () => unknown, runs: number, warmups = 1): Promise<Timing> {
  for (let i = 0; i < warmups; i++) await run();
  const allMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage?.();
    const start = performance.now();
    await run();
    allMs.push(performance.now() - start);
  }
  return { medianMs: median(allMs), runs, allMs };
}

export const MIB = 1024 * 1024;

export function mbPerSecond(text: string, ms: number): number {
  return Buffer.byteLength(text, 'utf8') / MIB / (ms / 1000);
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
