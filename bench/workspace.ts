// Workspace benchmark: the CLI over a generated repository of bulletins, as CI would run it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildBulletin, type CorpusSource } from './corpus';
import { median } from './timing';

export interface WorkspaceResult {
  files: number;
  totalMb: number;
  /** Keyed by the `--jobs` value. */
  filesPerSecond: Record<string, number>;
  medianMs: Record<string, number>;
  exitCodes: Record<string, number | null>;
  skipped?: string;
}

const FOLDERS = 10;

function writeWorkspace(source: CorpusSource, files: number): { dir: string; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-bench-'));
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const folder = join(dir, 'bulletins', `area-${i % FOLDERS}`);
    if (i < FOLDERS) mkdirSync(folder, { recursive: true });
    // Real bulletins run from a few to a few tens of kilobytes.
    const text = buildBulletin(source, 4096 + ((i * 7919) % 16384), 1000 + i);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(folder, `bulletin-${String(i).padStart(4, '0')}.md`), text);
  }
  return { dir, bytes };
}

export function benchWorkspace(repoRoot: string, source: CorpusSource, files = 1000, runs = 3): WorkspaceResult {
  const cli = join(repoRoot, 'dist', 'cli.js');
  const empty = { files, totalMb: 0, filesPerSecond: {}, medianMs: {}, exitCodes: {} };
  if (!existsSync(cli)) return { ...empty, skipped: 'dist/cli.js is absent (build the CLI first)' };
  const { dir, bytes } = writeWorkspace(source, files);
  const result: WorkspaceResult = { ...empty, totalMb: bytes / (1024 * 1024) };
  try {
    for (const jobs of [1, 2]) {
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        const start = performance.now();
        const run = spawnSync(process.execPath, [cli, '--jobs', String(jobs), 'bulletins'], {
          cwd: dir,
          encoding: 'utf8',
          maxBuffer: 512 * 1024 * 1024,
        });
        times.push(performance.now() - start);
        result.exitCodes[String(jobs)] = run.status;
        // On a slow machine one run is all the time allows.
        if (times[0] > 60_000) r = runs;
        // Exit 1 means "findings reported"; anything else means the CLI did not finish its job.
        if (run.status !== 0 && run.status !== 1) {
          result.skipped = `CLI exited ${run.status} with --jobs ${jobs}: ${(run.stderr || run.error?.message || '').slice(0, 300)}`;
          return result;
        }
      }
      const ms = median(times);
      result.medianMs[String(jobs)] = ms;
      result.filesPerSecond[String(jobs)] = files / (ms / 1000);
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
