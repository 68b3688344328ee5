// The example tables on the causal-claim rule pages are a promise to writers: every sentence in a
// "Flagged" column is flagged by that page's rule, and none in its "Not flagged" column is, under
// the front matter the pages name. Checked through the real pipeline so the pages cannot drift.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../src/core/check';

const RULES_DIR = join(__dirname, '..', '..', 'docs', 'rules');
const FRONT_MATTER = '---\nevidence: { design: observational, sms: 2 }\n---\n\n';

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

const QUASI_EXPERIMENTAL = '---\nevidence: { design: difference-in-differences, sms: 3 }\n---\n\n';

function flags(rule: string, sentence: string, frontMatter = FRONT_MATTER): boolean {
  return checkDocument(`${frontMatter}${sentence}\n`).findings.some((f) => f.ruleId === rule);
}

for (const rule of ['unsupported-causal-claim', 'hedged-causal-claim']) {
  describe(`the ${rule} page’s examples`, () => {
    const { flagged, notFlagged } = exampleColumns(readFileSync(join(RULES_DIR, `${rule}.md`), 'utf8'));

    it('has examples in both columns', () => {
      assert.ok(flagged.length >= 3 && notFlagged.length >= 3, `${flagged.length} flagged, ${notFlagged.length} not flagged`);
    });
    for (const sentence of flagged) it(`flags “${sentence}”`, () => assert.ok(flags(rule, sentence)));
    for (const sentence of notFlagged) it(`does not flag “${sentence}”`, () => assert.ok(!flags(rule, sentence)));
    it('flags none of the flagged examples when the bulletin declares SMS 3 evidence', () => {
      assert.deepEqual(flagged.filter((sentence) => flags(rule, sentence, QUASI_EXPERIMENTAL)), []);
    });
  });
}
