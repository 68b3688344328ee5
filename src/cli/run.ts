// runCli: the whole command, with its surroundings (streams, file system, terminal) passed in.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../core/rules/index';
import { parseProse } from '../core/prose/parse';
import { parseSuppressions } from '../core/suppressions';
import type { RuleSetting } from '../core/check';
import { HELP_TEXT, parseArgs, UsageError, type CliOptions } from './args';
import { ConfigResolver, displayPath } from './config';
import { buildCheckConfig, type CheckConfig, type ConfigSpec, type EngineOptions, type FileOutcome, type PlacedFinding } from './engine';
import { checkFile, type ReadBytes } from './checker';
import { WorkerPool } from './pool';
import { resolveTargets } from './targets';
import { VERSION } from './product';
import { emptyTally, palette, stylishFile, stylishSummary, type Tally } from './formats/stylish';
import { JsonArrayWriter, toJsonFindings } from './formats/json';
import { buildSarif, type RuleInfo, type SarifFileInput, type SarifNotification } from './formats/sarif';
import { renderCsvReport, renderMarkdownReport, type ClaimRow } from '../core/report/claimsReport';

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(chunk: string): void;
  stderr(chunk: string): void;
  stdoutIsTTY: boolean;
  cpuCount: number;
  /** Given only by tests: files are then read through it and checked in this thread. */
  readFile?: ReadBytes;
  writeFile(file: string, text: string): Promise<void>;
  /** Given only by tests: modules each worker thread loads before checking. */
  workerPreload?: string[];
}

export function nodeIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (chunk) => void process.stdout.write(chunk),
    stderr: (chunk) => void process.stderr.write(chunk),
    stdoutIsTTY: process.stdout.isTTY === true,
    cpuCount: os.availableParallelism?.() ?? os.cpus().length,
    writeFile: (file, text) => fs.writeFile(file, text, 'utf8'),
  };
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

/** Every rule a user may name with --rule, with what SARIF needs to describe it. */
export function knownRules(): RuleInfo[] {
  const rules: RuleInfo[] = allRules.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity }));
  const suppressionRule = parseSuppressions(parseProse(''), new Set()).ruleId;
  if (!rules.some((r) => r.id === suppressionRule)) {
    rules.push({ id: suppressionRule, description: 'Reports suppression comments that are malformed or name no known rule.', defaultSeverity: 'warning' });
  }
  return rules;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  const rules = knownRules();
  try {
    options = parseArgs(argv);
    if (options.help || options.version) {
      io.stdout(options.help ? HELP_TEXT : `${VERSION}\n`);
      return EXIT_CLEAN;
    }
    if (options.targets.length === 0) throw new UsageError('No files, directories or globs to check.');
    const unknown = Object.keys(options.rules).filter((id) => !rules.some((r) => r.id === id));
    if (unknown.length > 0) {
      throw new UsageError(`Unknown rule '${unknown[0]}'. Known rules: ${rules.map((r) => r.id).join(', ') || 'none'}.`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`bulletin-check: ${error.message}\nRun 'bulletin-check --help' for usage.\n`);
    return EXIT_TROUBLE;
  }
  return new CliRun(options, io, rules).run();
}

class CliRun {
  private trouble = false;
  private readonly tally: Tally = emptyTally();
  private readonly notifications: SarifNotification[] = [];
  private readonly colours;
  private readonly engineOptions: EngineOptions;

  constructor(
    private readonly options: CliOptions,
    private readonly io: CliIo,
    private readonly rules: RuleInfo[],
  ) {
    const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
    this.colours = palette(options.color ?? (io.stdoutIsTTY && !noColor));
    const ruleSettings: Record<string, RuleSetting> = {};
    for (const [id, level] of Object.entries(options.rules)) ruleSettings[id] = { severity: level };
    this.engineOptions = { rules: ruleSettings, minimumSms: options.minimumSms, claimsReport: options.report === 'claims' };
  }

  async run(): Promise<number> {
    const started = performance.now();
    const readBytes: ReadBytes = this.io.readFile ?? ((file) => fs.readFile(file));
    const targets = await resolveTargets(this.options.targets, this.io.cwd);
    for (const problem of targets.problems) this.problem(problem);

    const configs = new ConfigResolver(this.io.cwd, this.options, readBytes);
    // One at a time, so configuration problems are always reported in the same order.
    const keys: string[] = [];
    for (const file of targets.files) keys.push(await configs.keyFor(file));
    for (const problem of configs.problems) {
      if (problem.severity === 'error') this.problem(problem.line);
      else this.warn(problem.line);
    }

    const output = this.openOutputs();
    const outcomes = await this.checkAll(targets.files, keys, configs.specs, readBytes, (outcome) => this.report(outcome, output));
    output.finish();
    if (!(await output.save())) this.trouble = true;

    if (this.options.stats) this.printStats(outcomes, performance.now() - started);
    return this.exitCode();
  }

  private problem(line: string): void {
    this.trouble = true;
    this.notifications.push({ level: 'error', text: line });
    this.io.stderr(`bulletin-check: ${line}\n`);
  }

  private warn(line: string): void {
    this.notifications.push({ level: 'warning', text: line });
    this.io.stderr(`bulletin-check: warning: ${line}\n`);
  }

  private jobCount(fileCount: number): number {
    if (this.io.readFile) return 1;
    return Math.max(1, Math.min(this.options.jobs ?? this.io.cpuCount, fileCount));
  }

  /** Checks every file, calling `onOutcome` in file order however the work is spread. */
  private async checkAll(
    files: string[],
    keys: string[],
    specs: ReadonlyMap<string, ConfigSpec>,
    readBytes: ReadBytes,
    onOutcome: (outcome: FileOutcome) => void,
  ): Promise<FileOutcome[]> {
    const jobs = this.jobCount(files.length);
    const outcomes: FileOutcome[] = new Array(files.length);
    if (jobs <= 1) {
      const built = new Map<string, CheckConfig>();
      const configFor = (key: string): CheckConfig => {
        let config = built.get(key);
        if (!config) built.set(key, (config = buildCheckConfig(specs.get(key)!)));
        return config;
      };
      for (let i = 0; i < files.length; i++) {
        outcomes[i] = await checkFile(files[i], () => configFor(keys[i]), this.engineOptions, readBytes);
        onOutcome(outcomes[i]);
      }
      return outcomes;
    }
    const pool = new WorkerPool(jobs, this.engineOptions, this.io.workerPreload ?? [], specs);
    let nextToReport = 0;
    try {
      await Promise.all(
        files.map(async (file, i) => {
          outcomes[i] = await pool.check(file, keys[i]);
          // Stream in the order given, whatever order the workers finish in.
          while (nextToReport < files.length && outcomes[nextToReport]) onOutcome(outcomes[nextToReport++]);
        }),
      );
    } finally {
      await pool.close();
    }
    return outcomes;
  }

  private visible(findings: readonly PlacedFinding[]): PlacedFinding[] {
    return this.options.quiet ? findings.filter((f) => f.severity === 'error') : [...findings];
  }

  private report(outcome: FileOutcome, output: Outputs): void {
    const shown = displayPath(this.io.cwd, outcome.file);
    if (outcome.error) this.problem(`${shown}: ${outcome.error}`);
    for (const failure of outcome.ruleFailures) {
      const reason = failure.error.split('\n')[0];
      this.warn(`rule '${failure.ruleId}' failed on ${shown}, so its findings are missing: ${reason}`);
    }
    const findings = this.visible(outcome.findings);
    for (const finding of findings) this.tally[finding.severity]++;
    output.file(outcome, shown, findings);
  }

  private openOutputs(): Outputs {
    const { options, io } = this;
    const toFile: string[] = [];
    const writeFindings = options.output && !options.report ? (chunk: string) => void toFile.push(chunk) : options.report && !options.output ? undefined : io.stdout;
    const json = options.format === 'json' && writeFindings ? new JsonArrayWriter(writeFindings) : undefined;
    const sarifFiles: SarifFileInput[] = [];
    const claims: (ClaimRow & { file: string })[] = [];
    return {
      file: (outcome, shown, findings) => {
        if (options.report) for (const row of outcome.claims) claims.push({ file: shown, ...row });
        if (!writeFindings) return;
        if (options.format === 'stylish') writeFindings(stylishFile(shown, findings, this.colours));
        else if (json) json.items(toJsonFindings(shown, findings));
        else if (!outcome.error) sarifFiles.push({ file: outcome.file, findings });
      },
      finish: () => {
        if (writeFindings) {
          if (options.format === 'stylish') writeFindings(stylishSummary(this.tally, this.colours));
          else if (json) json.end();
          else writeFindings(`${JSON.stringify(buildSarif(io.cwd, this.rules, sarifFiles, this.notifications, !this.trouble), null, 2)}\n`);
        }
        if (options.report) {
          const report = options.reportFormat === 'csv' ? renderCsvReport(claims) : renderMarkdownReport(reportTitle(options.targets), claims);
          if (options.output) toFile.push(report);
          else io.stdout(report);
        }
      },
      save: async () => {
        if (!options.output) return true;
        const target = path.resolve(io.cwd, options.output);
        try {
          await io.writeFile(target, toFile.join(''));
          return true;
        } catch (error) {
          io.stderr(`bulletin-check: ${options.output}: cannot write: ${error instanceof Error ? error.message : String(error)}\n`);
          return false;
        }
      },
    };
  }

  private printStats(outcomes: FileOutcome[], milliseconds: number): void {
    const bytes = outcomes.reduce((sum, o) => sum + o.bytes, 0);
    const seconds = milliseconds / 1000;
    const perSecond = seconds > 0 ? (outcomes.length / seconds).toFixed(1) : String(outcomes.length);
    const jobs = this.jobCount(outcomes.length);
    this.io.stderr(
      `Checked ${outcomes.length} ${outcomes.length === 1 ? 'file' : 'files'} (${(bytes / 1024).toFixed(1)} KiB) in ${milliseconds.toFixed(0)} ms with ${jobs} ${jobs === 1 ? 'job' : 'jobs'}: ${perSecond} files per second.\n`,
    );
  }

  private exitCode(): number {
    if (this.trouble) return EXIT_TROUBLE;
    if (this.tally.error > 0) return EXIT_FINDINGS;
    const limit = this.options.maxWarnings;
    if (limit !== undefined && this.tally.warning > limit) {
      this.io.stderr(`bulletin-check: too many warnings (${this.tally.warning}); the limit is ${limit}.\n`);
      return EXIT_FINDINGS;
    }
    return EXIT_CLEAN;
  }
}

function reportTitle(targets: readonly string[]): string {
  return targets.length <= 3 ? targets.join(', ') : `${targets.slice(0, 3).join(', ')} and ${targets.length - 3} more`;
}

interface Outputs {
  file(outcome: FileOutcome, shown: string, findings: PlacedFinding[]): void;
  finish(): void;
  /** Writes --output; false when that failed. */
  save(): Promise<boolean>;
}
