// Lets a test ask the code-server launcher for a screenshot of the workbench as a user sees it.
// The extension host cannot reach the browser, so it logs a marker the launcher watches for.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SCREENSHOT_MARKER = '__BC_SCREENSHOT__';

/** Set by scripts/real-editor/run.mjs; absent under @vscode/test-electron. */
const SCREENSHOT_FOLDER_VARIABLE = 'BC_SCREENSHOT_DIR';
const WAIT_LIMIT_MS = 15_000;
const POLL_INTERVAL_MS = 100;

/**
 * Writes <screenshot folder>/<name>.png (test-results/ by default) and resolves once the file exists.
 * Resolves to the file's path, or undefined when no launcher can take screenshots.
 */
export async function takeScreenshot(name: string): Promise<string | undefined> {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`Screenshot name "${name}" must be a plain file name without extension.`);
  const folder = process.env[SCREENSHOT_FOLDER_VARIABLE];
  if (!folder) {
    console.log(`Screenshot "${name}" skipped: no screenshot-capable launcher (${SCREENSHOT_FOLDER_VARIABLE} unset).`);
    return undefined;
  }
  const file = path.join(folder, `${name}.png`);
  // A leftover from an earlier run must not count as this run's screenshot.
  fs.rmSync(file, { force: true });
  console.log(`${SCREENSHOT_MARKER} ${name}`);

  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`The launcher did not write ${file} within ${WAIT_LIMIT_MS / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  return file;
}
