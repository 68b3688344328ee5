// Runs the integration suite in a downloaded desktop VS Code via @vscode/test-electron
// (`npm run test:electron`), for contributors whose machines can reach the VS Code download site.
// Offline machines use scripts/real-editor/run.mjs (code-server) instead; both load the same test index.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const sourceWorkspace = path.resolve(repoRoot, process.env.BC_TEST_WORKSPACE ?? 'test/integration/workspace');
  const trust = process.env.BC_TEST_TRUST === '1';
  const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) {
    throw new Error(`${extensionTestsPath} is missing: run node scripts/real-editor/build-tests.mjs first.`);
  }

  // A fresh profile and workspace copy per run, as the code-server launcher does.
  const runFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-electron-'));
  const userDataDir = path.join(runFolder, 'user-data');
  const workspace = path.join(runFolder, path.basename(sourceWorkspace));
  fs.cpSync(sourceWorkspace, workspace, { recursive: true });
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoUpdate': false,
      'security.workspace.trust.enabled': trust,
      'security.workspace.trust.startupPrompt': 'never',
    }),
  );

  try {
    const exitCode = await runTests({
      // The lowest editor the manifest accepts, and the one code-server 4.100.3 embeds.
      version: process.env.BC_VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${userDataDir}`,
        ...(trust ? [] : ['--disable-workspace-trust']),
      ],
    });
    process.exitCode = exitCode;
  } finally {
    fs.rmSync(runFolder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`test:electron failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
