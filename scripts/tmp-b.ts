import { parseProse } from '../src/core/prose/parse';
import { buildMasked } from '../src/core/prose/mask';
import { buildMasked as u16 } from '/tmp/mask-u16';
import * as fs from 'node:fs';
const flat = (s: string) => Buffer.from(s, 'utf8').toString('utf8');
const src = fs.readFileSync('scripts/measure-prose.ts', 'utf8');
const section = src.slice(src.indexOf('`## Supervision') + 1, src.indexOf('`;\n\nfunction realistic')).replace(/\\`/g, '`');
const real = flat(section.repeat(Math.ceil(1048576 / section.length)));
const fence = flat('```\n' + 'code line\n'.repeat(100_000));
for (const [name, t] of [['real', real], ['fence', fence]] as const) {
  const kept: number[] = []; const p = parseProse(t);
  const m = /[^ \n\r]+/g; let x; while ((x = m.exec(p.masked))) kept.push(x.index, x.index + x[0].length);
  for (const [label, f] of [['pieces', buildMasked], ['u16', u16]] as const) {
    let best = 1e9; for (let i = 0; i < 15; i++) { const s = performance.now(); f(t, kept); best = Math.min(best, performance.now() - s); }
    console.log(name, label, best.toFixed(2));
  }
  let best = 1e9; for (let i = 0; i < 15; i++) { const s = performance.now(); parseProse(t); best = Math.min(best, performance.now() - s); }
  console.log(name, 'parseProse', best.toFixed(2), t.length);
}
