// The example table on the unsupported-causal-claim rule page is a promise to writers: every
// sentence in its "Flagged" column is flagged, and none in its "Not flagged" column is, under the
// front matter the page names. Checked through the real pipeline so the page cannot drift.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../src/core/check';

const PAGE = join(__dirname, '..', '..', 'docs', 'rules', 'unsupported-causal-claim.md');
const FRONT_MATTER = '---\nevidence: { design: observational, sms: 2 }\n---\n\n';
const RULE = 'unsupported-causal-claim';

/** The two columns of the table under "## Examples", without bold marks and italic notes. */
function exampleColumns(page: string): { flagged: string[]; notFlagged: string[] } {
  const section = page.slice(page.indexOf('## Examples'), page.indexOf('## Quick fixes'));
  const flagged: string[] = [];
  const notFlagged: string[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('|') || line.startsWith('|---') || line.startsWith('| Flagged')) continue;
    const [left, right] = line.split('|').slice(1, 3).map((cell) => cell.replace(/\*\([^)]*\)\*/g, '').replace(/\*\*/g, '').trim());
    if (left) flagged.push(left);
    if (right) notFlagged.push(right);
  }
  return { flagged, notFlagged };
}

function flags(sentence: string): boolean {
  return checkDocument(`${FRONT_MATTER}${sentence}\n`).findings.some((f) => f.ruleId === RULE);
}

describe('the unsupported-causal-claim page’s examples', () => {
  const { flagged, notFlagged } = exampleColumns(readFileSync(PAGE, 'utf8'));

  it('has examples in both columns', () => {
    assert.ok(flagged.length >= 5 && notFlagged.length >= 5, `${flagged.length} flagged, ${notFlagged.length} not flagged`);
  });
  for (const sentence of flagged) it(`flags “${sentence}”`, () => assert.ok(flags(sentence)));
  for (const sentence of notFlagged) it(`does not flag “${sentence}”`, () => assert.ok(!flags(sentence)));
});
