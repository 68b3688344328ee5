import * as assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { runCli } from '../../src/cli/run';
import { checkDocument } from '../../src/core/check';
import { claimRows } from '../../src/core/report/claimsReport';
import { parseRegistry } from '../../src/core/claims/registry';
import { registerFixtureRules, unregisterFixtureRules } from '../fixtures/cli/fixture-rules';
import { FIXTURES, PROJECT, memoryIo, onlyFixtureRules } from '../fixtures/cli/memory-io';

const base = (): string[] => [...onlyFixtureRules(), '--no-default-glossary', '--jobs', '1'];

async function run(argv: string[], cwd = PROJECT, overrides = {}) {
  const io = memoryIo(cwd, overrides);
  const code = await runCli([...base(), ...argv], io);
  return { code, out: io.out, err: io.err, written: io.written };
}

describe('bulletin-check', () => {
  before(registerFixtureRules);
  after(unregisterFixtureRules);

  let scratch: string;
  beforeEach(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'bulletin-check-'));
  });
  afterEach(async () => {
    await fs.rm(scratch, { recursive: true, force: true });
  });

  describe('stylish output', () => {
    it('groups findings under each file in sorted order and ends with a count', async () => {
      const { code, out } = await run(['.']);
      assert.equal(code, 1);
      assert.equal(
        out,
        [
          'a-errors.md',
          '  3:4   error    Found ERRWORD.   fixture-error',
          '  3:23  warning  Found WARNWORD.  fixture-warning',
          '  5:9   error    Found ERRWORD.   fixture-error',
          '',
          'b-warnings.md',
          '  3:8   warning  Found WARNWORD.  fixture-warning',
          '  3:23  info     Found NOTEWORD.  fixture-note',
          '',
          'nested/d-notes.markdown',
          '  1:3   info     Found NOTEWORD.  fixture-note',
          '  1:18  warning  Found WARNWORD.  fixture-warning',
          '',
          '✖ 7 problems (2 errors, 3 warnings, 2 notes)',
          '',
        ].join('\n'),
      );
    });

    it('prints nothing and exits 0 for a clean bulletin', async () => {
      const { code, out, err } = await run(['c-clean.md']);
      assert.deepEqual([code, out, err], [0, '', '']);
    });

    it('colours output only for a terminal without NO_COLOR', async () => {
      const tty = await run(['a-errors.md'], PROJECT, { stdoutIsTTY: true });
      assert.match(tty.out, /\u001b\[31merror/);
      const noColor = await run(['a-errors.md'], PROJECT, { stdoutIsTTY: true, env: { NO_COLOR: '1' } });
      assert.doesNotMatch(noColor.out, /\u001b\[/);
      const piped = await run(['a-errors.md']);
      assert.doesNotMatch(piped.out, /\u001b\[/);
      const forced = await run(['--colour', 'a-errors.md'], PROJECT, { env: { NO_COLOR: '1' } });
      assert.match(forced.out, /\u001b\[33mwarning/);
    });

    it('checks files in the order given, not sorted', async () => {
      const { out } = await run(['b-warnings.md', 'a-errors.md']);
      assert.ok(out.indexOf('b-warnings.md') < out.indexOf('a-errors.md'));
    });
  });

  describe('JSON output', () => {
    it('gives 1-based lines and UTF-16 columns across CRLF, a lone CR and non-ASCII text', async () => {
      const fixture = readFileSync(path.join(FIXTURES, 'positions', 'crlf.md'), 'utf8');
      assert.ok(fixture.includes('\r\n') && /\r[^\n]/.test(fixture), 'the fixture must keep its CRLF and lone CR line ends');
      const { out } = await run(['--format', 'json', 'positions/crlf.md'], FIXTURES);
      const at = (line: number, column: number, endColumn: number, ruleId: string, severity: string, word: string) => ({
        file: 'positions/crlf.md', line, column, endLine: line, endColumn, ruleId, severity, message: `Found ${word}.`,
      });
      assert.deepEqual(JSON.parse(out), [
        at(1, 8, 15, 'fixture-error', 'error', 'ERRWORD'),
        at(3, 10, 18, 'fixture-warning', 'warning', 'WARNWORD'),
        at(3, 24, 31, 'fixture-error', 'error', 'ERRWORD'),
        at(5, 1, 8, 'fixture-error', 'error', 'ERRWORD'),
      ]);
    });

    it('prints an empty array when there is nothing to report', async () => {
      const { out, code } = await run(['--format', 'json', 'c-clean.md']);
      assert.deepEqual(JSON.parse(out), []);
      assert.equal(code, 0);
    });
  });

  describe('exit codes', () => {
    it('exits 0 with warnings only when no limit is set', async () => {
      assert.equal((await run(['b-warnings.md'])).code, 0);
    });

    it('exits 1 when warnings exceed --max-warnings, and says so', async () => {
      const over = await run(['--max-warnings', '0', 'b-warnings.md']);
      assert.equal(over.code, 1);
      assert.match(over.err, /too many warnings \(1\); the limit is 0/);
      assert.equal((await run(['--max-warnings', '1', 'b-warnings.md'])).code, 0);
    });

    it('with --quiet shows and counts errors only', async () => {
      const quiet = await run(['--quiet', '--max-warnings', '0', 'b-warnings.md', 'nested']);
      assert.deepEqual([quiet.code, quiet.out], [0, '']);
      const errors = await run(['--quiet', '--format', 'json', 'a-errors.md']);
      assert.equal(errors.code, 1);
      assert.deepEqual(JSON.parse(errors.out).map((f: { severity: string }) => f.severity), ['error', 'error']);
    });

    it('lets --rule turn a rule off or change its severity', async () => {
      const off = await run(['--rule', 'fixture-error=off', '--format', 'json', 'a-errors.md']);
      assert.equal(off.code, 0);
      assert.deepEqual(JSON.parse(off.out).map((f: { ruleId: string }) => f.ruleId), ['fixture-warning']);
      const raised = await run(['--rule', 'fixture-warning=error', 'b-warnings.md']);
      assert.equal(raised.code, 1);
    });

    it('exits 2 on a usage error without checking anything', async () => {
      for (const argv of [['--bogus', 'a-errors.md'], ['--format', 'xml', 'a-errors.md'], ['--rule', 'no-such-rule=off', 'a-errors.md'], []]) {
        const io = memoryIo(PROJECT);
        assert.equal(await runCli(argv, io), 2, argv.join(' '));
        assert.equal(io.out, '');
        assert.match(io.err, /^bulletin-check: .+\nRun 'bulletin-check --help' for usage\.\n$/);
      }
    });

    it('prints help and the version with exit 0', async () => {
      const help = memoryIo(PROJECT);
      assert.equal(await runCli(['--help'], help), 0);
      assert.match(help.out, /^Usage: bulletin-check/);
      const version = memoryIo(PROJECT);
      assert.equal(await runCli(['--version'], version), 0);
      assert.equal(version.out, `${JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')).version}\n`);
    });
  });

  describe('files that cannot be checked', () => {
    // Each case must name the file on stderr, exit 2, and still report every other file.
    async function expectTrouble(target: string, message: RegExp, cwd = scratch) {
      await fs.copyFile(path.join(PROJECT, 'a-errors.md'), path.join(cwd, 'good.md'));
      const { code, out, err } = await run(['--format', 'json', target, 'good.md'], cwd);
      assert.equal(code, 2);
      assert.match(err, message);
      assert.equal(err.trim().split('\n').length, 1, `one line on stderr, got: ${err}`);
      assert.equal(JSON.parse(out).filter((f: { file: string }) => f.file === 'good.md').length, 3);
    }

    it('reports a missing file', async () => {
      await expectTrouble('missing.md', /^bulletin-check: missing\.md: cannot read: no such file or directory$/m);
    });

    it('reports a symbolic link to a missing file', async () => {
      await fs.symlink(path.join(scratch, 'gone.md'), path.join(scratch, 'dangling.md'));
      await expectTrouble('dangling.md', /dangling\.md: cannot read: symbolic link to a missing file/);
    });

    it('refuses a FIFO rather than waiting on it for ever', async function () {
      try {
        execFileSync('mkfifo', [path.join(scratch, 'pipe.md')]);
      } catch {
        this.skip();
      }
      await expectTrouble('pipe.md', /pipe\.md: cannot read: not a regular file/);
    });

    it('reports a file that is not valid UTF-8', async () => {
      await fs.writeFile(path.join(scratch, 'latin1.md'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
      await expectTrouble('latin1.md', /latin1\.md: not valid UTF-8 text/);
    });

    it('reports a directory with no Markdown in it', async () => {
      await fs.mkdir(path.join(scratch, 'empty'));
      await fs.writeFile(path.join(scratch, 'empty', 'notes.txt'), 'not markdown');
      await expectTrouble('empty', /empty: no Markdown files \(\*\.md, \*\.markdown\) in this directory/);
    });

    it('reports a glob that matches nothing', async () => {
      await expectTrouble('drafts/**/*.md', /drafts\/\*\*\/\*\.md: no files match this pattern/);
    });

    it('reports a file the reader fails on, through an injected reader', async () => {
      const readFile = async (file: string): Promise<Uint8Array> => {
        if (file.endsWith('locked.md')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return fs.readFile(file);
      };
      await fs.writeFile(path.join(scratch, 'locked.md'), 'text');
      await fs.copyFile(path.join(PROJECT, 'a-errors.md'), path.join(scratch, 'good.md'));
      const io = memoryIo(scratch, { readFile });
      assert.equal(await runCli([...base(), 'locked.md', 'good.md'], io), 2);
      assert.match(io.err, /^bulletin-check: locked\.md: cannot read: permission denied$/m);
      assert.match(io.out, /good\.md\n {2}3:4 +error/);
    });
  });

  describe('directories and globs', () => {
    it('searches a directory for .md and .markdown files, skipping node_modules and other files', async () => {
      await fs.mkdir(path.join(scratch, 'node_modules', 'pkg'), { recursive: true });
      await fs.writeFile(path.join(scratch, 'node_modules', 'pkg', 'README.md'), 'ERRWORD');
      await fs.mkdir(path.join(scratch, 'docs'));
      await fs.writeFile(path.join(scratch, 'docs', 'z.md'), 'WARNWORD');
      await fs.writeFile(path.join(scratch, 'docs', 'a.markdown'), 'WARNWORD');
      await fs.writeFile(path.join(scratch, 'docs', 'notes.txt'), 'ERRWORD');
      const { out, code } = await run(['--format', 'json', '.'], scratch);
      assert.equal(code, 0);
      assert.deepEqual(JSON.parse(out).map((f: { file: string }) => f.file), ['docs/a.markdown', 'docs/z.md']);
    });

    it('expands a glob and checks each match once even when also named', async () => {
      const { out } = await run(['--format', 'json', 'a-errors.md', '*.md'], PROJECT);
      const files = JSON.parse(out).map((f: { file: string }) => f.file);
      assert.deepEqual([...new Set(files)], ['a-errors.md', 'b-warnings.md']);
      assert.equal(files.length, 5);
    });
  });

  describe('robustness', () => {
    it('reports a rule that throws as a warning naming the rule and file, and keeps other findings', async () => {
      await fs.writeFile(path.join(scratch, 'broken.md'), 'BREAKWORD and ERRWORD.\n');
      const { code, out, err } = await run(['--format', 'json', 'broken.md'], scratch);
      assert.equal(code, 1);
      assert.match(err, /warning: rule 'fixture-broken' failed on broken\.md, so its findings are missing: Error: fixture rule broke on purpose/);
      assert.deepEqual(JSON.parse(out).map((f: { ruleId: string }) => f.ruleId), ['fixture-error']);
    });

    it('writes nothing but --output, and sends the output there instead of stdout', async () => {
      const { out, written, code } = await run(['--format', 'json', '--output', 'findings.json', 'a-errors.md']);
      assert.equal(code, 1);
      assert.equal(out, '');
      assert.deepEqual([...written.keys()], [path.join(PROJECT, 'findings.json')]);
      assert.equal(JSON.parse(written.get(path.join(PROJECT, 'findings.json'))!).length, 3);
    });
  });

  describe('--jobs', () => {
    it('gives byte-identical output with one job and with two worker threads', async function () {
      this.timeout(120000);
      for (const format of ['stylish', 'json', 'sarif']) {
        const one = memoryIo(FIXTURES);
        const two = memoryIo(FIXTURES);
        const argv = [...onlyFixtureRules(), '--no-default-glossary', '--format', format, 'project', 'positions'];
        const codeOne = await runCli([...argv, '--jobs', '1'], one);
        const codeTwo = await runCli([...argv, '--jobs', '2'], two);
        assert.equal(codeTwo, codeOne);
        assert.equal(two.out, one.out, format);
        assert.equal(two.err, one.err);
        assert.ok(one.out.includes('positions/crlf.md'), 'the worker threads found the fixture rules');
      }
    });

    it('reports files per second with --stats', async () => {
      const { err } = await run(['--stats', '.']);
      assert.match(err, /^Checked 4 files \(\d+\.\d KiB\) in \d+ ms with 1 job: [\d.]+ files per second\.$/m);
    });
  });

  describe('glossaries and registries', () => {
    const glossary = (term: string) => `version: 1\nentries:\n  - term: ${term}\n    definition: A word made up for this test.\n`;
    const terms = (out: string) => JSON.parse(out).filter((f: { ruleId: string }) => f.ruleId === 'fixture-term').map((f: { file: string; message: string }) => `${f.file} ${f.message}`);

    it('finds .bulletin-glossary.yaml in the file’s folder and every folder above, nearest last', async () => {
      await fs.mkdir(path.join(scratch, 'team', 'june'), { recursive: true });
      await fs.writeFile(path.join(scratch, '.bulletin-glossary.yaml'), glossary('Zorblat'));
      await fs.writeFile(path.join(scratch, 'team', '.bulletin-glossary.yaml'), glossary('Quenlix'));
      await fs.writeFile(path.join(scratch, 'top.md'), 'Zorblat and Quenlix.\n');
      await fs.writeFile(path.join(scratch, 'team', 'june', 'inner.md'), 'Zorblat and Quenlix.\n');
      const { out, code, err } = await run(['--format', 'json', 'top.md', 'team'], scratch);
      assert.equal(err, '');
      assert.equal(code, 0);
      assert.deepEqual(terms(out), ['top.md Term zorblat.', 'team/june/inner.md Term zorblat.', 'team/june/inner.md Term quenlix.']);
    });

    it('sends each file’s glossaries to the worker threads too', async function () {
      this.timeout(120000);
      await fs.mkdir(path.join(scratch, 'team'));
      await fs.writeFile(path.join(scratch, '.bulletin-glossary.yaml'), glossary('Zorblat'));
      await fs.writeFile(path.join(scratch, 'team', '.bulletin-glossary.yaml'), glossary('Quenlix'));
      await fs.writeFile(path.join(scratch, 'a.md'), 'Zorblat and Quenlix.\n');
      await fs.writeFile(path.join(scratch, 'team', 'b.md'), 'Zorblat and Quenlix.\n');
      const inline = await run(['--format', 'json', '.'], scratch);
      const threaded = await run(['--format', 'json', '--jobs', '2', '.'], scratch);
      assert.deepEqual(terms(threaded.out), ['a.md Term zorblat.', 'team/b.md Term zorblat.', 'team/b.md Term quenlix.']);
      assert.equal(threaded.out, inline.out);
    });

    it('layers --glossary files over the default glossary, which --no-default-glossary leaves out', async () => {
      await fs.writeFile(path.join(scratch, 'extra.yaml'), glossary('Quenlix'));
      await fs.writeFile(path.join(scratch, 'b.md'), 'Accommodation and Quenlix.\n');
      const io = memoryIo(scratch);
      await runCli([...onlyFixtureRules(), '--jobs', '1', '--format', 'json', '--glossary', 'extra.yaml', 'b.md'], io);
      assert.deepEqual(terms(io.out), ['b.md Term accommodation.', 'b.md Term quenlix.']);
      const without = await run(['--format', 'json', '--glossary', 'extra.yaml', 'b.md'], scratch);
      assert.deepEqual(terms(without.out), ['b.md Term quenlix.']);
    });

    it('reports each glossary problem as file:line:column on stderr, exits 2 and still checks every bulletin', async () => {
      await fs.writeFile(
        path.join(scratch, '.bulletin-glossary.yaml'),
        'version: 1\nentries:\n  - term: Zorblat\n    definition: Made up.\n    evidnce: causal\n  - term: Quenlix\n',
      );
      await fs.writeFile(path.join(scratch, 'one.md'), 'ERRWORD Zorblat.\n');
      await fs.writeFile(path.join(scratch, 'two.md'), 'WARNWORD.\n');
      const { out, code, err } = await run(['--format', 'json', '.'], scratch);
      assert.equal(code, 2);
      const lines = err.trim().split('\n');
      assert.equal(lines.length, 2, err);
      assert.match(lines[0], /^bulletin-check: warning: \.bulletin-glossary\.yaml:5:5: .*evidnce/);
      assert.match(lines[1], /^bulletin-check: \.bulletin-glossary\.yaml:6:5: .*definition/);
      assert.deepEqual(JSON.parse(out).map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`), [
        'one.md fixture-error',
        'one.md fixture-term',
        'two.md fixture-warning',
      ]);
    });

    it('reports a --glossary file that cannot be read and still checks the bulletins', async () => {
      await fs.writeFile(path.join(scratch, 'one.md'), 'ERRWORD.\n');
      const { code, err, out } = await run(['--glossary', 'nowhere.yaml', 'one.md'], scratch);
      assert.equal(code, 2);
      assert.equal(err, 'bulletin-check: nowhere.yaml: cannot read glossary: no such file\n');
      assert.match(out, /Found ERRWORD/);
    });

    it('passes an evidence registry to the checks, from --registry or .bulletin-evidence.yaml', async () => {
      const registryText = 'version: 1\nsources:\n  smith2021: { title: Mentoring trial, year: 2021, design: randomised controlled trial, sms: 5 }\n';
      const bulletin = 'Mentoring reduces reoffending [@smith2021].\n';
      await fs.writeFile(path.join(scratch, '.bulletin-evidence.yaml'), registryText);
      await fs.writeFile(path.join(scratch, 'cited.md'), bulletin);
      const expected = claimRows(bulletin, checkDocument(bulletin, { registry: parseRegistry(registryText, 'r').registry }).claims);
      const unregistered = claimRows(bulletin, checkDocument(bulletin).claims);
      assert.ok(expected.length > 0, 'the sentence is a claim');
      assert.notDeepEqual(expected, unregistered, 'the registry changes how the claim is judged');
      const { out } = await run(['--report', 'claims', '--report-format', 'csv', 'cited.md'], scratch);
      assert.ok(out.includes(expected[0].evidence), out);
      assert.ok(!out.includes(unregistered[0].evidence), out);
    });

    it('reports problems in a registry as file:line:column and exits 2', async () => {
      await fs.writeFile(path.join(scratch, 'evidence.yaml'), 'version: 2\nsources: {}\n');
      await fs.writeFile(path.join(scratch, 'one.md'), 'Fine.\n');
      const { code, err } = await run(['--registry', 'evidence.yaml', 'one.md'], scratch);
      assert.equal(code, 2);
      assert.match(err, /^bulletin-check: evidence\.yaml:1:\d+: `version` must be 1/m);
    });
  });

  describe('--report claims', () => {
    const sentences = '# Findings\n\nMentoring reduces reoffending, the pilot showed.\n\nReoffending was lower among those who attended.\n';

    function expectedRows(file: string) {
      const result = checkDocument(sentences);
      return claimRows(sentences, result.claims).map((row) => ({ file, ...row }));
    }

    it('prints a Markdown table of every claim with its status and evidence', async () => {
      await fs.writeFile(path.join(scratch, 'claims.md'), sentences);
      const rows = expectedRows('claims.md');
      const { out } = await run(['--report', 'claims', 'claims.md'], scratch);
      assert.match(out, /^# Claims report: claims\.md\n/);
      assert.match(out, /\| File \| Line \| Sentence \| Classification \| Status \|/);
      const tableRows = out.split('\n').filter((line) => line.startsWith('| claims.md |'));
      assert.equal(tableRows.length, rows.length);
      rows.forEach((row, i) => {
        assert.ok(tableRows[i].includes(` ${row.line} | ${row.sentence} | ${row.classification} |`), tableRows[i]);
        assert.ok(tableRows[i].includes(row.evidence), tableRows[i]);
      });
    });

    it('writes the CSV report to --output and the findings to stdout', async () => {
      await fs.writeFile(path.join(scratch, 'claims.md'), `${sentences}\nERRWORD\n`);
      const rows = checkDocument(`${sentences}\nERRWORD\n`).claims.filter((c) => c.classification.label !== 'none');
      const { out, written, code } = await run(['--report', 'claims', '--report-format', 'csv', '--output', 'claims.csv', 'claims.md'], scratch);
      assert.equal(code, 1, 'the exit code still follows the findings');
      assert.match(out, /Found ERRWORD\./);
      const csv = written.get(path.join(scratch, 'claims.csv'))!;
      const lines = csv.split('\r\n').filter(Boolean);
      assert.equal(lines.length, 1 + rows.length);
      if (rows.length > 0) assert.match(lines[0], /^file,line,sentence,classification,status,cue,evidence$/);
      for (const line of lines.slice(1)) assert.match(line, /^claims\.md,\d+,/);
    });
  });
});
