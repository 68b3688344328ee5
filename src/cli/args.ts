// Command-line arguments → options. Pure: no file system, no process; errors are thrown as UsageError.
import type { Severity } from '../core/types';

export type OutputFormat = 'stylish' | 'json' | 'sarif';
export type ReportFormat = 'markdown' | 'csv';
export type RuleLevel = Severity | 'off';

export interface CliOptions {
  /** Files, directories and globs, in the order given. */
  targets: string[];
  format: OutputFormat;
  glossaryFiles: string[];
  useDefaultGlossary: boolean;
  registryFiles: string[];
  /** Rule id → level, later flags winning. */
  rules: Record<string, RuleLevel>;
  minimumSms: number | undefined;
  /** Undefined means any number of warnings is allowed. */
  maxWarnings: number | undefined;
  quiet: boolean;
  jobs: number | undefined;
  report: 'claims' | undefined;
  reportFormat: ReportFormat;
  output: string | undefined;
  stats: boolean;
  /** Undefined: decide from the terminal and NO_COLOR. */
  color: boolean | undefined;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

const FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif'];
const REPORT_FORMATS: readonly ReportFormat[] = ['markdown', 'csv'];
const RULE_LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'information', 'hint'];

function defaults(): CliOptions {
  return {
    targets: [],
    format: 'stylish',
    glossaryFiles: [],
    useDefaultGlossary: true,
    registryFiles: [],
    rules: {},
    minimumSms: undefined,
    maxWarnings: undefined,
    quiet: false,
    jobs: undefined,
    report: undefined,
    reportFormat: 'markdown',
    output: undefined,
    stats: false,
    color: undefined,
    help: false,
    version: false,
  };
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Invalid value '${value}' for ${option}: expected ${allowed.join(', ')}.`);
}

function integer(option: string, value: string, minimum: number, maximum = Number.MAX_SAFE_INTEGER): number {
  const parsed = /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed) || parsed < minimum || parsed > maximum) {
    const range = maximum === Number.MAX_SAFE_INTEGER ? `a whole number of at least ${minimum}` : `a whole number from ${minimum} to ${maximum}`;
    throw new UsageError(`Invalid value '${value}' for ${option}: expected ${range}.`);
  }
  return parsed;
}

function ruleSetting(value: string): [string, RuleLevel] {
  const equals = value.indexOf('=');
  const id = equals > 0 ? value.slice(0, equals).trim() : '';
  if (!id) throw new UsageError(`Invalid value '${value}' for --rule: expected ID=${RULE_LEVELS.join('|')}.`);
  return [id, oneOf('--rule', value.slice(equals + 1).trim(), RULE_LEVELS)];
}

/** Options that take a value, and how each value is applied. */
const VALUED: Record<string, (options: CliOptions, value: string, name: string) => void> = {
  '--format': (o, v, n) => (o.format = oneOf(n, v, FORMATS)),
  '--glossary': (o, v) => o.glossaryFiles.push(v),
  '--registry': (o, v) => o.registryFiles.push(v),
  '--rule': (o, v) => {
    const [id, level] = ruleSetting(v);
    o.rules[id] = level;
  },
  '--min-sms': (o, v, n) => (o.minimumSms = integer(n, v, 1, 5)),
  // -1 means no limit, as in ESLint.
  '--max-warnings': (o, v, n) => {
    const limit = integer(n, v, -1);
    o.maxWarnings = limit < 0 ? undefined : limit;
  },
  '--jobs': (o, v, n) => (o.jobs = integer(n, v, 1, 256)),
  '--report': (o, v, n) => (o.report = oneOf(n, v, ['claims'] as const)),
  '--report-format': (o, v, n) => (o.reportFormat = oneOf(n, v, REPORT_FORMATS)),
  '--output': (o, v) => (o.output = v),
};

const FLAGS: Record<string, (options: CliOptions) => void> = {
  '--no-default-glossary': (o) => (o.useDefaultGlossary = false),
  '--quiet': (o) => (o.quiet = true),
  '--stats': (o) => (o.stats = true),
  '--color': (o) => (o.color = true),
  '--no-color': (o) => (o.color = false),
  '--help': (o) => (o.help = true),
  '--version': (o) => (o.version = true),
};

// British spellings of the conventional American option names.
const ALIASES: Record<string, string> = { '--colour': '--color', '--no-colour': '--no-color' };

const SHORT: Record<string, string> = { '-f': '--format', '-g': '--glossary', '-j': '--jobs', '-o': '--output', '-q': '--quiet', '-h': '--help', '-v': '--version' };

export function parseArgs(argv: readonly string[]): CliOptions {
  const options = defaults();
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--') {
      options.targets.push(...argv.slice(i + 1));
      break;
    }
    if (!argument.startsWith('-') || argument === '-') {
      options.targets.push(argument);
      continue;
    }
    const equals = argument.startsWith('--') ? argument.indexOf('=') : -1;
    const written = equals > 0 ? argument.slice(0, equals) : argument;
    const name = SHORT[written] ?? ALIASES[written] ?? written;
    const flag = FLAGS[name];
    if (flag) {
      if (equals > 0) throw new UsageError(`Option ${name} does not take a value.`);
      flag(options);
      continue;
    }
    const apply = VALUED[name];
    if (!apply) throw new UsageError(`Unknown option '${written}'.`);
    let value: string;
    if (equals > 0) value = argument.slice(equals + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    else throw new UsageError(`Option ${name} needs a value.`);
    apply(options, value, name);
  }
  return options;
}

export const HELP_TEXT = `Usage: bulletin-check [options] <files, directories or globs…>

Checks probation research bulletins (Markdown) against the A–Z glossary of key research
messages and flags unsupported causal claims. A directory is searched for *.md and *.markdown
files; node_modules folders are skipped.

Output:
  -f, --format stylish|json|sarif   How findings are printed (default: stylish)
  -q, --quiet                       Report errors only; warnings are neither shown nor counted
      --max-warnings N              Fail (exit 1) when there are more than N warnings
  -o, --output FILE                 Write the findings to FILE instead of stdout; with --report,
                                    write the claims report there and print the findings
      --report claims               Produce a table of every claim: file, line, sentence,
                                    classification, status and evidence (replaces the findings on
                                    stdout unless --output is given; the exit status is unchanged)
      --report-format markdown|csv  Format of the claims report (default: markdown)
      --stats                       Print files checked per second to stderr
      --colour, --no-colour         Force colour on or off (default: on for a terminal, unless NO_COLOR
                                    is set); --color and --no-color work too

Checking:
  -g, --glossary FILE               Glossary layered over the default one (repeatable)
      --no-default-glossary         Do not use the built-in A–Z glossary
      --registry FILE               Evidence registry of citation keys (repeatable)
      --rule ID=LEVEL               LEVEL is off, error, warning, information or hint (repeatable)
      --min-sms N                   SMS level (1–5) evidence must reach to support a causal claim
  -j, --jobs N                      Files checked at once (default: one per processor core)

  -h, --help                        Show this help
  -v, --version                     Show the version

A .bulletin-glossary.yaml or .bulletin-evidence.yaml in a checked file's folder or any folder
above it is used automatically, beneath any --glossary or --registry file.

Exit status: 0 no errors and warnings within --max-warnings; 1 otherwise;
2 a usage or configuration problem, or a file that could not be read.
`;
