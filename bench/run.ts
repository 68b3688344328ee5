// Speed benchmark: Bulletin Checker against markdownlint, write-good and textlint+prh on the same
// generated bulletins, in one process and one run. `--json` prints one JSON object on stdout.
//
//   npm run bench              human-readable table
//   npm run bench -- --json    machine-readable figures
//   npm run bench -- --quick   smaller sizes and fewer runs, to try the harness quickly
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { buildBulletin, loadCorpusSource } from './corpus';
import { checkWithOurs, loadOurSetup } from './ours';
import { EDIT_WARMUPS, EDITOR_WARMUPS } from './editor-child';
import { markdownlintChecker, prhRulesFromGlossary, readIfPresent, textlintPrhChecker, writeGoodChecker, type Checker } from './tools';
import { mbPerSecond, MIB, round, timeRuns } from './timing';
import { benchWorkspace, type WorkspaceResult } from './workspace';

const REPO = resolve(__dirname, '..');
const GENERATED = join(REPO, 'bench', 'generated');
const OURS = 'bulletin-checker';

const args = new Set(process.argv.slice(2));
const asJson = args.has('--json');
const quick = args.has('--quick');

/** Progress and warnings go to stderr so `--json` output stays parseable. */
const say = (line: string) => process.stderr.write(line + '\n');

interface SizeSpec {
  label: string;
  chars: number;
  runs: number;
}

const SIZES: SizeSpec[] = quick
  ? [
      { label: '50KB', chars: 50 * 1024, runs: 5 },
      { label: '1MB', chars: MIB, runs: 5 },
      { label: '10MB', chars: 2 * MIB, runs: 5 },
    ]
  : [
      { label: '50KB', chars: 50 * 1024, runs: 21 },
      { label: '1MB', chars: MIB, runs: 7 },
      { label: '10MB', chars: 10 * MIB, runs: 5 },
    ];

/** Time limit for one competitor run in a child process. */
const SLOW_LIMIT_MS = quick ? 60_000 : 150_000;
/** A competitor is timed in this process, several runs, only if that fits in this budget. */
const IN_PROCESS_BUDGET_MS = 90_000;

type PerSize = Record<string, number>;

const loadAtStart = loadavg();

async function main(): Promise<void> {
  const notes: string[] = [];
  const source = loadCorpusSource(REPO);
  const setup = loadOurSetup(REPO);
  if (setup.warning) {
    say(`WARNING: ${setup.warning}`);
    notes.push(setup.warning);
  }
  say(`corpus: ${source.description}; glossary entries: ${setup.glossary.entries.length}`);
  if (!(globalThis as { gc?: unknown }).gc) say('note: run with --expose-gc for steadier timings');

  const texts = new Map(SIZES.map((s) => [s.label, buildBulletin(source, s.chars, 7)]));

  const checkers: Checker[] = [{ name: OURS, check: (text) => checkWithOurs(text, setup).findings.length }];
  const prhRules = prhRulesFromGlossary(readIfPresent(join(REPO, 'glossary', 'default.yaml')));
  if (prhRules.length === 0) notes.push('glossary/default.yaml has no discouraged forms yet: prh runs with one stand-in rule');
  for (const [name, load] of [
    ['markdownlint', markdownlintChecker],
    ['write-good', async () => writeGoodChecker()],
    ['textlint+prh', () => textlintPrhChecker(GENERATED, prhRules)],
  ] as const) {
    try {
      checkers.push(await load());
    } catch (error) {
      const note = `${name} could not be loaded (${String(error).split('\n')[0]}); run npm --prefix bench install`;
      say(`WARNING: ${note}`);
      notes.push(note);
    }
  }

  const medianMs: Record<string, PerSize> = {};
  const cpuMs: Record<string, PerSize> = {};
  const mbps: Record<string, PerSize> = {};
  const runs: Record<string, PerSize> = {};
  const findings: Record<string, PerSize> = {};
  for (const checker of checkers) {
    medianMs[checker.name] = {};
    cpuMs[checker.name] = {};
    mbps[checker.name] = {};
    runs[checker.name] = {};
    findings[checker.name] = {};
    // Warm-up on the small bulletin so the JIT has seen every code path before timing.
    const warm = texts.get('50KB')!;
    for (let i = 0; i < 3; i++) await checker.check(warm);
  }

  for (const size of SIZES) {
    const text = texts.get(size.label)!;
    for (const checker of checkers) {
      const count = size.runs;
      if (checker.name !== OURS && size.label !== '50KB') {
        // Probe in a child process with a time limit: on these bulletins some tools grow
        // super-linearly and one run can take minutes. Fast enough, and it is timed here as usual.
        const probe = timeInChild(checker.name, text, texts.get('50KB')!);
        const fastEnough = probe.ms !== undefined && probe.ms * count <= IN_PROCESS_BUDGET_MS && size.label === '1MB';
        if (!fastEnough) {
          if (probe.ms === undefined) {
            notes.push(`${checker.name} @ ${size.label}: ${probe.error}`);
            say(`  ${checker.name} @ ${size.label}: ${probe.error}`);
            continue;
          }
          notes.push(`${checker.name} @ ${size.label}: one run in a separate process after warm-up (${size.label === '1MB' ? `too slow for ${count} runs here` : 'every other tool gets one run at this size'})`);
          medianMs[checker.name][size.label] = probe.ms;
          cpuMs[checker.name][size.label] = probe.cpuMs!;
          mbps[checker.name][size.label] = mbPerSecond(text, probe.ms);
          runs[checker.name][size.label] = 1;
          findings[checker.name][size.label] = probe.problems ?? 0;
          say(`  ${checker.name} @ ${size.label}: ${round(probe.ms)} ms (1 run, own process), ${probe.problems} problems`);
          continue;
        }
      }
      let problems = 0;
      const timing = await timeRuns(async () => (problems = await checker.check(text)), count, 0);
      medianMs[checker.name][size.label] = timing.medianMs;
      cpuMs[checker.name][size.label] = timing.medianCpuMs;
      mbps[checker.name][size.label] = mbPerSecond(text, timing.medianMs);
      runs[checker.name][size.label] = count;
      findings[checker.name][size.label] = problems;
      say(`  ${checker.name} @ ${size.label}: median ${round(timing.medianMs)} ms of ${count} runs, ${problems} problems`);
    }
  }

  const ratios: Record<string, PerSize> = {};
  for (const checker of checkers) {
    if (checker.name === OURS) continue;
    ratios[checker.name] = {};
    for (const size of SIZES) {
      const theirs = medianMs[checker.name][size.label];
      const ours = medianMs[OURS][size.label];
      if (theirs !== undefined && ours > 0) ratios[checker.name][size.label] = theirs / ours;
    }
  }

  const oneMb = texts.get('1MB')!;
  const fresh = checkWithOurs(oneMb, setup);
  const blockNote = `1MB bulletin: ${fresh.prose.blocks.length} prose blocks, ${fresh.blocksAnalysed} distinct`;
  say(blockNote);
  // The two editor figures, in a process of their own (see editor-child.ts).
  const editor = measureEditorFigures();
  if ('error' in editor) {
    say(`editor figures: ${editor.error}`);
    notes.push(`editor figures: ${editor.error}`);
  } else {
    say(`editor figures (own process, back to back after warm-up): 50KB median ${round(editor.median50KBms)} ms (cpu ${round(editor.median50KBcpuMs)}), one-character edit in 1MB median ${round(editor.incrementalEdit1MBms)} ms (cpu ${round(editor.incrementalEdit1MBcpuMs)}; ${editor.blocksReanalysed.join(', ')} blocks re-analysed)`);
    say(`  with a forced collection before each run: ${round(editor.forced.median50KBms)} ms (cpu ${round(editor.forced.median50KBcpuMs)}) and ${round(editor.forced.incrementalEdit1MBms)} ms (cpu ${round(editor.forced.incrementalEdit1MBcpuMs)}); the first 21 50KB checks in the process: ${round(editor.cold50KBms)} ms (cpu ${round(editor.cold50KBcpuMs)})`);
  }
  const fig = 'error' in editor ? undefined : editor;

  const rss = measurePeakRss(texts.get('10MB')!);
  say(`peak RSS checking ${SIZES[2].label} in a child process: ${rss.peakRssMb === undefined ? rss.error : round(rss.peakRssMb, 1) + ' MB'}`);

  let workspace: WorkspaceResult;
  if (quick) workspace = { files: 0, totalMb: 0, filesPerSecond: {}, medianMs: {}, exitCodes: {}, skipped: 'skipped with --quick' };
  else {
    say('workspace: generating 1,000 bulletins and timing the CLI…');
    workspace = benchWorkspace(REPO, source);
  }
  if (workspace.skipped) notes.push(`workspace bench: ${workspace.skipped}`);

  const report = {
    corpus: source.description,
    glossaryEntries: setup.glossary.entries.length,
    sizes: Object.fromEntries(SIZES.map((s) => [s.label, Buffer.byteLength(texts.get(s.label)!)])),
    mbPerSecond: mapValues(mbps, (v) => round(v, 2)),
    medianMs: mapValues(medianMs, (v) => round(v, 2)),
    medianCpuMs: mapValues(cpuMs, (v) => round(v, 2)),
    runs,
    findings,
    ratioToOtherTools: mapValues(ratios, (v) => round(v, 1)),
    ratioToMarkdownlint1MB: ratios['markdownlint']?.['1MB'] !== undefined ? round(ratios['markdownlint']['1MB'], 1) : null,
    median50KBms: fig ? round(fig.median50KBms, 3) : null,
    incrementalEdit1MBms: fig ? round(fig.incrementalEdit1MBms, 3) : null,
    editorFiguresCpuMs: fig ? { median50KB: round(fig.median50KBcpuMs, 3), incrementalEdit1MB: round(fig.incrementalEdit1MBcpuMs, 3) } : null,
    cold50KB: fig ? { medianMs: round(fig.cold50KBms, 3), medianCpuMs: round(fig.cold50KBcpuMs, 3) } : null,
    withForcedCollection: fig
      ? {
          median50KBms: round(fig.forced.median50KBms, 3),
          median50KBcpuMs: round(fig.forced.median50KBcpuMs, 3),
          incrementalEdit1MBms: round(fig.forced.incrementalEdit1MBms, 3),
          incrementalEdit1MBcpuMs: round(fig.forced.incrementalEdit1MBcpuMs, 3),
        }
      : null,
    incrementalBlocksReanalysed: fig?.blocksReanalysed ?? null,
    oneMbBlocks: { total: fresh.prose.blocks.length, distinct: fresh.blocksAnalysed },
    peakRss10MBmb: rss.peakRssMb === undefined ? null : round(rss.peakRssMb, 1),
    peakRssChild: rss,
    linearity10MBto1MB: round(medianMs[OURS]['10MB'] / medianMs[OURS]['1MB'], 2),
    workspace: {
      ...workspace,
      filesPerSecond: mapValues({ w: workspace.filesPerSecond }, (v) => round(v, 1)).w,
      totalMb: round(workspace.totalMb, 1),
    },
    node: process.version,
    loadAverageAtStart: loadAtStart.map((v) => round(v, 2)),
    loadAverageAtEnd: loadavg().map((v) => round(v, 2)),
    cpus: cpus().length,
    quick,
    notes,
  };

  if (asJson) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    return;
  }
  printTable(report.sizes, mbps, medianMs, cpuMs, runs, ratios);
  const lines = [
    '',
    `machine: ${report.cpus} CPUs, load average ${report.loadAverageAtStart.join(' ')} at start, ${report.loadAverageAtEnd.join(' ')} at end`,
    `median 50KB check (own process, back to back after ${EDITOR_WARMUPS} warm-up checks): ${report.median50KBms ?? 'n/a'} ms (cpu ${report.editorFiguresCpuMs?.median50KB ?? 'n/a'} ms)`,
    `incremental one-character edit, 1MB (own process, back to back after ${EDIT_WARMUPS} warm-up edits): median ${report.incrementalEdit1MBms ?? 'n/a'} ms (cpu ${report.editorFiguresCpuMs?.incrementalEdit1MB ?? 'n/a'} ms)`,
    `the same two with a forced full collection before each run: ${report.withForcedCollection?.median50KBms ?? 'n/a'} ms (cpu ${report.withForcedCollection?.median50KBcpuMs ?? 'n/a'} ms) and ${report.withForcedCollection?.incrementalEdit1MBms ?? 'n/a'} ms (cpu ${report.withForcedCollection?.incrementalEdit1MBcpuMs ?? 'n/a'} ms)`,
    `the first 21 50KB checks in that process, before the code is compiled: median ${report.cold50KB?.medianMs ?? 'n/a'} ms (cpu ${report.cold50KB?.medianCpuMs ?? 'n/a'} ms)`,
    `peak RSS, 10MB check in its own process: ${report.peakRss10MBmb ?? 'n/a'} MB`,
    `linearity, time(10MB) / time(1MB): ${report.linearity10MBto1MB} (10 = linear)`,
    workspace.skipped
      ? `workspace: skipped (${workspace.skipped})`
      : `workspace: ${workspace.files} bulletins, ${report.workspace.totalMb} MB: ` +
        Object.entries(report.workspace.filesPerSecond).map(([j, v]) => `--jobs ${j}: ${v} files/s`).join(', '),
  ];
  for (const line of lines) process.stdout.write(line + '\n');
  if (notes.length) process.stdout.write('\nnotes:\n' + notes.map((n) => `  - ${n}`).join('\n') + '\n');
}

function mapValues(table: Record<string, PerSize>, f: (v: number) => number): Record<string, PerSize> {
  return Object.fromEntries(
    Object.entries(table).map(([k, row]) => [k, Object.fromEntries(Object.entries(row).map(([s, v]) => [s, f(v)]))]),
  );
}

function timeInChild(tool: string, text: string, warm: string): { ms?: number; cpuMs?: number; problems?: number; error?: string } {
  mkdirSync(GENERATED, { recursive: true });
  const file = join(GENERATED, 'bulletin-largest.md');
  const warmFile = join(GENERATED, 'bulletin-warm.md');
  writeFileSync(file, text);
  writeFileSync(warmFile, warm);
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'bench', 'competitor-child.ts'), tool, file, warmFile], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: SLOW_LIMIT_MS,
  });
  if (child.error || child.signal) return { error: `skipped: no result within ${SLOW_LIMIT_MS / 1000} s` };
  if (child.status !== 0) return { error: `failed (exit ${child.status}): ${(child.stderr ?? '').slice(0, 200)}` };
  return JSON.parse(child.stdout.trim().split('\n').pop()!);
}

interface EditorFigures {
  median50KBms: number;
  median50KBcpuMs: number;
  incrementalEdit1MBms: number;
  incrementalEdit1MBcpuMs: number;
  blocksReanalysed: number[];
  cold50KBms: number;
  cold50KBcpuMs: number;
  forced: { median50KBms: number; median50KBcpuMs: number; incrementalEdit1MBms: number; incrementalEdit1MBcpuMs: number };
}

function measureEditorFigures(): EditorFigures | { error: string } {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(REPO, 'bench', 'editor-child.ts')], { cwd: REPO, encoding: 'utf8' });
  if (child.status !== 0) return { error: `child exited ${child.status}: ${(child.stderr ?? '').slice(0, 300)}` };
  try {
    return JSON.parse(child.stdout.trim().split('\n').pop()!) as EditorFigures;
  } catch {
    return { error: `unreadable output: ${child.stdout.slice(0, 200)}` };
  }
}

function measurePeakRss(text: string): { peakRssMb?: number; rssBeforeCheckMb?: number; checkMs?: number; error?: string } {
  mkdirSync(GENERATED, { recursive: true });
  const file = join(GENERATED, 'bulletin-10MB.md');
  writeFileSync(file, text);
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'bench', 'rss-child.ts'), file], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (child.status !== 0) return { error: `child exited ${child.status}: ${(child.stderr ?? '').slice(0, 300)}` };
  try {
    return JSON.parse(child.stdout.trim().split('\n').pop()!);
  } catch {
    return { error: `unreadable child output: ${child.stdout.slice(0, 200)}` };
  }
}

function printTable(
  sizes: Record<string, number>,
  mbps: Record<string, PerSize>,
  medianMs: Record<string, PerSize>,
  cpuMs: Record<string, PerSize>,
  runs: Record<string, PerSize>,
  ratios: Record<string, PerSize>,
): void {
  const out = (s: string) => process.stdout.write(s + '\n');
  out(`\n${'tool'.padEnd(18)}${'size'.padEnd(7)}${'bytes'.padStart(10)}${'runs'.padStart(6)}${'median ms'.padStart(12)}${'cpu ms'.padStart(12)}${'MB/s'.padStart(10)}${'ours is ×'.padStart(11)}`);
  for (const [tool, row] of Object.entries(medianMs)) {
    for (const size of Object.keys(sizes)) {
      const ms = row[size];
      const ratio = ratios[tool]?.[size];
      out(
        tool.padEnd(18) +
          size.padEnd(7) +
          String(sizes[size]).padStart(10) +
          (ms === undefined ? '—' : String(runs[tool][size])).padStart(6) +
          (ms === undefined ? 'skipped' : round(ms).toFixed(2)).padStart(12) +
          (cpuMs[tool]?.[size] === undefined ? '—' : round(cpuMs[tool][size]).toFixed(2)).padStart(12) +
          (ms === undefined ? '—' : round(mbps[tool][size]).toFixed(2)).padStart(10) +
          (ratio === undefined ? '' : `${round(ratio, 1)}`).padStart(11),
      );
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
