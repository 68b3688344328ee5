import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseProse } from '../../src/core/prose/parse';
import type { ProseModel } from '../../src/core/types';

/** The prose words left in the masked text, in order. */
function words(model: ProseModel): string[] {
  return model.masked.split(/\s+/).filter(Boolean);
}

function blockTexts(model: ProseModel): string[] {
  return model.blocks.map((b) => model.masked.slice(b.range.start, b.range.end).replace(/\s+/g, ' ').trim());
}

function assertMaskInvariants(text: string, model: ProseModel): void {
  assert.equal(model.masked.length, text.length, 'masked text keeps the length');
  for (let i = 0; i < text.length; i++) {
    const original = text[i];
    const masked = model.masked[i];
    if (original === '\n' || original === '\r') assert.equal(masked, original, `line break kept at ${i}`);
    else assert.ok(masked === original || masked === ' ', `character ${i} is either kept or blanked`);
  }
}

describe('the prose model', () => {
  it('keeps paragraph prose and blanks emphasis markers without moving anything', () => {
    const text = 'Supervision *quality* matters to **outcomes**.';
    const model = parseProse(text);
    assertMaskInvariants(text, model);
    assert.equal(model.masked, 'Supervision  quality  matters to   outcomes  .');
    assert.deepEqual(model.blocks, [{ kind: 'paragraph', range: { start: 0, end: text.length } }]);
  });

  it('skips fenced code with backticks and tildes, honouring the closing-fence rules', () => {
    const text = 'Before.\n\n````\ncode\n```\nstill code\n````\n\n~~~ r\nx <- 1\n~~~\n\nAfter.';
    const model = parseProse(text);
    assert.deepEqual(words(model), ['Before.', 'After.']);
    assert.equal(model.codeRanges?.length, 2);
  });

  it('runs an unclosed fence to the end of the document', () => {
    const model = parseProse('Intro.\n\n```\nnever closed\n\nReoffending fell.');
    assert.deepEqual(words(model), ['Intro.']);
  });

  it('skips indented code but not an indented paragraph continuation line', () => {
    const model = parseProse('A paragraph\n    continues here.\n\n    indented code\n\nNext.');
    assert.deepEqual(words(model), ['A', 'paragraph', 'continues', 'here.', 'Next.']);
  });

  it('skips inline code spans, matching backtick runs of equal length', () => {
    const model = parseProse('Use ``a ` tick`` and `x` but not ` unmatched.');
    assert.deepEqual(words(model), ['Use', 'and', 'but', 'not', 'unmatched.']);
    assert.equal(model.codeRanges?.length, 2);
  });

  it('reads YAML front matter into data and keeps it out of the prose', () => {
    const text = '---\ntitle: Desistance\nsms: 3\n---\n# Heading\n\nBody.';
    const model = parseProse(text);
    assert.deepEqual(model.frontMatter?.data, { title: 'Desistance', sms: 3 });
    assert.deepEqual(model.frontMatter?.range, { start: 0, end: text.indexOf("---", 4) + 3 });
    assert.deepEqual(words(model), ['Heading', 'Body.']);
    assert.deepEqual(model.blocks.map((b) => b.kind), ['heading', 'paragraph']);
  });

  it('reports a front matter YAML error with a range inside the front matter', () => {
    const text = '---\ntitle: [unclosed\n---\nBody.';
    const model = parseProse(text);
    assert.equal(model.frontMatter?.data, undefined);
    const error = model.frontMatter?.error;
    assert.ok(error, 'an error is reported');
    assert.ok(error.message.length > 0);
    assert.ok(error.range.start >= 4 && error.range.end <= model.frontMatter!.range.end, 'range inside the block');
    assert.deepEqual(words(model), ['Body.']);
  });

  it('accepts front matter closed by three dots, after a byte order mark and with CRLF', () => {
    const text = '\uFEFF---\r\na: 1\r\n...\r\nBody.\r\n';
    const model = parseProse(text);
    assert.deepEqual(model.frontMatter?.data, { a: 1 });
    assert.deepEqual(words(model), ['Body.']);
    assertMaskInvariants(text, model);
  });

  it('does not treat a thematic break later in the document as front matter', () => {
    const model = parseProse('Text.\n\n---\n\nMore text.\n\n---\n');
    assert.equal(model.frontMatter, undefined);
    assert.deepEqual(words(model), ['Text.', 'More', 'text.']);
  });

  it('skips HTML blocks and inline HTML but keeps the surrounding prose', () => {
    const model = parseProse('<div class="note">\nhidden\n</div>\n\nShown <abbr title="x">RNR</abbr> text.');
    assert.deepEqual(words(model), ['Shown', 'RNR', 'text.']);
  });

  it('lists every HTML comment with its trimmed body and offsets, block or inline', () => {
    const text = '<!-- bulletin-checker-disable causal-claim -->\n\nA claim. <!-- evidence: rct, sms 5 -->\n';
    const model = parseProse(text);
    assert.deepEqual(
      model.comments.map((c) => c.body),
      ['bulletin-checker-disable causal-claim', 'evidence: rct, sms 5'],
    );
    for (const comment of model.comments) {
      assert.equal(text.slice(comment.range.start, comment.range.start + 4), '<!--');
      assert.equal(text.slice(comment.range.end - 3, comment.range.end), '-->');
      assert.equal(text.slice(comment.bodyStart, comment.bodyStart + comment.body.length), comment.body);
    }
    assert.deepEqual(words(model), ['A', 'claim.']);
  });

  it('keeps link text but blanks destinations, titles, autolinks and bare URLs', () => {
    const model = parseProse(
      'See [the toolkit](https://example.org/a_(b) "Title") and <https://gov.uk> or https://example.org/x, www.gov.uk.',
    );
    assert.deepEqual(words(model), ['See', 'the', 'toolkit', 'and', 'or', ',', '.']);
  });

  it('blanks reference definitions, footnote markers and citation brackets but keeps footnote text', () => {
    const model = parseProse('Claim[^1] [@smith2019, p. 4] holds.\n\n[ref]: https://example.org "T"\n\n[^1]: The note.');
    assert.deepEqual(words(model), ['Claim', 'holds.', 'The', 'note.']);
    assert.deepEqual(model.blocks.map((b) => b.kind), ['paragraph', 'footnote']);
  });

  it('treats headings, list items, table cells, quotes and footnotes as prose blocks', () => {
    const text = [
      '# Title #',
      '',
      '- first item',
      '- second item',
      '  continued',
      '',
      '> quoted line',
      'lazy line',
      '',
      '| Measure | Rate |',
      '|---|:-:|',
      '| Completion | 71% |',
      '',
      '[^n]: Footnote text.',
    ].join('\n');
    const model = parseProse(text);
    assertMaskInvariants(text, model);
    assert.deepEqual(model.blocks.map((b) => b.kind), [
      'heading', 'listItem', 'listItem', 'blockquote', 'tableCell', 'tableCell', 'tableCell', 'tableCell', 'footnote',
    ]);
    assert.deepEqual(blockTexts(model), [
      'Title', 'first item', 'second item continued', 'quoted line lazy line', 'Measure', 'Rate', 'Completion', '71%', 'Footnote text.',
    ]);
  });

  it('strips nested list and quote prefixes', () => {
    const model = parseProse('> - outer\n>   - inner item\n>     still inner\n');
    assert.deepEqual(blockTexts(model), ['outer', 'inner item still inner']);
    assert.deepEqual(model.blocks.map((b) => b.kind), ['listItem', 'listItem']);
  });

  it('turns a setext underline into a heading and blanks the underline', () => {
    const model = parseProse('Key findings\n============\n\nBody.');
    assert.deepEqual(model.blocks.map((b) => b.kind), ['heading', 'paragraph']);
    assert.deepEqual(words(model), ['Key', 'findings', 'Body.']);
  });

  it('keeps lone CR and CRLF line breaks and handles tabs in indentation', () => {
    const text = 'One line\rtwo line\r\n\r\n\tcode here\r\n\r\nEnd.';
    const model = parseProse(text);
    assertMaskInvariants(text, model);
    assert.deepEqual(words(model), ['One', 'line', 'two', 'line', 'End.']);
  });

  it('keeps snake_case words whole but blanks underscore emphasis', () => {
    const model = parseProse('The risk_score and _emphasis_ differ.');
    assert.deepEqual(words(model), ['The', 'risk_score', 'and', 'emphasis', 'differ.']);
  });

  it('keeps "p < 0.05" as prose because a lone < is not HTML', () => {
    const model = parseProse('The difference was significant (p < 0.05).');
    assert.equal(model.masked, 'The difference was significant (p < 0.05).');
  });

  it('masks backslashes of escapes but keeps the escaped character', () => {
    const model = parseProse('Not \\*emphasis\\*.');
    assert.equal(model.masked, 'Not  *emphasis *.');
  });

  it('gives blocks that do not overlap and lie in document order', () => {
    const text = '# A\n\nPara one.\n\n- item\n\n> quote\n\n| a | b |\n|---|---|\n| c | d |\n';
    const model = parseProse(text);
    for (let i = 1; i < model.blocks.length; i++) {
      assert.ok(model.blocks[i - 1].range.end <= model.blocks[i].range.start);
    }
  });

  it('keeps lone surrogates and astral characters in prose exactly as written', () => {
    const text = 'Supervision \ud800cuts reoffending \udc00 for people \u{1F600} on *probation*.';
    const model = parseProse(text);
    assertMaskInvariants(text, model);
    assert.equal(model.masked, 'Supervision \ud800cuts reoffending \udc00 for people \u{1F600} on  probation .');
  });

  it('returns an empty model for an empty document', () => {
    const model = parseProse('');
    assert.deepEqual(model.blocks, []);
    assert.equal(model.masked, '');
  });
});

describe('the prose model on arbitrary Markdown-like text', () => {
  const pieces = [
    'word', ' ', '  ', '\t', '\n', '\r\n', '\r', '\n\n', '#', '##', '>', '- ', '* ', '1. ', '`', '``', '```', '~~~',
    '    ', '<', '>', '<!--', '-->', '<div>', '</div>', '[', ']', '(', ')', '![', '](', '"', '*', '_', '|', '|---|',
    '---', '===', '\\', 'http://x.org', '[^1]', '[@key]', ':', '.', 'e.g.', '\ud800', '\u00e9', '&amp;',
  ];
  const markdown = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));

  it('keeps the length, every line break, and each character either as written or blanked', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        assertMaskInvariants(text, parseProse(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives ordered, non-overlapping blocks within the text and comments whose body is in the text', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const model = parseProse(text);
        let previousEnd = 0;
        for (const block of model.blocks) {
          assert.ok(block.range.start >= previousEnd && block.range.end <= text.length);
          assert.ok(block.range.start <= block.range.end);
          previousEnd = block.range.end;
        }
        for (const comment of model.comments) {
          assert.ok(text.startsWith('<!--', comment.range.start));
          assert.equal(text.slice(comment.range.end - 3, comment.range.end), '-->');
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('the prose model on pathological input', () => {
  // About 1 MB each. Linear work takes milliseconds; anything quadratic takes minutes, so a
  // generous bound separates them even on a busy machine.
  const cases: [string, () => string][] = [
    ['one 1 MB line', () => 'reoffending fell '.repeat(62_000)],
    ['70,000 headings', () => '# Heading text\n'.repeat(70_000)],
    ['quotes nested 100,000 deep', () => '>'.repeat(100_000) + ' text\n' + '>'.repeat(100_000) + ' more\n'],
    ['lists nested 1,000 deep', () => Array.from({ length: 1_000 }, (_, i) => ' '.repeat(2 * i) + '- item').join('\n')],
    ['a 50,000-row table', () => '| a | b |\n|---|---|\n' + '| cell `x` | *y* |\n'.repeat(50_000)],
    ['unclosed link tails', () => '[a](b '.repeat(170_000)],
    ['unclosed comments', () => '<!-- x '.repeat(150_000)],
    ['unclosed tags', () => '<a href="x" '.repeat(90_000)],
    ['huge backtick runs', () => '`'.repeat(300_000) + ' x ' + '``'.repeat(300_000)],
    ['backtick runs of every length', () => Array.from({ length: 1_400 }, (_, i) => '`'.repeat(i + 1)).join(' a ')],
    ['bracket parentheses', () => '[]('.repeat(330_000)],
    ['emphasis runs', () => '*_'.repeat(500_000)],
    ['an unclosed fence', () => '```\n' + 'code line\n'.repeat(100_000)],
  ];
  for (const [name, make] of cases) {
    it(`parses ${name} in well under a few seconds`, () => {
      const text = make();
      const started = performance.now();
      const model = parseProse(text);
      const elapsed = performance.now() - started;
      assert.equal(model.masked.length, text.length);
      assert.ok(elapsed < 3_000, `took ${elapsed.toFixed(0)} ms for ${text.length} characters`);
    });
  }
});
