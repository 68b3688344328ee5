// A fixed set of worker threads; each takes the next file as soon as it finishes one.
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import type { ConfigSpec, EngineOptions, FileOutcome } from './engine';
import { failed } from './checker';
import type { FromWorker, ToWorker, WorkerStartData } from './protocol';

interface Task {
  id: number;
  file: string;
  key: string;
  resolve(outcome: FileOutcome): void;
}

interface Slot {
  worker: Worker;
  /** Configuration keys this worker has already been sent. */
  known: Set<string>;
  task: Task | undefined;
}

// From source (tests, tsx) the worker is TypeScript and needs tsx's loader; bundled, it sits beside cli.js.
function startWorker(data: WorkerStartData): Worker {
  if (__filename.endsWith('.ts')) {
    const loader = createRequire(__filename).resolve('tsx/cjs');
    const entry = path.join(__dirname, 'worker.ts');
    return new Worker(`require(${JSON.stringify(loader)}); require(${JSON.stringify(entry)});`, { eval: true, workerData: data });
  }
  return new Worker(path.join(__dirname, 'cli-worker.js'), { workerData: data });
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private queueHead = 0;
  private nextId = 0;
  private restartsLeft: number;

  constructor(
    size: number,
    options: EngineOptions,
    private readonly preload: string[],
    private readonly specs: ReadonlyMap<string, ConfigSpec>,
  ) {
    this.restartsLeft = size;
    for (let i = 0; i < size; i++) this.slots.push(this.createSlot(options));
  }

  check(file: string, key: string): Promise<FileOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, file, key, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private createSlot(options: EngineOptions): Slot {
    const slot: Slot = { worker: startWorker({ options, preload: this.preload }), known: new Set(), task: undefined };
    slot.worker.on('message', (message: FromWorker) => {
      const task = slot.task;
      if (!task || message.id !== task.id) return;
      slot.task = undefined;
      task.resolve(message.outcome);
      this.dispatch();
    });
    slot.worker.on('error', (error) => this.replace(slot, options, error));
    return slot;
  }

  // A worker that dies fails only the file it held; a fresh one takes its place, a few times at most.
  private replace(slot: Slot, options: EngineOptions, error: Error): void {
    const task = slot.task;
    slot.task = undefined;
    const index = this.slots.indexOf(slot);
    if (this.restartsLeft-- > 0) this.slots[index] = this.createSlot(options);
    else this.slots.splice(index, 1);
    if (task) task.resolve(failed(task.file, `checking failed: ${error.message}`));
    if (this.slots.length === 0) {
      while (this.queueHead < this.queue.length) {
        const waiting = this.queue[this.queueHead++];
        waiting.resolve(failed(waiting.file, `checking failed: ${error.message}`));
      }
    }
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queueHead >= this.queue.length) return;
      if (slot.task) continue;
      const task = this.queue[this.queueHead++];
      slot.task = task;
      if (!slot.known.has(task.key)) {
        const spec = this.specs.get(task.key);
        if (!spec) throw new Error(`No configuration for ${task.key}.`);
        slot.worker.postMessage({ type: 'config', key: task.key, spec } satisfies ToWorker);
        slot.known.add(task.key);
      }
      slot.worker.postMessage({ type: 'check', id: task.id, file: task.file, key: task.key } satisfies ToWorker);
    }
  }
}
