// Messages between the CLI's main thread and its checking workers (all structured-clone safe).
import type { ConfigSpec, EngineOptions, FileOutcome } from './engine';

export interface WorkerStartData {
  options: EngineOptions;
  /** Modules each worker loads first (tests use it to register fixture rules). */
  preload: string[];
}

export type ToWorker =
  | { type: 'config'; key: string; spec: ConfigSpec }
  | { type: 'check'; id: number; file: string; key: string };

export type FromWorker = { type: 'outcome'; id: number; outcome: FileOutcome };
