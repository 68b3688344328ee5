// Pure helpers for run.mjs: where code-server lives, the editor settings and the workbench URL.
// SPDX-License-Identifier: GPL-3.0-or-later
import { join } from 'node:path';

export function codeServerBinary(repoRoot) {
  return join(repoRoot, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');
}

/** User settings that keep the workbench quiet and the same on every run. */
export function editorSettings({ trust }) {
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'security.workspace.trust.enabled': trust,
    // With trust on, the folder must stay untrusted without a modal prompt blocking the tests.
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.emptyWindow': false,
  };
}

/** The address from code-server's "HTTP server listening on http://127.0.0.1:PORT/" line, once printed. */
export function readyAddress(output) {
  const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\/?/.exec(output);
  return match ? match[1] : undefined;
}

/** Workbench URL whose payload loads the extension under development and its test index. */
export function workbenchUrl(address, { workspace, extensionPath, testsIndex }) {
  const remote = `vscode-remote://${new URL(address).host}`;
  const payload = [
    ['extensionDevelopmentPath', `${remote}${extensionPath}`],
    ['extensionTestsPath', `${remote}${testsIndex}`],
    ['skipWelcome', 'true'],
  ];
  return `${address}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
