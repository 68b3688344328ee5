// Our prose model must skip exactly the code a CommonMark parser finds. For every example in the
// CommonMark spec, compare which characters lie inside code (blocks and spans) according to the
// prose model and according to mdast-util-from-markdown.
import * as assert from 'node:assert/strict';
import { parseProse } from '../../src/core/prose/parse';
import type { TextRange } from '../../src/core/types';

interface SpecExample {
  markdown: string;
  number: number;
  section: string;
}

interface MdastNode {
  type: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: MdastNode[];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const examples = (require('commonmark-spec') as { tests: SpecExample[] }).tests;

/** Examples where we knowingly differ from CommonMark, each with the reason. Keep this short. */
const KNOWN_DIFFERENCES: Record<number, string> = {};

type FromMarkdown = (text: string) => MdastNode;

function referenceCodeRanges(fromMarkdown: FromMarkdown, markdown: string): TextRange[] {
  const ranges: TextRange[] = [];
  const visit = (node: MdastNode): void => {
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position) {
      ranges.push({ start: node.position.start.offset ?? 0, end: node.position.end.offset ?? 0 });
    }
    node.children?.forEach(visit);
  };
  visit(fromMarkdown(markdown));
  return ranges;
}

/** The non-whitespace offsets covered by `ranges`, as a sorted list (whitespace at the edges is noise). */
function codeOffsets(markdown: string, ranges: TextRange[]): number[] {
  const inside = new Set<number>();
  for (const range of ranges) {
    for (let i = range.start; i < range.end; i++) if (!/\s/.test(markdown[i])) inside.add(i);
  }
  return [...inside].sort((a, b) => a - b);
}

function disagreements(fromMarkdown: FromMarkdown): { number: number; section: string }[] {
  const found: { number: number; section: string }[] = [];
  for (const example of examples) {
    const markdown = example.markdown.replace(/→/g, '\t');
    const expected = codeOffsets(markdown, referenceCodeRanges(fromMarkdown, markdown));
    const actual = codeOffsets(markdown, parseProse(markdown).codeRanges ?? []);
    if (expected.join() !== actual.join()) found.push({ number: example.number, section: example.section });
  }
  return found;
}

describe('CommonMark agreement on what is code', () => {
  let fromMarkdown: FromMarkdown;

  before(async () => {
    ({ fromMarkdown } = (await import('mdast-util-from-markdown')) as unknown as { fromMarkdown: FromMarkdown });
  });

  it('compares a meaningful number of examples that contain code', () => {
    const withCode = examples.filter(
      (e) => referenceCodeRanges(fromMarkdown, e.markdown.replace(/→/g, '\t')).length > 0,
    ).length;
    assert.ok(withCode >= 100, `only ${withCode} examples contain code`);
  });

  it('finds the same code characters as a CommonMark parser in every spec example but the listed few', () => {
    const found = disagreements(fromMarkdown);
    const unexpected = found.filter((d) => !(d.number in KNOWN_DIFFERENCES));
    const agreeing = examples.length - found.length;
    console.log(`      CommonMark code agreement: ${agreeing}/${examples.length} examples`);
    assert.deepEqual(
      unexpected.map((d) => `${d.number} (${d.section})`),
      [],
      'examples whose code ranges differ from CommonMark',
    );
  });

  it('leaves nothing inside HTML, code or link definitions as prose in any spec example', () => {
    const leaks: number[] = [];
    for (const example of examples) {
      const markdown = example.markdown.replace(/→/g, '\t');
      const hidden: TextRange[] = [];
      const visit = (node: MdastNode): void => {
        if (['html', 'code', 'inlineCode', 'definition'].includes(node.type) && node.position) {
          hidden.push({ start: node.position.start.offset ?? 0, end: node.position.end.offset ?? 0 });
        }
        node.children?.forEach(visit);
      };
      visit(fromMarkdown(markdown));
      const masked = parseProse(markdown).masked;
      if (codeOffsets(markdown, hidden).some((i) => masked[i] !== ' ')) leaks.push(example.number);
    }
    assert.deepEqual(leaks, []);
  });

  it('lists no known difference that has since been fixed', () => {
    const found = new Set(disagreements(fromMarkdown).map((d) => d.number));
    const stale = Object.keys(KNOWN_DIFFERENCES).map(Number).filter((n) => !found.has(n));
    assert.deepEqual(stale, []);
  });
});
