// Reads and checks one bulletin; the same code runs in the main thread and in worker threads.
import type { CheckConfig, EngineOptions, FileOutcome } from './engine';
import { checkBulletinBytes } from './engine';
import { describeReadError, type ReadBytes } from './config';

export type { ReadBytes };

export async function checkFile(file: string, config: () => CheckConfig, options: EngineOptions, readBytes: ReadBytes): Promise<FileOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file);
  } catch (error) {
    return failed(file, `cannot read: ${describeReadError(error)}`);
  }
  try {
    return checkBulletinBytes(file, bytes, config(), options);
  } catch (error) {
    // An engine fault on one file must not stop the others being checked and reported.
    return failed(file, `checking failed: ${error instanceof Error ? error.message : String(error)}`, bytes.length);
  }
}

export function failed(file: string, error: string, bytes = 0): FileOutcome {
  return { file, findings: [], claims: [], ruleFailures: [], error, bytes };
}
