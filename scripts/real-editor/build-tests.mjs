// Bundles the integration tests for the editor's extension host: out/test/integration/{index,*.test}.js.
// SPDX-License-Identifier: GPL-3.0-or-later
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const sourceFolder = join(repoRoot, 'test', 'integration');
const outputFolder = join(repoRoot, 'out', 'test', 'integration');

/** Test files anywhere under test/integration except the workspace the tests open. */
function findTestSources(folder) {
  const found = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (full !== join(sourceFolder, 'workspace')) found.push(...findTestSources(full));
    } else if (entry.name.endsWith('.test.ts')) {
      found.push(full);
    }
  }
  return found;
}

const testSources = findTestSources(sourceFolder);
if (testSources.length === 0) {
  console.error(`build-tests: no *.test.ts files under ${relative(repoRoot, sourceFolder)}.`);
  process.exit(1);
}

// Stale bundles of deleted tests would otherwise still run.
rmSync(outputFolder, { recursive: true, force: true });

try {
  await build({
    entryPoints: [join(sourceFolder, 'index.ts'), ...testSources],
    outbase: sourceFolder,
    outdir: outputFolder,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // vscode is provided by the extension host; mocha is bundled so it loads on any Node the editor ships.
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // Mocha's parallel mode resolves worker files by path; the suite runs serially, so that code stays unused.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
} catch {
  // esbuild has already printed the errors.
  process.exit(1);
}
