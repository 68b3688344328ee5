import * as assert from 'node:assert/strict';
import { unsupportedCausalClaim } from '../../src/core/rules/unsupported-causal-claim';
import { hedgedCausalClaim } from '../../src/core/rules/hedged-causal-claim';
import { parseRegistry } from '../../src/core/claims/registry';
import type { Glossary, GlossaryEntry } from '../../src/core/types';
import { applyFix, buildContext, covered, runRule } from './evidence-fixtures';

const OBSERVATIONAL = '---\nevidence: { design: observational, sms: 2 }\n---\n\n';
const CUTS = 'High-quality supervision therefore cuts reoffending by 14 percentage points.';
const cutsClaim = { sentence: CUTS, label: 'direct_causal' as const, cues: [{ text: 'therefore' }, { text: 'cuts' }] };

function desistanceGlossary(): { glossary: Glossary; entry: GlossaryEntry } {
  const entry: GlossaryEntry = {
    id: 'desistance',
    term: 'Desistance',
    aliases: [],
    acronyms: [],
    caseSensitive: false,
    defineOnFirstUse: false,
    definition: 'The process of stopping offending.',
    keyMessages: [{ message: 'Probation can support desistance but cannot cause it.', evidence: 'association', sources: [] }],
    sources: [],
    related: [],
    discouraged: [],
  };
  return { glossary: { entries: [entry] }, entry };
}

describe('unsupported-causal-claim', () => {
  it('flags direct causal wording on observational evidence, on the cue words only', () => {
    const text = `${OBSERVATIONAL}${CUTS}\n`;
    const reports = runRule(unsupportedCausalClaim, buildContext(text, { claims: [cutsClaim] }));
    assert.equal(reports.length, 1);
    assert.equal(covered(text, reports[0].range), 'therefore');
    assert.equal(
      reports[0].message,
      '“therefore” states that one thing causes another, but this bulletin\'s evidence is observational (SMS 2); causal wording needs SMS 3 or above.',
    );
  });

  it('says when no study design is declared', () => {
    const text = `${CUTS}\n`;
    const [report] = runRule(unsupportedCausalClaim, buildContext(text, { claims: [{ ...cutsClaim, cues: [{ text: 'cuts' }] }] }));
    assert.match(report.message, /no study design is declared for this bulletin/);
    assert.match(report.explanation, /no study design declared/);
    assert.match(report.explanation, /front matter `evidence:/);
  });

  it('explains where the evidence was found and what would support the claim', () => {
    const text = `${OBSERVATIONAL}${CUTS}\n`;
    const [report] = runRule(unsupportedCausalClaim, buildContext(text, { claims: [cutsClaim] }));
    assert.match(report.explanation, /\*\*Evidence found:\*\* observational \(SMS 2\), declared in the front matter/);
    assert.match(report.explanation, /SMS 3 or above/);
    assert.match(report.explanation, /<!-- evidence: sms=4/);
    assert.match(report.explanation, /\[@key\]/);
  });

  it('names the cited study when a weak citation is the evidence', () => {
    const registry = parseRegistry('version: 1\nsources:\n  whitfield2019: { title: Survey, design: survey, sms: 1 }\n', 'r.yaml').registry;
    const sentence = 'Fair treatment improves compliance [@whitfield2019].';
    const text = `${OBSERVATIONAL}${sentence}\n`;
    const [report] = runRule(
      unsupportedCausalClaim,
      buildContext(text, { registry, claims: [{ sentence: 'Fair treatment improves compliance', label: 'direct_causal', cues: [{ text: 'improves' }] }] }),
    );
    assert.match(report.message, /the cited study @whitfield2019 is survey \(SMS 1\)/);
  });

  it('says which citations could not count as evidence', () => {
    const registry = parseRegistry('version: 1\nsources:\n  morrow2024: { title: Views on recall }\n', 'r.yaml').registry;
    const text = `${OBSERVATIONAL}Fair treatment improves compliance [@morrow2024; @nobody1999].\n`;
    const [report] = runRule(
      unsupportedCausalClaim,
      buildContext(text, { registry, claims: [{ sentence: 'Fair treatment improves compliance', label: 'direct_causal', cues: [{ text: 'improves' }] }] }),
    );
    assert.match(
      report.explanation,
      /\*\*Citations that could not count:\*\* @morrow2024 has no `sms` or known `design` in the registry; @nobody1999 is not in the evidence registry\./,
    );
  });

  it('mentions a glossary entry whose key messages rest on associational evidence only', () => {
    const { glossary } = desistanceGlossary();
    const sentence = 'Building trust is what drives desistance.';
    const text = `${OBSERVATIONAL}${sentence}\n`;
    const start = text.indexOf('desistance');
    const [report] = runRule(
      unsupportedCausalClaim,
      buildContext(text, {
        glossary,
        termMatches: [{ range: { start, end: start + 10 }, entryId: 'desistance', text: 'desistance', form: 'term', canonical: 'Desistance' }],
        claims: [{ sentence, label: 'direct_causal', cues: [{ text: 'drives' }] }],
      }),
    );
    assert.match(report.explanation, /The glossary's entry for Desistance records associational evidence only: “Probation can support desistance but cannot cause it\.”/);
  });

  it('quotes the message about causation for an entry with theory only, and says nothing for unrelated theory', () => {
    const { glossary, entry } = desistanceGlossary();
    entry.keyMessages = [
      { message: 'Desistance is slow, with false starts.', evidence: 'theory', sources: [] },
      { message: 'Probation can support desistance but cannot cause it.', evidence: 'theory', sources: [] },
    ];
    const sentence = 'Building trust is what drives desistance.';
    const text = `${OBSERVATIONAL}${sentence}\n`;
    const start = text.indexOf('desistance');
    const context = (g: typeof glossary) =>
      buildContext(text, {
        glossary: g,
        termMatches: [{ range: { start, end: start + 10 }, entryId: 'desistance', text: 'desistance', form: 'term', canonical: 'Desistance' }],
        claims: [{ sentence, label: 'direct_causal', cues: [{ text: 'drives' }] }],
      });
    const [withNote] = runRule(unsupportedCausalClaim, context(glossary));
    assert.match(withNote.explanation, /entry for Desistance records no causal evidence: “Probation can support desistance but cannot cause it\.”/);
    entry.keyMessages = [{ message: 'Desistance is slow, with false starts.', evidence: 'theory', sources: [] }];
    const [withoutNote] = runRule(unsupportedCausalClaim, context(glossary));
    assert.doesNotMatch(withoutNote.explanation, /glossary's entry/);
  });

  it('carries the classification, status and evidence for adapters', () => {
    const text = `${OBSERVATIONAL}${CUTS}\n`;
    const [report] = runRule(unsupportedCausalClaim, buildContext(text, { claims: [cutsClaim] }));
    const data = report.data as { label: string; status: string; evidence: { origin: string; sms: number }; cues: unknown[] };
    assert.equal(data.label, 'direct_causal');
    assert.equal(data.status, 'unsupported');
    assert.equal(data.evidence.origin, 'front-matter');
    assert.equal(data.evidence.sms, 2);
    assert.equal(data.cues.length, 2);
    assert.doesNotThrow(() => JSON.stringify(report.data));
  });

  it('offers the associational rewrite as the preferred fix', () => {
    const text = `${OBSERVATIONAL}${CUTS}\n`;
    const [report] = runRule(unsupportedCausalClaim, buildContext(text, { claims: [{ ...cutsClaim, cues: [{ text: 'cuts' }] }] }));
    const preferred = report.fixes!.find((f) => f.isPreferred)!;
    assert.equal(
      applyFix(text, preferred),
      `${OBSERVATIONAL}High-quality supervision is associated with reoffending 14 percentage points lower.\n`,
    );
  });

  it('stays silent when the evidence reaches the minimum, and for hedged, associational and non-claims', () => {
    const strong = `---\nevidence: { design: randomised controlled trial }\n---\n\n${CUTS}\n`;
    assert.deepEqual(runRule(unsupportedCausalClaim, buildContext(strong, { claims: [cutsClaim] })), []);
    const text = `${OBSERVATIONAL}Supervision may reduce reoffending.\n\nSupervision was associated with lower reoffending.\n\nThe link is not strictly causal.\n`;
    const context = buildContext(text, {
      claims: [
        { sentence: 'Supervision may reduce reoffending.', label: 'conditional_causal', cues: [{ text: 'may reduce' }] },
        { sentence: 'Supervision was associated with lower reoffending.', label: 'correlational', cues: [{ text: 'associated with' }] },
      ],
    });
    assert.deepEqual(runRule(unsupportedCausalClaim, context), []);
  });
});

describe('hedged-causal-claim', () => {
  it('flags hedged causal wording below the minimum with a softer message and the modal kept', () => {
    const sentence = 'Stronger working relationships could improve completion rates.';
    const text = `${OBSERVATIONAL}${sentence}\n`;
    const reports = runRule(
      hedgedCausalClaim,
      buildContext(text, { claims: [{ sentence, label: 'conditional_causal', cues: [{ text: 'could improve' }] }] }),
    );
    assert.equal(reports.length, 1);
    assert.equal(covered(text, reports[0].range), 'could improve');
    assert.match(reports[0].message, /is hedged but still suggests an effect/);
    assert.equal(
      applyFix(text, reports[0].fixes![0]),
      `${OBSERVATIONAL}Stronger working relationships could be associated with better completion rates.\n`,
    );
    assert.ok(!reports[0].fixes!.some((f) => f.title.startsWith('Hedge')));
  });

  it('does not flag direct claims (another rule does) or hedged claims with strong evidence', () => {
    const sentence = 'Supervision may reduce reoffending.';
    const strong = `---\nevidence: { sms: 4 }\n---\n\n${sentence}\n\n${CUTS}\n`;
    const context = buildContext(strong, { claims: [{ sentence, label: 'conditional_causal', cues: [{ text: 'may reduce' }] }, cutsClaim] });
    assert.deepEqual(runRule(hedgedCausalClaim, context), []);
  });
});
