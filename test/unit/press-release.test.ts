// End to end through the real pipeline (prose model, classifier, evidence layer, rules): every
// sentence line of the press-release fixtures says which rules must report on it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../src/core/check';

const FIXTURES = join(__dirname, '..', 'fixtures', 'bulletins');
const CAUSAL_RULES = ['unsupported-causal-claim', 'hedged-causal-claim'];

interface ExpectedLine {
  line: number;
  text: string;
  rules: string[];
}

function expectations(text: string): ExpectedLine[] {
  const found: ExpectedLine[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const marker = /<!-- expect: ([^>]*?) -->/.exec(line);
    if (!marker) return;
    const rules = marker[1].trim() === 'none' ? [] : marker[1].split(',').map((r) => r.trim());
    found.push({ line: index, text: line.slice(0, marker.index).trim(), rules });
  });
  return found;
}

function rulesByLine(text: string): Map<number, string[]> {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const byLine = new Map<number, string[]>();
  const result = checkDocument(text);
  assert.deepEqual(result.ruleFailures, []);
  for (const finding of result.findings) {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= finding.range.start) line++;
    byLine.set(line, [...(byLine.get(line) ?? []), finding.ruleId]);
  }
  return byLine;
}

function short(text: string): string {
  return text.length > 70 ? `${text.slice(0, 67)}…` : text;
}

describe('press release (observational evidence, SMS 2)', () => {
  const text = readFileSync(join(FIXTURES, 'press-release-2023.md'), 'utf8');
  const byLine = rulesByLine(text);
  for (const expected of expectations(text)) {
    const wanted = expected.rules.length ? expected.rules.join(', ') : 'nothing';
    it(`line ${expected.line + 1} “${short(expected.text)}” reports ${wanted}`, () => {
      assert.deepEqual([...new Set(byLine.get(expected.line) ?? [])].sort(), [...expected.rules].sort());
    });
  }
});

describe('press release declaring randomised evidence (SMS 5)', () => {
  const text = readFileSync(join(FIXTURES, 'press-release-2023-sms5.md'), 'utf8');
  const byLine = rulesByLine(text);

  it('reports no unsupported or hedged causal claim anywhere', () => {
    const causal = [...byLine.values()].flat().filter((id) => CAUSAL_RULES.includes(id));
    assert.deepEqual(causal, []);
  });

  for (const expected of expectations(text)) {
    const rules = expected.rules.filter((id) => !CAUSAL_RULES.includes(id));
    const wanted = rules.length ? rules.join(', ') : 'nothing';
    it(`line ${expected.line + 1} “${short(expected.text)}” reports ${wanted}`, () => {
      assert.deepEqual([...new Set(byLine.get(expected.line) ?? [])].sort(), [...rules].sort());
    });
  }
});
