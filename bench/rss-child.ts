// Run in its own process by run.ts: checks one bulletin once and prints its peak memory as JSON.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadOurSetup, checkWithOurs } from './ours';

const file = process.argv[2];
if (!file) throw new Error('usage: rss-child.ts <bulletin.md>');
const setup = loadOurSetup(resolve(__dirname, '..'));
const text = readFileSync(file, 'utf8');
const beforeMb = process.memoryUsage().rss / (1024 * 1024);
const start = performance.now();
const result = checkWithOurs(text, setup);
const ms = performance.now() - start;
// maxRSS is in kilobytes and covers the whole life of this process.
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  JSON.stringify({ peakRssMb: peakMb, rssBeforeCheckMb: beforeMb, checkMs: ms, findings: result.findings.length }) + '\n',
);
