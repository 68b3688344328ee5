// Embeds the default glossary into src/generated/default-glossary.ts (see compile-default-glossary.ts).
// Skips the work when the generated file is newer than the YAML and the loader's sources.
// Usage: node scripts/embed-default-glossary.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'src/generated/default-glossary.ts');
const inputs = [
  join(root, 'glossary/default.yaml'),
  join(root, 'scripts/compile-default-glossary.ts'),
  ...['src/core/glossary', 'src/core/prose', 'src/core/rules', 'src/core/claims'].flatMap((d) =>
    readdirSync(join(root, d)).map((f) => join(root, d, f)),
  ),
].filter((f) => existsSync(f));

const newest = Math.max(...inputs.map((f) => statSync(f).mtimeMs));
if (!existsSync(target) || statSync(target).mtimeMs < newest) {
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/compile-default-glossary.ts')], { stdio: 'inherit', cwd: root });
}
