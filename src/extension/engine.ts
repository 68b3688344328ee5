// The checking engine, loaded when first needed. VS Code counts the time to load an extension's
// code as part of its activation; evaluating the engine (the classifier's tables, the default
// glossary, the YAML parser) takes about 100 ms in the editor, so activation only registers the
// commands and providers and the first check loads the engine. The bundler keeps a module reached
// through require() in a function of its own, run on that first call.
import type * as Engine from '../core/engine';

let loaded: typeof Engine | undefined;
let loadMs: number | undefined;

export function engine(): typeof Engine {
  if (!loaded) {
    const started = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('../core/engine') as typeof Engine;
    loadMs = performance.now() - started;
  }
  return loaded;
}

/** How long loading the engine took (paid by the first check), or undefined before it is loaded. */
export function engineLoadMs(): number | undefined {
  return loadMs;
}
