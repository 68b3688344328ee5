import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES } from '../fixtures/cli/memory-io';

const ROOT = path.join(__dirname, '..', '..');
const TSX = require.resolve('tsx/cjs');
const MAIN = path.join(ROOT, 'src', 'cli', 'main.ts');
const BUNDLE = path.join(ROOT, 'dist', 'cli.js');

function cli(args: string[], cwd = FIXTURES, entry: string[] = ['--require', TSX, MAIN]) {
  const result = spawnSync(process.execPath, [...entry, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 100000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('bulletin-check as a process', function () {
  // Each case starts Node and compiles the TypeScript sources; a busy machine makes that slow.
  this.timeout(120000);

  it('prints its version and exits 0', () => {
    const { code, out } = cli(['--version']);
    assert.equal(code, 0);
    assert.equal(out, `${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`);
  });

  it('exits 2 for an unknown option, with the reason on stderr', () => {
    const { code, out, err } = cli(['--colours', 'project']);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /Unknown option '--colours'/);
  });

  it('exits 2 for a missing file yet reports the other files, with real rules and the default glossary', () => {
    const { code, out, err } = cli(['--format', 'json', 'no-such.md', 'project/c-clean.md']);
    assert.equal(code, 2);
    assert.equal(err, 'bulletin-check: no-such.md: cannot read: no such file or directory\n');
    assert.ok(Array.isArray(JSON.parse(out)));
  });

  it('gives the same output with worker threads as without', () => {
    const one = cli(['--format', 'json', '--jobs', '1', 'project']);
    const two = cli(['--format', 'json', '--jobs', '2', 'project']);
    assert.equal(two.err, one.err);
    assert.equal(two.code, one.code);
    assert.equal(two.out, one.out);
  });

  it('writes --output to the named file only', async () => {
    const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'bulletin-check-'));
    try {
      await fs.copyFile(path.join(FIXTURES, 'project', 'c-clean.md'), path.join(scratch, 'c.md'));
      const { out } = cli(['--format', 'sarif', '--output', 'out.sarif', 'c.md'], scratch);
      assert.equal(out, '');
      assert.deepEqual((await fs.readdir(scratch)).sort(), ['c.md', 'out.sarif']);
      assert.equal(JSON.parse(await fs.readFile(path.join(scratch, 'out.sarif'), 'utf8')).version, '2.1.0');
    } finally {
      await fs.rm(scratch, { recursive: true, force: true });
    }
  });

  it('runs from the bundle in dist/ with its worker file, when built', function () {
    if (!existsSync(BUNDLE) || !existsSync(path.join(ROOT, 'dist', 'cli-worker.js'))) {
      this.skip(); // Built by `npm run build`; this checks the bundle finds cli-worker.js.
    }
    // Compared with itself, so a bundle older than the source cannot fail it.
    const inline = cli(['--format', 'json', '--jobs', '1', 'project'], FIXTURES, [BUNDLE]);
    const threaded = cli(['--format', 'json', '--jobs', '2', 'project'], FIXTURES, [BUNDLE]);
    assert.equal(threaded.err, '');
    assert.ok(Array.isArray(JSON.parse(threaded.out)));
    assert.equal(threaded.out, inline.out);
  });
});
