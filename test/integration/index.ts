// Entry point the editor's extension host calls (extensionTestsPath): runs the bundled mocha suites.
// Both launchers (code-server via scripts/real-editor/run.mjs, and @vscode/test-electron) use it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

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
  return found.sort();
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: TEST_TIMEOUT_MS,
    // The page console and CI logs show escape codes literally.
    color: false,
  });
  const grep = process.env.BC_TEST_GREP;
  if (grep) mocha.grep(grep);

  const files = findTestFiles(__dirname);
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
