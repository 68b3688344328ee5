import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { appendListItem, newListFile } from '../../src/core/edit/appendYamlEntry';

function apply(text: string, insertion: { offset: number; text: string }): string {
  return text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset);
}

describe('adding an entry to a YAML glossary', () => {
  const glossary = [
    '# Our team glossary — keep alphabetical',
    'version: 1',
    'entries:',
    '  # the first entry',
    '  - term: Desistance',
    "    definition: 'Stopping offending.'   # short on purpose",
    '  - term: Engagement',
    '    aliases: [rapport]',
    '',
    '# trailing comment',
    '',
  ].join('\n');

  it('keeps every existing line, comment and quote exactly and adds the entry at the end of the list', () => {
    const result = appendListItem(glossary, 'entries', { term: 'Recall', definition: 'A return to custody.' });
    assert.ok(result.ok);
    const updated = apply(glossary, result.insertion);
    assert.ok(updated.startsWith(glossary.split('\n\n# trailing')[0]));
    assert.ok(updated.includes("definition: 'Stopping offending.'   # short on purpose"));
    assert.ok(updated.includes('# trailing comment'));
    const data = parse(updated);
    assert.deepEqual(data.entries.map((e: { term: string }) => e.term), ['Desistance', 'Engagement', 'Recall']);
    assert.equal(data.entries[2].definition, 'A return to custody.');
  });

  it('creates the list when the file has none', () => {
    const result = appendListItem('version: 1\n', 'entries', { term: 'Recall', definition: 'x' });
    assert.ok(result.ok);
    assert.deepEqual(parse(apply('version: 1\n', result.insertion)).entries, [{ term: 'Recall', definition: 'x' }]);
  });

  it('refuses, with a reason, to edit a file that does not parse', () => {
    const result = appendListItem('entries: [\n', 'entries', { term: 'Recall' });
    assert.equal(result.ok, false);
  });

  it('writes a new file that parses back to the entry', () => {
    const text = newListFile('version: 1\n', 'entries', { term: 'Recall', definition: 'A return: to custody.' });
    assert.deepEqual(parse(text), { version: 1, entries: [{ term: 'Recall', definition: 'A return: to custody.' }] });
  });
});
