import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeGlossaries, parseGlossary } from '../../src/core/glossary/load';
import { defaultGlossary, loadDefaultGlossary } from '../../src/core/glossary/default';
import type { ConfigProblem, GlossaryEntry } from '../../src/core/types';

const fixture = (name: string): string => readFileSync(join(__dirname, '../fixtures/glossaries', name), 'utf8');

/** "line:column-endLine:endColumn severity" of each problem, 0-based, plus the message. */
function where(problems: ConfigProblem[]): Array<[string, string]> {
  return problems.map((p) => [`${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.severity}`, p.message]);
}

function entry(term: string, extra: Partial<GlossaryEntry> = {}): GlossaryEntry {
  return {
    id: term.toLowerCase(), term, aliases: [], acronyms: [], caseSensitive: false, defineOnFirstUse: false,
    definition: `${term}.`, keyMessages: [], sources: [], related: [], discouraged: [], ...extra,
  };
}

describe('glossary loader', () => {
  it('loads every field of the format', () => {
    const { glossary, problems } = parseGlossary(fixture('small.yaml'), 'small.yaml');
    assert.deepEqual(problems, []);
    assert.equal(glossary.entries.length, 6);
    const rnr = glossary.entries[0];
    assert.equal(rnr.id, 'risk–need–responsivity');
    assert.deepEqual(rnr.aliases, ['risk-need-responsivity', 'risk need responsivity', 'RNR model']);
    assert.deepEqual(rnr.acronyms, ['RNR']);
    assert.equal(rnr.defineOnFirstUse, true);
    assert.match(rnr.definition, /^Match the intensity/);
    assert.deepEqual(rnr.keyMessages[0].evidence, 'mixed');
    assert.deepEqual(rnr.sources[0], { title: 'HMIP evidence base: risk-need-responsivity', url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/', year: 2023 });
    assert.deepEqual(rnr.related, ['Desistance']);
    assert.deepEqual(rnr.examples?.flag, ['RNR guides the intensity of supervision.']);
    assert.deepEqual(rnr.origin, { file: 'small.yaml', line: 4, column: 4 });
    const person = glossary.entries[3];
    assert.deepEqual(person.discouraged[0], {
      form: 'offender', preferred: 'person on probation', preferredPlural: 'people on probation',
      reason: 'Person-first language; HMIP and HMPPS now say “people on probation”.',
    });
  });

  it('places a wrong value at the value, with a message a writer understands, and skips only that entry', () => {
    const text = [
      'version: 1', //                                   0
      'entries:', //                                     1
      '  - term: Desistance', //                         2
      '    definition: Stopping offending.', //          3
      '    keyMessages:', //                             4
      '      - message: Probation supports it.', //      5
      '        evidence: strong', //                     6
      '  - term: Engagement', //                         7
      '    definition: A working relationship.', //      8
    ].join('\n');
    const { glossary, problems } = parseGlossary(text, 'g.yaml');
    assert.deepEqual(where(problems), [
      ['6:18-6:24 error', 'Entry “Desistance”: `evidence` must be one of causal, association, mixed, theory or an SMS level from 1 to 5, not “strong”.'],
    ]);
    assert.deepEqual(glossary.entries.map((e) => e.term), ['Engagement']);
  });

  it('places an unknown field at its key, suggests the right one and keeps the entry', () => {
    const text = 'entries:\n  - term: Desistance\n    definition: x\n    defintion: y\n';
    const { glossary, problems } = parseGlossary(text, 'g.yaml');
    assert.deepEqual(where(problems), [['3:4-3:13 warning', 'Entry “Desistance”: `defintion` is not a glossary field, so it is ignored. Did you mean `definition`?']]);
    assert.equal(glossary.entries.length, 1);
  });

  it('reports a missing field at the start of the entry', () => {
    const { glossary, problems } = parseGlossary('entries:\n  - term: Desistance\n  - term: Engagement\n    definition: x\n', 'g.yaml');
    assert.deepEqual(where(problems), [['1:4-1:8 error', 'Entry “Desistance” is missing `definition`, which every entry needs.']]);
    assert.deepEqual(glossary.entries.map((e) => e.term), ['Engagement']);
  });

  it('reports wrong types at the offending value', () => {
    const text = 'version: "1"\nentries:\n  - term: A\n    definition: x\n    aliases: desist\n    defineOnFirstUse: yes please\n    sources: [{ title: T, url: "ftp://x", year: 20233 }]\n  - 5\n';
    const { glossary, problems } = parseGlossary(text, 'g.yaml');
    assert.deepEqual(where(problems), [
      ['0:9-0:12 error', '`version` must be 1, not “1”.'],
      ['4:13-4:19 error', 'Entry “A”: `aliases` must be a list (lines starting with “- ”, or [a, b]), not “desist”.'],
      ['5:22-5:32 error', 'Entry “A”: `defineOnFirstUse` must be true or false, not “yes please”.'],
      ['6:31-6:40 error', 'Entry “A”: `url` of source 1 must be a web address starting with https:// or http://, not “ftp://x”.'],
      ['6:48-6:53 error', 'Entry “A”: `year` of source 1 must be a year between 1800 and 2200, not 20233.'],
      ['7:4-7:5 error', 'Entry 2 must be a set of named fields (name: value), not 5.'],
    ]);
    assert.deepEqual(glossary.entries, []);
  });

  it('reports YAML syntax errors where they are', () => {
    const { glossary, problems } = parseGlossary('entries:\n  - term: Desistance\n    definition: "unclosed\n', 'g.yaml');
    assert.deepEqual(where(problems), [['2:16-2:25 error', 'YAML syntax: Missing closing "quote']]);
    assert.deepEqual(glossary.entries, []);
  });

  it('reports a repeated key', () => {
    const { problems } = parseGlossary('entries:\n  - term: A\n    term: B\n    definition: x\n', 'g.yaml');
    assert.deepEqual(where(problems), [['2:4-2:8 error', 'YAML syntax: Map keys must be unique']]);
  });

  it('reports a term repeated by another entry at the second term and skips that entry', () => {
    const text = 'entries:\n  - term: Risk-need-responsivity\n    definition: x\n  - term: risk–need–responsivity\n    definition: y\n';
    const { glossary, problems } = parseGlossary(text, 'g.yaml');
    assert.deepEqual(where(problems), [
      ['3:10-3:32 error', 'Entry “risk–need–responsivity” repeats the term of entry “Risk-need-responsivity” (line 2); this entry is skipped. Merge the two or remove one.'],
    ]);
    assert.equal(glossary.entries.length, 1);
  });

  it('reports aliases, acronyms and discouraged forms claimed by two entries, at the second', () => {
    const text = [
      'entries:',
      '  - term: Desistance',
      '    aliases: [going straight]',
      '    acronyms: [DS]',
      '    definition: x',
      '  - term: Rehabilitation',
      '    aliases: [Going Straight]',
      '    acronyms: [DS, ds]',
      '    definition: y',
      '    discouraged:',
      '      - form: desistance',
      '        preferred: rehabilitation',
      '        reason: z',
    ].join('\n');
    const { glossary, problems } = parseGlossary(text, 'g.yaml');
    assert.deepEqual(where(problems), [
      ['6:14-6:28 warning', 'Entry “Rehabilitation”: the alias “Going Straight” is already the alias of entry “Desistance”, which keeps it.'],
      ['7:15-7:17 warning', 'Entry “Rehabilitation”: the acronym “DS” is already the acronym of entry “Desistance”, which keeps it.'],
      ['10:14-10:24 warning', 'Entry “Rehabilitation”: the discouraged form “desistance” is already the term of entry “Desistance”, which keeps it.'],
    ]);
    assert.equal(glossary.entries.length, 2);
  });

  it('warns about a related entry that does not exist, at the name', () => {
    const text = 'entries:\n  - term: Desistance\n    definition: x\n    related: [Engagement, Nowhere]\n  - term: Engagement\n    definition: y\n';
    const { problems } = parseGlossary(text, 'g.yaml');
    assert.deepEqual(where(problems), [
      ['3:26-3:33 warning', 'Entry “Desistance”: the related entry “Nowhere” is not in this glossary (related entries are named by their term).'],
    ]);
  });

  it('runs each entry’s examples and reports the ones that fail at the example', () => {
    const text = [
      'entries:',
      '  - term: Person on probation',
      '    definition: x',
      '    discouraged:',
      '      - { form: offender, preferred: person on probation, reason: Person-first language. }',
      '    examples:',
      '      flag: ["We met each offender.", "We met each ofender."]',
      '      pass: ["We met each person on probation.", "Two offenders attended."]',
    ].join('\n');
    const { glossary, problems } = parseGlossary(text, 'g.yaml');
    assert.deepEqual(where(problems), [
      ['6:38-6:60 warning', 'Entry “Person on probation”: the `flag` example “We met each ofender.” is not flagged. Check the spelling of the forms it should catch.'],
      ['7:49-7:74 warning', 'Entry “Person on probation”: the `pass` example “Two offenders attended.” is flagged by discouraged-term (“Prefer “people on probation” to “offenders”: Person-first language.”).'],
    ]);
    assert.equal(glossary.entries.length, 1);
  });

  it('warns about a form with no letters or digits, which could never match', () => {
    const { problems } = parseGlossary('entries:\n  - term: "(a+)+$"\n    definition: x\n    aliases: [".*", "a|b"]\n', 'g.yaml');
    assert.deepEqual(where(problems), [['3:14-3:18 warning', 'Entry “(a+)+$”: the alias “.*” has no letters or digits, so it can never be found in a bulletin.']]);
  });

  describe('hostile input', () => {
    const timed = (text: string): { result: ReturnType<typeof parseGlossary>; ms: number } => {
      const start = performance.now();
      const result = parseGlossary(text, 'hostile.yaml');
      return { result, ms: performance.now() - start };
    };

    it('refuses a YAML alias bomb with a clear problem', () => {
      const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]'].join('\n');
      const { result, ms } = timed(bomb);
      assert.deepEqual(where(result.problems), [['1:7-1:9 error', 'The glossary repeats YAML aliases (*name) too often to be expanded safely; write the values out instead.']]);
      assert.ok(ms < 1000, `${ms} ms`);
    });

    it('refuses deep nesting with a clear problem instead of exhausting the stack', () => {
      const { result, ms } = timed(`entries: ${'['.repeat(100_000)}${']'.repeat(100_000)}`);
      assert.deepEqual(where(result.problems), [['0:73-0:74 error', 'The glossary is nested too deeply here to be read (more than 64 brackets or 256 spaces of indentation).']]);
      assert.ok(ms < 1000, `${ms} ms`);
      for (const deep of [`entries: ${'- '.repeat(50_000)}x`, `${'? '.repeat(30_000)}x`, `entries:\n${' '.repeat(300)}- x`]) {
        const refused = timed(deep);
        assert.match(refused.result.problems[0]?.message ?? '', /nested too deeply/);
        assert.ok(refused.ms < 1000, `${refused.ms} ms`);
      }
    });

    it('reports wrong types everywhere without throwing', () => {
      for (const text of ['', 'hello', '[1, 2]', 'entries: 5', 'entries: [[], {}, null, "x"]', 'entries:\n  - term: [1]\n    definition: {a: b}\n    aliases: [[x]]\n    keyMessages: 7\n']) {
        const { result } = timed(text);
        assert.ok(result.problems.some((p) => p.severity === 'error'), `no error for ${JSON.stringify(text)}`);
        assert.deepEqual(result.glossary.entries, []);
      }
    });

    it('refuses a glossary over the size limit at once, with a clear problem at the start of the file', () => {
      const aliases = Array.from({ length: 100_000 }, (_, i) => `alias ${i}`);
      const { result, ms } = timed(`entries:\n  - term: Many\n    definition: x\n    aliases: [${aliases.join(', ')}]\n`);
      assert.equal(result.glossary.entries.length, 0);
      assert.equal(result.problems.length, 1);
      assert.match(result.problems[0].message, /up to 300 thousand characters/);
      assert.deepEqual([result.problems[0].line, result.problems[0].column], [0, 0]);
      assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
    });

    it('loads tens of thousands of aliases in time that grows linearly', () => {
      const load = (count: number): number => {
        const aliases = Array.from({ length: count }, (_, i) => `alias ${i}`);
        const { result, ms } = timed(`entries:\n  - term: Many\n    definition: x\n    aliases: [${aliases.join(', ')}]\n`);
        assert.deepEqual(result.problems, []);
        assert.equal(result.glossary.entries[0].aliases.length, count);
        return ms;
      };
      load(1_000); // warm up
      const small = load(2_000);
      const large = load(20_000);
      // Most of the time is the YAML parser's; linear growth is ×10, quadratic would be ×100.
      assert.ok(large < 50 * Math.max(small, 10), `2,000 aliases: ${small.toFixed(0)} ms; 20,000: ${large.toFixed(0)} ms`);
    });
  });
});

describe('mergeGlossaries', () => {
  it('adds new entries and replaces earlier ones with the same term, keeping their place', () => {
    const base = { entries: [entry('Desistance'), entry('Engagement')] };
    const team = { entries: [entry('desistance', { definition: 'Team wording.' }), entry('Caseloads')] };
    const merged = mergeGlossaries([base, team]);
    assert.deepEqual(merged.entries.map((e) => [e.term, e.definition]), [
      ['desistance', 'Team wording.'],
      ['Engagement', 'Engagement.'],
      ['Caseloads', 'Caseloads.'],
    ]);
  });

  it('replaces an entry whose alias is the new entry’s term, and the reverse', () => {
    const base = { entries: [entry('Person on probation', { aliases: ['service user'] }), entry('Recidivism')] };
    const team = { entries: [entry('Service user', { definition: 'Our term.' }), entry('Proven reoffending', { aliases: ['recidivism'] })] };
    const merged = mergeGlossaries([base, team]);
    assert.deepEqual(merged.entries.map((e) => e.term), ['Service user', 'Proven reoffending']);
  });

  it('lets a later layer override a previous override', () => {
    const merged = mergeGlossaries([
      { entries: [entry('Desistance', { aliases: ['going straight'] })] },
      { entries: [entry('Going straight')] },
      { entries: [entry('Desistance', { definition: 'User.' })] },
    ]);
    assert.deepEqual(merged.entries.map((e) => [e.term, e.definition]), [['Going straight', 'Going straight.'], ['Desistance', 'User.']]);
  });
});

describe('default glossary', () => {
  it('loads without problems, and the copy embedded at build time matches the YAML', () => {
    const { glossary, problems } = loadDefaultGlossary();
    assert.deepEqual(where(problems), []);
    assert.ok(glossary.entries.length > 0);
    assert.deepEqual(defaultGlossary(), glossary);
    // One object for the whole session, so the engine builds its term index once.
    assert.equal(defaultGlossary(), defaultGlossary());
  });
});
