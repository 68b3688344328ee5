import { parseProse } from '../src/core/prose/parse';
import * as fs from 'node:fs';
const flat = (s: string) => Buffer.from(s, 'utf8').toString('utf8');
const src = fs.readFileSync('scripts/measure-prose.ts', 'utf8');
const section = src.slice(src.indexOf('`## Supervision') + 1, src.indexOf('`;\n\nfunction realistic')).replace(/\\`/g, '`');
const real = flat(section.repeat(Math.ceil(1048576 / section.length)));
for (let i = 0; i < 30; i++) parseProse(real);
