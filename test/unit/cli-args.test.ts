import * as assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../src/cli/args';

describe('bulletin-check argument parsing', () => {
  it('uses stylish output, the default glossary and no warning limit when given only targets', () => {
    const options = parseArgs(['docs', 'a.md']);
    assert.deepEqual(options.targets, ['docs', 'a.md']);
    assert.equal(options.format, 'stylish');
    assert.equal(options.useDefaultGlossary, true);
    assert.equal(options.maxWarnings, undefined);
    assert.equal(options.jobs, undefined);
    assert.equal(options.quiet, false);
  });

  it('accepts values after a space or an equals sign, and short forms', () => {
    const options = parseArgs(['--format=json', '-j', '3', '--max-warnings', '0', '-o', 'out.json', 'x.md']);
    assert.equal(options.format, 'json');
    assert.equal(options.jobs, 3);
    assert.equal(options.maxWarnings, 0);
    assert.equal(options.output, 'out.json');
    assert.deepEqual(options.targets, ['x.md']);
  });

  it('collects repeated glossaries, registries and rule settings in order, the last setting winning', () => {
    const options = parseArgs([
      '--glossary', 'team.yaml', '-g', 'local.yaml', '--registry', 'evidence.yaml',
      '--rule', 'discouraged-term=off', '--rule', 'undefined-acronym=error', '--rule', 'discouraged-term=warning', 'a.md',
    ]);
    assert.deepEqual(options.glossaryFiles, ['team.yaml', 'local.yaml']);
    assert.deepEqual(options.registryFiles, ['evidence.yaml']);
    assert.deepEqual(options.rules, { 'discouraged-term': 'warning', 'undefined-acronym': 'error' });
  });

  it('reads the claims report, its format, --min-sms, --quiet, --stats and --no-default-glossary', () => {
    const options = parseArgs(['--report', 'claims', '--report-format', 'csv', '--min-sms', '4', '-q', '--stats', '--no-default-glossary', 'a.md']);
    assert.equal(options.report, 'claims');
    assert.equal(options.reportFormat, 'csv');
    assert.equal(options.minimumSms, 4);
    assert.equal(options.quiet, true);
    assert.equal(options.stats, true);
    assert.equal(options.useDefaultGlossary, false);
  });

  it('accepts --colour and --no-colour as well as the American spellings', () => {
    assert.equal(parseArgs(['--colour', 'a.md']).color, true);
    assert.equal(parseArgs(['--no-colour', 'a.md']).color, false);
    assert.equal(parseArgs(['--no-color', 'a.md']).color, false);
    assert.equal(parseArgs(['a.md']).color, undefined);
  });

  it('treats --max-warnings -1 as no limit, as ESLint does', () => {
    assert.equal(parseArgs(['--max-warnings', '-1', 'a.md']).maxWarnings, undefined);
  });

  it('takes everything after -- as a target, even when it looks like an option', () => {
    assert.deepEqual(parseArgs(['--', '--quiet', '-x.md']).targets, ['--quiet', '-x.md']);
  });

  const rejected: [string[], RegExp][] = [
    [['--bogus', 'a.md'], /Unknown option '--bogus'/],
    [['--format', 'xml', 'a.md'], /Invalid value 'xml' for --format: expected stylish, json, sarif/],
    [['--rule', 'discouraged-term', 'a.md'], /--rule: expected ID=off\|error\|warning\|information\|hint/],
    [['--rule', 'discouraged-term=loud', 'a.md'], /Invalid value 'loud' for --rule/],
    [['--min-sms', '6', 'a.md'], /--min-sms: expected a whole number from 1 to 5/],
    [['--jobs', '0', 'a.md'], /--jobs: expected a whole number from 1 to 256/],
    [['--max-warnings', 'many', 'a.md'], /--max-warnings: expected a whole number of at least -1/],
    [['--report', 'terms', 'a.md'], /Invalid value 'terms' for --report/],
    [['--output'], /Option --output needs a value/],
    [['--quiet=yes', 'a.md'], /Option --quiet does not take a value/],
  ];
  for (const [argv, message] of rejected) {
    it(`rejects ${argv.join(' ')} with a usage error`, () => {
      assert.throws(() => parseArgs(argv), (error: unknown) => error instanceof UsageError && message.test(error.message));
    });
  }
});
