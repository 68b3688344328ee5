// Entry point the editor's extension host calls (extensionTestsPath): runs the bundled mocha suites.
// Both launchers (code-server via scripts/real-editor/run.mjs, and @vscode/test-electron) use it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type MochaType from 'mocha';

/** Per-test limit: the first test waits for activation and the first check of a bulletin. */
const TEST_TIMEOUT_MS = 60_000;

/** Bundled test files live beside this index, e.g. out/test/integration/smoke.test.js. */
function findTestFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found;
}

/** The smoke test runs first: it checks activation on opening a bulletin, before any other test activates the extension. */
function runOrder(files: string[]): string[] {
  const isSmoke = (file: string) => path.basename(file) === 'smoke.test.js';
  return [...files.filter(isSmoke), ...files.filter((file) => !isSmoke(file)).sort()];
}

/** Set by scripts/real-editor/run.mjs, which prints only log lines carrying this prefix. */
const OUTPUT_PREFIX_VARIABLE = 'BC_TEST_OUTPUT_PREFIX';

/**
 * Under code-server the extension host's console reaches the launcher mixed with the workbench's own
 * log; a prefix on every line from here lets the launcher pick out the tests' output.
 */
function prefixConsoleOutput(prefix: string): void {
  const original = globalThis.console;
  // The editor locks the console's own methods, so put a prefixing console in front of it instead.
  const prefixed = (method: 'log' | 'info' | 'warn' | 'error' | 'debug') =>
    (first?: unknown, ...rest: unknown[]) =>
      // The workbench drops messages whose first argument is not a string, so always lead with one.
      typeof first === 'string' ? original[method](prefix + first, ...rest)
        : first === undefined && rest.length === 0 ? original[method](prefix)
          : original[method](prefix, first, ...rest);
  globalThis.console = Object.create(original, {
    log: { value: prefixed('log') },
    info: { value: prefixed('info') },
    warn: { value: prefixed('warn') },
    error: { value: prefixed('error') },
    debug: { value: prefixed('debug') },
  });
}

export function run(): Promise<void> {
  const prefix = process.env[OUTPUT_PREFIX_VARIABLE];
  if (prefix) prefixConsoleOutput(prefix);
  // Loaded only now: mocha's reporters keep the console.log they find when mocha is first required.
  const loaded = require('mocha');
  const Mocha: typeof MochaType = loaded.default ?? loaded;
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: TEST_TIMEOUT_MS,
    // The page console and CI logs show escape codes literally.
    color: false,
  });
  const grep = process.env.BC_TEST_GREP;
  if (grep) mocha.grep(grep);

  const files = runOrder(findTestFiles(__dirname));
  if (files.length === 0) {
    return Promise.reject(new Error(`No *.test.js files under ${__dirname}: run scripts/real-editor/build-tests.mjs first.`));
  }
  for (const file of files) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
    } catch (error) {
      reject(error);
    }
  });
}
