// Mocha `require` hook: embeds glossary/default.yaml before any test imports the core, so a fresh
// clone can run `npx mocha` without a build step.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'embed-default-glossary.mjs')], { stdio: 'inherit' });
