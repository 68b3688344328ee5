import * as assert from 'node:assert/strict';
import { splitSentences } from '../../src/core/prose/sentences';

function split(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('the sentence splitter', () => {
  it('splits on full stops, question marks and exclamation marks followed by a capital', () => {
    assert.deepEqual(split('Completion rose. Did reoffending fall? It did!'), [
      'Completion rose.',
      'Did reoffending fall?',
      'It did!',
    ]);
  });

  it('does not split after common abbreviations', () => {
    const text =
      'Some areas, e.g. Wales, and i.e. the NPS differ. Smith et al. found more etc. and then Dr. Jones ' +
      'and Prof. Brown agreed vs. the rest, cf. Fig. 2 with approx. 40 cases at St. Albans.';
    assert.deepEqual(split(text), [
      'Some areas, e.g. Wales, and i.e. the NPS differ.',
      'Smith et al. found more etc. and then Dr. Jones and Prof. Brown agreed vs. the rest, cf. Fig. 2 with approx. 40 cases at St. Albans.',
    ]);
  });

  it('treats "No." before a number as an abbreviation but "no." before a capital as an ending', () => {
    assert.deepEqual(split('See No. 5 for details. The answer was no. Then we moved on.'), [
      'See No. 5 for details.',
      'The answer was no.',
      'Then we moved on.',
    ]);
  });

  it('ends a sentence after "etc." when a capital follows', () => {
    assert.deepEqual(split('Housing, work etc. The next point.'), ['Housing, work etc.', 'The next point.']);
  });

  it('does not split after an initial', () => {
    assert.deepEqual(split('As J. Smith and A. B. Jones argued, it works. Next.'), [
      'As J. Smith and A. B. Jones argued, it works.',
      'Next.',
    ]);
  });

  it('keeps decimals, percentages and p-values inside the sentence', () => {
    assert.deepEqual(split('The rate fell to 34.2% (p < 0.05). It was p = .03 in 2019. The end.'), [
      'The rate fell to 34.2% (p < 0.05).',
      'It was p = .03 in 2019.',
      'The end.',
    ]);
  });

  it('ends a sentence that closes with a number', () => {
    assert.deepEqual(split('The rate was 34.2. The next cohort differed.'), [
      'The rate was 34.2.',
      'The next cohort differed.',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence they end', () => {
    assert.deepEqual(split('They said it "cut reoffending." The next (and last.) One more.'), [
      'They said it "cut reoffending."',
      'The next (and last.)',
      'One more.',
    ]);
    assert.deepEqual(split('It was \u201cthe best.\u201d Then'), ['It was \u201cthe best.\u201d', 'Then']);
  });

  it('handles ellipses: a capital after one starts a new sentence, lower case continues', () => {
    assert.deepEqual(split('It fell... and then rose\u2026 Next one.'), ['It fell... and then rose\u2026', 'Next one.']);
  });

  it('lets the end of the block end a heading or list item without a full stop', () => {
    assert.deepEqual(split('Key findings'), ['Key findings']);
    assert.deepEqual(split('  Supervision quality   '), ['Supervision quality']);
  });

  it('keeps several spaces and line breaks inside one sentence with exact offsets', () => {
    const text = '  Supervision   quality\n  matters   . Next  one.  ';
    const sentences = splitSentences(text);
    assert.deepEqual(sentences, [
      { start: 2, end: 37 },
      { start: 38, end: 48 },
    ]);
  });

  it('returns nothing for blank text', () => {
    assert.deepEqual(splitSentences(''), []);
    assert.deepEqual(splitSentences('   \n  '), []);
  });

  it('copes with a 1 MB block without punctuation, and one full of abbreviations, quickly', () => {
    for (const text of ['word '.repeat(200_000), 'e.g. et al. No. 5 '.repeat(60_000), '.'.repeat(1_000_000)]) {
      const started = performance.now();
      const sentences = splitSentences(text);
      assert.ok(sentences.length >= 1);
      assert.ok(performance.now() - started < 3_000);
    }
  });

  it('splits the research notes sample passage into its marked sentences', () => {
    const passage =
      'The NPS binary proven reoffending rate fell to 34.2% for the Oct–Dec 2019 cohort, 3.3 points below 2015. ' +
      'This proves that the NPS supervision model reduced reoffending. ' +
      'Eighteen CRCs showed significant reductions against the 2011 baseline, so payment by results worked.';
    assert.equal(split(passage).length, 3);
  });
});
