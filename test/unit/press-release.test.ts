// End to end through the real pipeline (prose model, classifier, evidence layer, rules): every
// sentence line of the press-release fixtures says which rules must report on it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectations, rulesByLine, short } from './fixture-expectations';

const FIXTURES = join(__dirname, '..', 'fixtures', 'bulletins');
const CAUSAL_RULES = ['unsupported-causal-claim', 'hedged-causal-claim'];

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
