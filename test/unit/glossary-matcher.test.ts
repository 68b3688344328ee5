import * as assert from 'node:assert/strict';
import { compileGlossary } from '../../src/core/glossary/matcher';
import type { GlossaryEntry, TermMatch } from '../../src/core/types';

function entry(term: string, extra: Partial<GlossaryEntry> = {}): GlossaryEntry {
  return {
    id: term.toLowerCase(), term, aliases: [], acronyms: [], caseSensitive: false, defineOnFirstUse: false,
    definition: '', keyMessages: [], sources: [], related: [], discouraged: [], ...extra,
  };
}

const glossary = {
  entries: [
    entry('Risk–need–responsivity', { aliases: ['risk need responsivity', 'RNR model'], acronyms: ['RNR'] }),
    entry('Risk of serious harm', { acronyms: ['RoSH'] }),
    entry('Desistance', { aliases: ['desist'] }),
    entry('nDelius'),
    entry('Person on probation', {
      discouraged: [
        { form: 'offender', preferred: 'person on probation', reason: 'Person-first language.' },
        { form: 'offender manager', preferred: 'probation practitioner', reason: 'Old job title.' },
      ],
    }),
    entry('Accredited programme', { aliases: ['programme', 'strategy'] }),
    entry('Probation practitioner'),
    entry('X & Y'),
    entry('Motivational interviewing', { acronyms: ['MI'] }),
    entry('Good Lives Model', { caseSensitive: true, acronyms: ['GLM'] }),
    entry('Café society'),
  ],
};
const index = compileGlossary(glossary);

/** [matched text, form, entry id] for each match. */
function found(text: string): Array<[string, TermMatch['form'], string]> {
  return index.match(text, 0).map((m) => [m.text, m.form, m.entryId]);
}

describe('glossary matcher', () => {
  it('treats hyphens, en dashes and spaces between words alike', () => {
    assert.deepEqual(found('risk-need-responsivity, risk–need–responsivity and risk need responsivity'), [
      ['risk-need-responsivity', 'term', 'risk–need–responsivity'],
      ['risk–need–responsivity', 'term', 'risk–need–responsivity'],
      ['risk need responsivity', 'term', 'risk–need–responsivity'],
    ]);
  });

  it('matches a multi-word term across a line break and masked markup, with the exact span', () => {
    const text = 'The   risk  \nof serious harm was high.';
    const [m] = index.match(text, 0);
    assert.equal(text.slice(m.range.start, m.range.end), 'risk  \nof serious harm');
    const masked = 'Support   desistance   early.'; // "Support **desistance** early." after masking
    const [d] = index.match(masked, 0);
    assert.deepEqual(d.range, { start: 10, end: 20 });
  });

  it('does not join words across other punctuation or a blank line', () => {
    assert.deepEqual(found('risk, need responsivity'), []);
    assert.deepEqual(found('risk of\n\nserious harm'), []);
  });

  it('prefers the longest match', () => {
    assert.deepEqual(found('Each offender manager met the RNR model.'), [
      ['offender manager', 'discouraged', 'person on probation'],
      ['RNR model', 'alias', 'risk–need–responsivity'],
    ]);
  });

  it('matches acronyms only with their capitalisation', () => {
    assert.deepEqual(found('RNR, rnr, Rnr, RoSH, ROSH, MI and mi'), [
      ['RNR', 'acronym', 'risk–need–responsivity'],
      ['RoSH', 'acronym', 'risk of serious harm'],
      ['MI', 'acronym', 'motivational interviewing'],
    ]);
  });

  it('matches a case-sensitive entry only as written', () => {
    assert.deepEqual(found('the Good Lives Model, the good lives model'), [['Good Lives Model', 'term', 'good lives model']]);
  });

  it('matches other terms whatever their capitalisation', () => {
    assert.deepEqual(found('nDelius NDelius NDELIUS'), [
      ['nDelius', 'term', 'ndelius'],
      ['NDelius', 'term', 'ndelius'],
      ['NDELIUS', 'term', 'ndelius'],
    ]);
  });

  it('finds plurals, possessives and verb endings and says which', () => {
    const matches = index.match("Offenders' views, an offender's record, programmes, strategies, desisting, desisted, PDUs and RNR's aims", 0);
    assert.deepEqual(
      matches.map((m) => [m.text, m.inflection?.kind, m.inflection?.suffix]),
      [
        ["Offenders'", 'plural-possessive', "s'"],
        ["offender's", 'possessive', "'s"],
        ['programmes', 'plural', 's'],
        ['strategies', 'plural', 'ies'],
        ['desisting', 'verb', 'ing'],
        ['desisted', 'verb', 'ed'],
        ["RNR's", 'possessive', "'s"],
      ],
    );
  });

  it('does not read an ending into a different word', () => {
    assert.deepEqual(found('programmed programming RNRS desistances'), [['desistances', 'term', 'desistance']]);
  });

  it('treats curly and straight apostrophes alike', () => {
    assert.deepEqual(found('the offender’s record'), [['offender’s', 'discouraged', 'person on probation']]);
  });

  it('respects word boundaries with Unicode letters and digits', () => {
    assert.deepEqual(found('désistance desistance2 Ödesistance desistanceé xRNR RNR1'), []);
    assert.deepEqual(found('ex-offender'), [['offender', 'discouraged', 'person on probation']]);
    assert.deepEqual(found('Café society, CAFÉ SOCIETY'), [
      ['Café society', 'term', 'café society'],
      ['CAFÉ SOCIETY', 'term', 'café society'],
    ]);
  });

  it('matches forms with punctuation between words literally', () => {
    assert.deepEqual(found('X & Y, X&Y and X and Y'), [
      ['X & Y', 'term', 'x & y'],
      ['X&Y', 'term', 'x & y'],
    ]);
  });

  it('treats glossary forms that look like regular expressions as literals', () => {
    const literal = compileGlossary({ entries: [entry('(a+)+$', { aliases: ['.*', 'a|b'] })] });
    assert.deepEqual(literal.match('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab', 0), []);
    assert.deepEqual(literal.match('see a|b here, a/b there', 0).map((m) => m.text), ['a|b', 'a']);
  });

  it('offsets ranges by the given offset', () => {
    const [m] = index.match('an offender', 100);
    assert.deepEqual(m.range, { start: 103, end: 111 });
  });

  it('handles astral-plane characters next to terms', () => {
    assert.deepEqual(found('😀desistance 𝐀desistance'), [['desistance', 'term', 'desistance']]);
  });

  it('matches a 1 MB bulletin with a 40-entry glossary quickly and linearly', function () {
    const entries = [...glossary.entries];
    for (let i = entries.length; i < 40; i++) entries.push(entry(`Topic number ${i}`, { aliases: [`topic alias ${i}`], acronyms: [`TN${i}`] }));
    const big = compileGlossary({ entries });
    const paragraph =
      'Inspectors linked judgements on 3,000 cases to nDelius records. Where supervision was judged high ' +
      'quality, completion was 24 percentage points higher; each person on probation met their probation ' +
      'practitioner, and desistance was supported through the RNR model and motivational interviewing.\n\n';
    const text = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
    big.match(text, 0); // warm up
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      big.match(text, 0);
      times.push(performance.now() - start);
    }
    const best = Math.min(...times);
    // The target is 20 ms on an idle machine; busy shared runners get headroom, a slip to
    // super-linear matching (seconds) still fails.
    assert.ok(best < 250, `best of 5 was ${best.toFixed(1)} ms`);
  });

  it('compiles 100,000 aliases in time that grows linearly', () => {
    const compileTime = (count: number): number => {
      const aliases = Array.from({ length: count }, (_, i) => `alias ${i} word`);
      const start = performance.now();
      const many = compileGlossary({ entries: [entry('Many', { aliases })] });
      const elapsed = performance.now() - start;
      assert.equal(many.match(`see alias ${count - 1} word here`, 0)[0]?.text, `alias ${count - 1} word`);
      return elapsed;
    };
    compileTime(1_000); // warm up
    const small = compileTime(10_000);
    const large = compileTime(100_000);
    // Well under 1 s on an idle machine; linear growth is ×10, quadratic would be ×100.
    assert.ok(large < 50 * Math.max(small, 5), `10,000 aliases: ${small.toFixed(0)} ms; 100,000: ${large.toFixed(0)} ms`);
    assert.ok(large < 10_000, `100,000 aliases took ${large.toFixed(0)} ms`);
  });
});
