// End to end over the self-describing bulletin fixtures: Markdown structures (nothing flagged inside
// code, URLs, HTML or front matter; prose flagged) and claims backed by citations and annotations.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRegistry } from '../../src/core/claims/registry';
import { defaultGlossary } from '../../src/core/glossary/default';
import { expectations, rulesByLine, short } from './fixture-expectations';

const FIXTURES = join(__dirname, '..', 'fixtures');

function checkFixture(name: string, byLine: Map<number, string[]>, text: string): void {
  const expected = expectations(text);
  it(`${name} carries expectations`, () => assert.ok(expected.length > 10));
  const marked = new Set(expected.map((e) => e.line));
  for (const e of expected) {
    const wanted = e.rules.length ? e.rules.join(', ') : 'nothing';
    it(`${name} line ${e.line + 1} “${short(e.text)}” reports ${wanted}`, () => {
      assert.deepEqual([...new Set(byLine.get(e.line) ?? [])].sort(), [...e.rules].sort());
    });
  }
  it(`${name}: lines without a marker (code, URLs, HTML, front matter) report nothing`, () => {
    const stray = [...byLine].filter(([line]) => !marked.has(line)).map(([line, rules]) => `line ${line + 1}: ${rules.join(', ')}`);
    assert.deepEqual(stray, []);
  });
}

describe('bulletin fixture: Markdown structures', () => {
  const text = readFileSync(join(FIXTURES, 'bulletins', 'markdown-structures.md'), 'utf8');
  checkFixture('markdown-structures.md', rulesByLine(text, { glossary: defaultGlossary() }), text);
});

describe('bulletin fixture: claims with citations and annotations', () => {
  const text = readFileSync(join(FIXTURES, 'bulletins', 'cited-claims.md'), 'utf8');
  const registryFile = join(FIXTURES, 'registry', 'evidence.yaml');
  const { registry, problems } = parseRegistry(readFileSync(registryFile, 'utf8'), registryFile);
  it('the example registry loads without problems', () => assert.deepEqual(problems, []));
  checkFixture('cited-claims.md', rulesByLine(text, { registry }), text);
});
