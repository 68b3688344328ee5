// Worker-thread entry: builds each configuration once, then checks files as they are sent.
import { parentPort, workerData } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { buildCheckConfig, type CheckConfig, type ConfigSpec } from './engine';
import { checkFile } from './checker';
import type { FromWorker, ToWorker, WorkerStartData } from './protocol';

const port = parentPort;
if (!port) throw new Error('cli-worker must be started as a worker thread.');
const { options, preload } = workerData as WorkerStartData;
for (const module of preload) require(module);
const specs = new Map<string, ConfigSpec>();
const configs = new Map<string, CheckConfig>();

function configFor(key: string): CheckConfig {
  let config = configs.get(key);
  if (!config) {
    const spec = specs.get(key);
    if (!spec) throw new Error(`No configuration was sent for ${key}.`);
    config = buildCheckConfig(spec);
    configs.set(key, config);
  }
  return config;
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'config') {
    specs.set(message.key, message.spec);
    return;
  }
  void checkFile(message.file, () => configFor(message.key), options, (file) => readFile(file)).then((outcome) => {
    const reply: FromWorker = { type: 'outcome', id: message.id, outcome };
    port.postMessage(reply);
  });
});
