// Deterministic benchmark bulletins: the project's own sample documents recombined to a target size.
//
// Blocks are rebuilt from shuffled sentences with redrawn figures so that almost every paragraph
// is unique; repeating the same paragraphs would let the per-block cache skip most of the work.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written for the benchmark when the repository has no sample bulletins yet. */
const BUILT_IN_SENTENCES = [
  'We linked inspectors\u2019 judgements on 3,042 cases from the 2018\u201319 inspections to nDelius and PNC records.',
  'Completion was 24 percentage points higher where supervision was judged high quality.',
  'High-quality supervision therefore cuts reoffending by 14 percentage points.',
  'The gap may partly reflect differences between cases that we did not measure.',
  'Cases where engagement was judged sufficient were more likely to show early progress.',
  'Building trust with offenders is what drives their desistance.',
  'Perceived fairness is associated with compliance in the procedural justice literature.',
  'Treating people fairly makes them comply with their licence.',
  'The binary proven reoffending rate fell to 34.2% for the October to December cohort.',
  'This proves that the supervision model reduced recidivism.',
  'A joint review suggested that potentially half of adults in prison may be neurodivergent.',
  'Neurodivergence causes reoffending, so universal screening will reduce reoffending.',
  'Trauma-informed practice is an approach rather than a treatment.',
  'Motivational interviewing fits the responsivity principle of the RNR model.',
  'Accredited programmes are reviewed by an independent panel before HMPPS decides on accreditation.',
  'Unpaid work was the most frequently imposed requirement in 2014.',
  'Risk of serious harm assessments were sufficient in only 35% of the cases we inspected.',
  'Professional curiosity means checking information rather than accepting it at face value.',
  'People on probation who kept stable accommodation were less likely to be recalled.',
  'The service user survey had 18,000 responses in 2018.',
  'Our findings are consistent with earlier work on core correctional practices.',
  'Lower caseloads lead to better outcomes for people on probation.',
  'Desistance is slow, and false starts are common.',
  'Where probation practitioners used structuring skills, sentence completion coincided with fewer breaches.',
  'Offender managers reported that the Good Lives Model helped them plan with the person.',
  'The effect of the intervention was significant.',
  'Young adults aged 18\u201325 are still developing the capacity for self-regulation.',
  'Restorative justice is voluntary for both the person harmed and the person responsible.',
  'Reoffending was 12% lower in the comparison area after the pilot began.',
  'We cannot rule out that the people referred differed from those who were not.',
  'Does supervision quality explain the difference in completion rates?',
  'Future work should test whether the link holds in a randomised controlled trial.',
];

/** Structural blocks that appear between paragraphs, each ending without a blank line. */
const BUILT_IN_STRUCTURE = [
  '- Relationship skills: respect, empathy and collaboration.\n- Structuring skills: prosocial modelling and problem solving.\n- Effective use of authority.',
  '1. Assessment\n2. Planning\n3. Implementation and delivery\n4. Reviewing',
  '> Probation can assist desistance; it cannot cause it.',
  '| Measure | High quality | Inadequate |\n| --- | --- | --- |\n| Completion | 71% | 47% |\n| Proven reoffending | 31% | 45% |',
  '```text\nbinary rate = reoffenders / cohort size\n```',
  '<!-- evidence: design=observational sms=2 source="HMIP linkage study" -->',
  'See the [proven reoffending statistics](https://www.gov.uk/government/collections/proven-reoffending-statistics) and `nDelius` extracts.',
];

const BUILT_IN_FRONT_MATTER = '---\ntitle: Supervision quality and outcomes\nevidence:\n  design: observational\n  sms: 2\n---';

const TOPICS = ['Engagement', 'Early progress', 'Completion', 'Proven reoffending', 'Methods', 'Caveats'];

export interface CorpusSource {
  sentences: string[];
  structure: string[];
  frontMatter: string | undefined;
  /** Where the material came from, for the benchmark's header. */
  description: string;
}

/** Sample bulletins shipped in the repository, in a stable order. */
function sampleFiles(repoRoot: string): string[] {
  const files: string[] = [];
  for (const dir of ['samples', 'test/fixtures/bulletins']) {
    const full = join(repoRoot, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full).sort()) if (name.endsWith('.md')) files.push(join(full, name));
  }
  return files;
}

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;

/** Splits sample bulletins into prose sentences and structural blocks. */
export function loadCorpusSource(repoRoot: string): CorpusSource {
  const files = sampleFiles(repoRoot);
  const sentences: string[] = [];
  const structure: string[] = [];
  let frontMatter: string | undefined;
  for (const file of files) {
    let text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
    const fm = FRONT_MATTER.exec(text);
    if (fm) {
      frontMatter ??= fm[0].trimEnd();
      text = text.slice(fm[0].length);
    }
    for (const block of text.split(/\n[ \t]*\n/)) {
      const trimmed = block.trim();
      if (!trimmed || trimmed.startsWith('#')) continue;
      if (isPlainParagraph(trimmed)) sentences.push(...splitRoughly(trimmed));
      else structure.push(trimmed);
    }
  }
  if (sentences.length < 10) {
    return {
      sentences: BUILT_IN_SENTENCES,
      structure: BUILT_IN_STRUCTURE,
      frontMatter: BUILT_IN_FRONT_MATTER,
      description: files.length
        ? `built-in paragraph set (only ${sentences.length} sentences in ${files.length} sample files)`
        : 'built-in paragraph set (no samples/*.md or test/fixtures/bulletins/*.md yet)',
    };
  }
  return {
    sentences,
    structure: structure.length ? structure : BUILT_IN_STRUCTURE,
    frontMatter: frontMatter ?? BUILT_IN_FRONT_MATTER,
    description: `${files.length} sample bulletins (${sentences.length} sentences, ${structure.length} structural blocks)`,
  };
}

function isPlainParagraph(block: string): boolean {
  return !/^(?:[-*+>|<]|\d+[.)]\s|```|~~~| {4})/.test(block);
}

/** Good enough for recombining text; the real sentence splitter lives in src/core. */
function splitRoughly(paragraph: string): string[] {
  return paragraph
    .replace(/\s*\n\s*/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z])/)
    .filter((s) => s.length > 0);
}

/** Small, fast, seedable PRNG (mulberry32) so every run builds the same bulletin. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function redrawFigures(text: string, random: () => number): string {
  return text.replace(/\d/g, () => String(Math.floor(random() * 10)));
}

/** A bulletin of about `targetBytes` characters, identical for the same source, size and seed. */
export function buildBulletin(source: CorpusSource, targetBytes: number, seed = 1): string {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const parts: string[] = [];
  let length = 0;
  const push = (block: string) => {
    parts.push(block);
    length += block.length + 2;
  };
  if (source.frontMatter) push(source.frontMatter);
  push('# Research bulletin: supervision quality and outcomes');
  let section = 0;
  while (length < targetBytes) {
    section++;
    push(`## ${pick(TOPICS)} (${section})`);
    const blocks = 4 + Math.floor(random() * 6);
    for (let b = 0; b < blocks && length < targetBytes; b++) {
      if (random() < 0.2) {
        push(redrawFigures(pick(source.structure), random));
        continue;
      }
      const count = 2 + Math.floor(random() * 4);
      const sentences: string[] = [];
      for (let s = 0; s < count; s++) sentences.push(redrawFigures(pick(source.sentences), random));
      push(sentences.join(' '));
    }
  }
  return parts.join('\n\n') + '\n';
}
