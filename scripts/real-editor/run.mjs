// Runs the integration tests inside a real VS Code, offline: code-server in the background, its
// workbench in headless Chromium, mocha in the extension host. Exits with the suite's exit code.
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Environment (all optional):
//   BC_TEST_WORKSPACE   folder the editor opens, as a fresh copy (default test/integration/workspace)
//   BC_TEST_TRUST       0 (default): workspace trust off; 1: trust on and the folder left untrusted
//   BC_EXTENSION_PATH   extension under test (default the repository root)
//   BC_TEST_TIMEOUT_MS  overall limit for the run (default 600000)
//   BC_TEST_GREP        only run tests whose title matches (read by test/integration/index.ts)
//   BC_TEST_VERBOSE     1: also print the workbench's own log and code-server's output
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { codeServerBinary, editorSettings, readyAddress, workbenchUrl } from './workbench.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const SCREENSHOT_MARKER = '__BC_SCREENSHOT__';
/** test/integration/index.ts puts this before every console line from the extension host. */
const TEST_OUTPUT_PREFIX = '[bc-test] ';
const CHROMIUM = '/usr/bin/chromium';

const sourceWorkspace = resolve(repoRoot, process.env.BC_TEST_WORKSPACE ?? 'test/integration/workspace');
const options = {
  workspace: sourceWorkspace,
  trust: process.env.BC_TEST_TRUST === '1',
  extensionPath: resolve(repoRoot, process.env.BC_EXTENSION_PATH ?? '.'),
  testsIndex: join(repoRoot, 'out', 'test', 'integration', 'index.js'),
  screenshotFolder: join(repoRoot, 'test-results'),
  timeoutMs: Number(process.env.BC_TEST_TIMEOUT_MS ?? 600_000),
  verbose: process.env.BC_TEST_VERBOSE === '1',
};

function log(message) {
  console.log(`[real-editor] ${message}`);
}

/** Everything started by this run, so cleanup can stop exactly that. */
const started = { codeServer: undefined, browser: undefined, runFolder: undefined };
let finishing = false;

async function stopEverything() {
  if (started.browser) await started.browser.close().catch(() => {});
  const server = started.codeServer;
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((done) => server.once('exit', done));
    // code-server forks helpers (extension host, file watcher): signal its whole process group.
    try { process.kill(-server.pid, 'SIGTERM'); } catch {}
    const forced = setTimeout(() => { try { process.kill(-server.pid, 'SIGKILL'); } catch {} }, 5_000);
    await exited;
    clearTimeout(forced);
  }
  if (started.runFolder) rmSync(started.runFolder, { recursive: true, force: true });
}

async function finish(code, reason) {
  if (finishing) return;
  finishing = true;
  if (reason) log(reason);
  await stopEverything();
  process.exit(code);
}

function checkPrerequisites() {
  const missing = [];
  if (!existsSync(codeServerBinary(repoRoot))) missing.push('code-server (run: bash scripts/setup-test-env.sh)');
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (run: bash scripts/setup-test-env.sh)`);
  if (!existsSync(options.testsIndex)) missing.push(`${options.testsIndex} (run: node scripts/real-editor/build-tests.mjs)`);
  if (!existsSync(options.workspace)) missing.push(`workspace folder ${options.workspace}`);
  if (!existsSync(join(options.extensionPath, 'package.json'))) missing.push(`extension manifest in ${options.extensionPath}`);
  if (missing.length > 0) {
    console.error(`[real-editor] cannot start, missing:\n  ${missing.join('\n  ')}`);
    process.exit(1);
  }
}

/** Starts code-server on a port the OS picks and resolves with the address it listens on. */
function startCodeServer(userDataDir) {
  const args = [
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--config', join(userDataDir, 'config.yaml'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', join(userDataDir, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.trust ? [] : ['--disable-workspace-trust']),
    options.workspace,
  ];
  const server = spawn(codeServerBinary(repoRoot), args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The extension host inherits these; test/integration/index.ts and screenshot.ts read them.
    env: { ...process.env, BC_SCREENSHOT_DIR: options.screenshotFolder, BC_TEST_OUTPUT_PREFIX: TEST_OUTPUT_PREFIX },
  });
  started.codeServer = server;

  return new Promise((ready, failed) => {
    let output = '';
    const onData = (chunk) => {
      const text = chunk.toString();
      if (options.verbose) process.stdout.write(`[code-server] ${text}`);
      output += text;
      const address = readyAddress(output);
      if (address) ready(address);
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('error', failed);
    server.once('exit', (code, signal) => {
      if (!finishing) failed(new Error(`code-server exited early (${signal ?? code}):\n${output.slice(-2000)}`));
    });
  });
}

async function openWorkbench(address) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
    // Playwright's own signal handlers exit at once, leaving code-server running; stopEverything does both.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  started.browser = browser;
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

  let screenshots = Promise.resolve();
  const saveScreenshot = async (name) => {
    mkdirSync(options.screenshotFolder, { recursive: true });
    const target = join(options.screenshotFolder, `${name}.png`);
    // Write then rename, so the test polling for the file never sees half of it.
    const partial = `${target}.partial`;
    await page.screenshot({ path: partial, type: 'png' });
    renameSync(partial, target);
    log(`screenshot saved: test-results/${name}.png`);
  };

  // The extension host's console arrives through the workbench log; only the tests' lines carry the prefix.
  const onLogEntry = (type, args) => {
    const text = Array.isArray(args) ? format(...args) : String(args);
    const line = text.startsWith(TEST_OUTPUT_PREFIX) ? text.slice(TEST_OUTPUT_PREFIX.length) : undefined;
    if (line?.startsWith(SCREENSHOT_MARKER)) {
      const name = line.slice(SCREENSHOT_MARKER.length).trim();
      if (/^[\w.-]+$/.test(name)) {
        screenshots = screenshots.then(() => saveScreenshot(name)).catch((error) => log(`screenshot "${name}" failed: ${error.message}`));
      }
      return;
    }
    if (line === undefined) {
      // Errors such as a test index that fails to load come from the workbench itself, unprefixed.
      if (options.verbose) console.log(`[workbench ${type}] ${text}`);
      else if (type === 'error' && !isOfflineNoise(text)) console.log(`[workbench ${type}] ${withoutWorkbenchFrames(text)}`);
      return;
    }
    (type === 'error' ? console.error : console.log)(line);
  };
  if (options.verbose) page.on('console', (message) => console.log(`[page console] ${message.text()}`));
  page.on('pageerror', (error) => { if (options.verbose) log(`page error: ${error.message}`); });
  page.on('crash', () => finish(1, 'the workbench page crashed.'));

  await page.exposeFunction('codeAutomationExit', async (code) => {
    await screenshots;
    // Anything but a whole number is a broken report, never a pass.
    await finish(Number.isInteger(code) ? code : 1, `tests finished with exit code ${code}.`);
  });
  await page.exposeFunction('codeAutomationLog', onLogEntry);

  const url = workbenchUrl(address, options);
  log(`opening the workbench at ${address} (workspace: a copy of ${sourceWorkspace}, trust ${options.trust ? 'on' : 'off'})`);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
}

/** Failed look-ups of the extension gallery and similar: expected on a machine without internet access. */
function isOfflineNoise(text) {
  return /ENOTFOUND|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|open-vsx\.org/.test(text);
}

/** Drops stack frames inside the minified workbench, which say nothing about the extension or its tests. */
function withoutWorkbenchFrames(text) {
  return text.split('\n').filter((line) => !/^\s+at .*\/static\/out\/vs\//.test(line)).join('\n');
}

async function main() {
  checkPrerequisites();
  process.on('SIGINT', () => finish(130, 'interrupted.'));
  process.on('SIGTERM', () => finish(143, 'terminated.'));
  process.on('SIGHUP', () => finish(129, 'hung up.'));
  // Only codeAutomationExit reports success; any other way out of this process is a failure.
  process.exitCode = 1;
  setTimeout(() => finish(1, `time limit of ${options.timeoutMs / 1000} s reached; stopping.`), options.timeoutMs);

  // One temporary folder per run: the editor profile, code-server's config and the workspace copy.
  started.runFolder = mkdtempSync(join(tmpdir(), 'bc-real-editor-'));
  const userDataDir = join(started.runFolder, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(editorSettings(options), null, 2));
  writeFileSync(join(userDataDir, 'config.yaml'), '');
  // Tests write scratch files: a copy keeps the repository clean and lets two runs proceed side by side.
  const workspaceCopy = join(started.runFolder, basename(options.workspace));
  cpSync(options.workspace, workspaceCopy, { recursive: true });
  options.workspace = workspaceCopy;

  const address = await startCodeServer(userDataDir);
  log(`code-server listening on ${address}`);
  await openWorkbench(address);
}

main().catch((error) => finish(1, `failed: ${error.stack ?? error}`));
