// parseProseAgain must give exactly what a fresh parse gives, whatever the edit; these cases aim at
// the places a splice could go wrong: fences, front matter, block boundaries, CRLF, lists.
import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import { parseProseAgain, parseProseWithCheckpoints } from '../../src/core/prose/parse';
import { applyChange, bulletin, textChange } from '../fixtures/hostile/bulletin-arbitrary';

const RUNS = Math.max(100, Math.floor(Number(process.env.PROPERTY_RUNS ?? 300)));

function sameAsFresh(before: string, after: string): ReturnType<typeof parseProseAgain> {
  const previous = parseProseWithCheckpoints(before);
  const again = parseProseAgain(after, previous);
  const fresh = parseProseWithCheckpoints(after);
  assert.deepEqual(again.parse.model, fresh.model);
  assert.deepEqual(again.parse.checkpoints, fresh.checkpoints);
  return again;
}

function edit(text: string, find: string, replacement: string, from = 0): string {
  const at = text.indexOf(find, from);
  assert.ok(at >= 0, `"${find}" in the text`);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

const DOC = [
  '---',
  'title: Supervision',
  'evidence: { design: observational, sms: 2 }',
  '---',
  '',
  '# Supervision quality',
  '',
  'First paragraph about desistance. It has two sentences.',
  '',
  'Second paragraph with `code` and a [link](https://example.org). <!-- evidence: sms=2 -->',
  '',
  '- A list item',
  '',
  '  continued after a blank line.',
  '- Another item',
  '',
  '```text',
  'code that cuts reoffending',
  '```',
  '',
  '<div>',
  'html block',
  '</div>',
  '',
  '| A | B |',
  '| --- | --- |',
  '| 1 | 2 |',
  '',
  'Last paragraph.',
  '',
].join('\n');

describe('incremental prose parsing', () => {
  it('re-parses only near a one-character edit and keeps the blocks either side', () => {
    const after = edit(DOC, 'two sentences', 'three sentences');
    const { splice } = sameAsFresh(DOC, after);
    assert.ok(splice, 'a splice');
    assert.ok(splice.keptBefore >= 1, 'the heading is kept');
    assert.ok(splice.newFrom - splice.keptBefore <= 2, 'few blocks re-parsed');
    assert.equal(splice.delta, 2);
  });

  it('handles opening and closing a fence', () => {
    sameAsFresh(DOC, edit(DOC, 'First paragraph', '```\nFirst paragraph'));
    sameAsFresh(DOC, edit(DOC, '```\n\n<div>', '\n\n<div>'));
    sameAsFresh(DOC, edit(DOC, 'code that cuts', '```\ncode that cuts'));
  });

  it('handles edits in, at the end of and creating front matter', () => {
    sameAsFresh(DOC, edit(DOC, 'sms: 2 }', 'sms: 4 }'));
    sameAsFresh(DOC, edit(DOC, '---\n\n#', '---x\n\n#'));
    const plain = DOC.slice(DOC.indexOf('# Supervision'));
    sameAsFresh(plain, '---\n' + plain);
    const opened = '---\ntitle: x\n\nBody text.\n\nMore text.\n';
    sameAsFresh(opened, edit(opened, 'More text.', '---\nMore text.'));
  });

  it('handles joining and splitting paragraphs and list items', () => {
    sameAsFresh(DOC, edit(DOC, 'sentences.\n\nSecond', 'sentences.\nSecond'));
    sameAsFresh(DOC, edit(DOC, 'about desistance. It', 'about desistance.\n\nIt'));
    sameAsFresh(DOC, edit(DOC, '- A list item\n\n  continued', '- A list item\n\ncontinued'));
    sameAsFresh(DOC, edit(DOC, 'Last paragraph.', '- Last paragraph.'));
    sameAsFresh(DOC, edit(DOC, '| 1 | 2 |\n\nLast', '| 1 | 2 |\nLast'));
  });

  it('handles CRLF line ends, including an edit that splits or forms a CRLF pair', () => {
    const crlf = DOC.replace(/\n/g, '\r\n');
    sameAsFresh(crlf, edit(crlf, 'two sentences', 'two\r\nsentences'));
    sameAsFresh(crlf, edit(crlf, 'sentences.\r\n\r\nSecond', 'sentences.\r\r\nSecond'));
    const cr = DOC.replace(/\n/g, '\r');
    sameAsFresh(cr, edit(cr, 'sentences.\r\rSecond', 'sentences.\r\n\rSecond'));
  });

  it('handles inserting and deleting at the very end and the very start', () => {
    sameAsFresh(DOC, DOC + 'Trailing words');
    sameAsFresh(DOC, DOC.slice(0, -20));
    sameAsFresh(DOC, 'x' + DOC);
    sameAsFresh(DOC, '');
    sameAsFresh('', DOC);
  });

  it('returns the previous parse itself when the text is unchanged', () => {
    const previous = parseProseWithCheckpoints(DOC);
    assert.equal(parseProseAgain(DOC, previous).parse, previous);
  });

  it(`matches a fresh parse after random edits of random bulletins (${RUNS} runs)`, function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(bulletin, fc.array(textChange, { minLength: 1, maxLength: 6 }), (start, changes) => {
        let text = start;
        let previous = parseProseWithCheckpoints(text);
        for (const change of changes) {
          text = applyChange(text, change);
          const again = parseProseAgain(text, previous);
          const fresh = parseProseWithCheckpoints(text);
          assert.deepEqual(again.parse.model, fresh.model);
          assert.deepEqual(again.parse.checkpoints, fresh.checkpoints);
          previous = again.parse;
        }
      }),
      { numRuns: RUNS, seed: 424242 },
    );
  });
});
