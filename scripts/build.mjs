// Builds every front door from the one source tree with esbuild:
//   dist/extension.js      desktop extension host (Node): the adapter, small, evaluated at activation
//   dist/engine.js         the checking engine for it, required at the first check
//   dist/web/extension.js  web extension host (vscode.dev, a browser worker)
//   dist/cli.js            the `bulletin-check` command line
//   dist/cli-worker.js     worker thread used by `bulletin-check --jobs N`
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// The default glossary is embedded as text so the core never reads files.
if (existsSync('scripts/embed-default-glossary.mjs')) {
  execFileSync(process.execPath, ['scripts/embed-default-glossary.mjs'], { stdio: 'inherit' });
}

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'none',
};

// The first and last statements of the extension bundles note the time, so activate() can tell
// how long evaluating the bundle took (VS Code counts that "code loading" in an extension's activation).
const loadClock = { js: 'globalThis.__bulletinCheckerLoadStart = performance.now();' };
const loadClockEnd = { js: 'globalThis.__bulletinCheckerLoadEnd = performance.now();' };

// On the desktop the engine is a file of its own, so that activating reads and compiles only the
// adapter (VS Code counts that as activation time): src/extension/engine.ts requires
// '../core/engine', which this build leaves as a require of ./engine.js beside the adapter. The web
// build cannot load a second file, so it keeps the engine inside (still evaluated only on first use).
const engineApart = {
  name: 'engine-apart',
  setup(build) {
    build.onResolve({ filter: /\/core\/engine$/ }, (args) =>
      args.importer.endsWith('src/extension/engine.ts') ? { path: './engine.js', external: true } : undefined,
    );
  },
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    plugins: [engineApart],
    banner: loadClock,
    footer: loadClockEnd,
  },
  {
    ...common,
    entryPoints: ['src/core/engine.ts'],
    outfile: 'dist/engine.js',
    platform: 'node',
    format: 'cjs',
  },
  {
    ...common,
    banner: loadClock,
    footer: loadClockEnd,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    define: { 'process.env.NODE_ENV': '"production"' },
  },
];
if (existsSync('src/cli/main.ts')) {
  builds.push({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
  });
}
if (existsSync('src/cli/worker.ts')) {
  builds.push({ ...common, entryPoints: ['src/cli/worker.ts'], outfile: 'dist/cli-worker.js', platform: 'node', format: 'cjs' });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('Watching for changes…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
