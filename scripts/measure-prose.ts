// Times parseProse and splitSentences on a realistic bulletin and on pathological inputs.
// Run: npx tsx scripts/measure-prose.ts
import { parseProse } from '../src/core/prose/parse';
import { splitSentences } from '../src/core/prose/sentences';

const SECTION = `## Supervision quality and outcomes

We linked inspectors' judgements on just over 3,000 cases from the 2018–19 inspections to
nDelius and PNC records (see [the method note](https://example.org/method "Method")). Completion
was 24 percentage points higher where supervision was judged *high quality* than where it was
judged **inadequate**, e.g. in the \`RSR\` band. The gap may partly reflect differences between
cases that we did not measure [@hmip2020; see also @smith2019, p. 4].[^1]

> Cases where engagement was judged sufficient were more likely to show early progress, such as
> settled accommodation. The NPS rate fell to 34.2% for the Oct–Dec 2019 cohort, p < 0.05.

- Building trust with people on probation is associated with compliance.
- Perceived fairness is associated with compliance; see https://www.gov.uk/guidance.
  1. Nested item with <abbr title="Risk-Need-Responsivity">RNR</abbr> markup.

| Measure | Rate | Note |
|---|:-:|---|
| Proven reoffending | 34.2% | Oct–Dec 2019 |
| Completion | 71% | \`n = 3,012\` |

\`\`\`r
model <- glm(reoffended ~ quality, data = cases)
\`\`\`

<!-- evidence: design=observational sms=2 source="HMIP 2020" -->

[^1]: Synthetic figures for testing.

`;

function realisticBulletin(bytes: number): string {
  const parts = ['---\ntitle: Research bulletin\nissue: 12\n---\n\n# Probation research bulletin\n\n'];
  let size = parts[0].length;
  while (size < bytes) {
    parts.push(SECTION);
    size += SECTION.length;
  }
  return parts.join('');
}

/** A flat copy, as a document read from disk would be (repeat() builds a rope). */
function flat(text: string): string {
  return new TextDecoder().decode(new TextEncoder().encode(text));
}

function time(label: string, text: string, run: (text: string) => unknown, repeats = 5): number {
  run(text); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    run(text);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  const best = samples[0];
  const mb = text.length / 1_048_576;
  console.log(
    `${label.padEnd(48)} ${mb.toFixed(2).padStart(6)} MB  best ${best.toFixed(1).padStart(7)} ms` +
      `  median ${median.toFixed(1).padStart(7)} ms  (best ${(best / mb).toFixed(1)} ms/MB)`,
  );
  return best;
}

function sentencesOfAllBlocks(text: string): number {
  const prose = parseProse(text);
  let count = 0;
  for (const block of prose.blocks) count += splitSentences(prose.masked.slice(block.range.start, block.range.end)).length;
  return count;
}

const MB = 1_048_576;
// A yardstick for how busy the machine is: one plain pass over 1 MB and 640,000 array pushes.
time('yardstick: charCodeAt pass over 1 MB', 'x'.repeat(MB), (t) => {
  let sum = 0;
  for (let i = 0; i < t.length; i++) sum += t.charCodeAt(i);
  return sum;
}, 15);
time('yardstick: 640,000 array pushes', 'x'.repeat(MB), () => {
  const a: number[] = [];
  for (let i = 0; i < 320_000; i++) a.push(i, i + 1);
  return a;
}, 15);
time('parseProse, realistic bulletin', flat(realisticBulletin(MB)), parseProse, 25);
time('parseProse, realistic bulletin', flat(realisticBulletin(10 * MB)), parseProse, 7);
time('parseProse + splitSentences, realistic', flat(realisticBulletin(MB)), sentencesOfAllBlocks, 25);
time('splitSentences, 1 MB block with no punctuation', 'word '.repeat(MB / 5), splitSentences);
time('splitSentences, 1 MB block of abbreviations', 'e.g. et al. No. 5 '.repeat(MB / 18), splitSentences);

const pathological: [string, string][] = [
  ['10 MB single line', 'reoffending fell '.repeat((10 * MB) / 17)],
  ['100,000 headings', '# Heading text\n'.repeat(100_000)],
  ['nested quotes, 10,000 deep', '>'.repeat(10_000) + ' text\n' + '>'.repeat(10_000) + ' more\n'],
  ['nested lists, 2,000 deep', Array.from({ length: 2_000 }, (_, i) => ' '.repeat(2 * i) + '- item').join('\n')],
  ['10,000-row table', '| a | b |\n|---|---|\n' + '| cell `x` | *y* |\n'.repeat(10_000)],
  ['huge backtick runs', '`'.repeat(100_000) + ' x ' + '``'.repeat(100_000)],
  ['backtick runs of every length', Array.from({ length: 1_000 }, (_, i) => '`'.repeat(i + 1)).join(' a ')],
  ['unclosed brackets and links', '[a](b '.repeat(200_000)],
  ['unclosed HTML comments', '<!-- x '.repeat(200_000)],
  ['unclosed tags', '<a href="x" '.repeat(100_000)],
  ['unclosed fence', '```\n' + 'code line\n'.repeat(100_000)],
  ['emphasis runs', '*_'.repeat(500_000)],
  ['link destinations with parentheses', '[](' .repeat(300_000)],
];
for (const [label, text] of pathological) time(`parseProse, ${label}`, flat(text), parseProse, 5);
