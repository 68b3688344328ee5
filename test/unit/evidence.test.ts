import * as assert from 'node:assert/strict';
import { buildContext, covered } from './evidence-fixtures';
import { lookUpDesign, findNamedDesign, normaliseDesignName } from '../../src/core/claims/designs';
import { findCitations } from '../../src/core/claims/citations';
import { parseRegistry } from '../../src/core/claims/registry';
import type { Claim } from '../../src/core/types';

const CAUSAL = 'Good supervision cuts reoffending.';
const causal = { sentence: CAUSAL, label: 'direct_causal' as const, cues: [{ text: 'cuts' }] };

function claimFor(text: string, sentence: string, claims = [causal], extra = {}): Claim {
  const context = buildContext(text, { claims, ...extra });
  const claim = context.claims.find((c) => covered(text, c.sentence.range).includes(sentence));
  assert.ok(claim, `no claim for ${sentence}`);
  return claim;
}

const REGISTRY = parseRegistry(
  [
    'version: 1',
    'sources:',
    '  okafor2021: { title: A randomised trial, year: 2021, design: randomised controlled trial, sms: 5 }',
    '  brennan2022: { title: A discontinuity study, design: regression discontinuity }',
    '  whitfield2019: { title: A survey, design: survey }',
  ].join('\n'),
  'evidence.yaml',
).registry;

describe('study designs', () => {
  it('maps known designs to their SMS levels, whatever the spelling', () => {
    assert.equal(lookUpDesign('Randomized Controlled Trial')?.sms, 5);
    assert.equal(lookUpDesign('RCT')?.sms, 5);
    assert.equal(lookUpDesign('regression discontinuity')?.sms, 4);
    assert.equal(lookUpDesign('instrumental variables')?.sms, 4);
    assert.equal(lookUpDesign('natural experiment')?.sms, 4);
    assert.equal(lookUpDesign('difference in differences')?.sms, 3);
    assert.equal(lookUpDesign('propensity score matching')?.sms, 3);
    assert.equal(lookUpDesign('matched comparison group')?.sms, 3);
    assert.equal(lookUpDesign('comparison group')?.sms, 2);
    assert.equal(lookUpDesign('regression with controls')?.sms, 2);
    assert.equal(lookUpDesign('observational')?.sms, 1);
    assert.equal(lookUpDesign('observational linkage')?.sms, 1);
    assert.equal(lookUpDesign('cross-sectional')?.sms, 1);
    assert.equal(lookUpDesign('before and after')?.sms, 1);
    assert.equal(lookUpDesign('survey')?.sms, 1);
    assert.equal(lookUpDesign('astrology'), undefined);
  });

  it('normalises dashes, slashes and American spelling', () => {
    assert.equal(normaliseDesignName('Difference–in–Differences'), 'difference in differences');
    assert.equal(normaliseDesignName('before/after'), 'before after');
    assert.equal(normaliseDesignName('randomized'), 'randomised');
  });

  it('finds a strong design a sentence names, but not one that is missing or planned', () => {
    assert.equal(findNamedDesign('A randomised controlled trial found that the programme reduced reoffending.')?.design.sms, 5);
    assert.equal(findNamedDesign('Using regression discontinuity, we found caseload caps raised completion.')?.design.sms, 4);
    assert.equal(findNamedDesign('Without a randomised controlled trial we cannot say more.'), undefined);
    assert.equal(findNamedDesign('A future randomised trial should test this.'), undefined);
    assert.equal(findNamedDesign('The survey found fairness went with compliance.'), undefined);
  });
});

describe('citations', () => {
  it('finds Pandoc citations with locators, prefixes and several keys', () => {
    const text = 'One [@smith2021]. Two [@jones2020, p. 4]. Three [see @a; -@b_2, ch. 2]. Mail me [at x@y.org].';
    const found = findCitations(text).map((c) => c.keys.map((k) => covered(text, k.range)));
    assert.deepEqual(found, [['smith2021'], ['jones2020'], ['a', 'b_2']]);
  });

  it('ignores links whose text starts with @', () => {
    assert.deepEqual(findCitations('Follow [@hmip](https://example.org) for news.'), []);
  });
});

describe('front-matter evidence', () => {
  it('makes direct causal wording unsupported when the declared SMS is below the minimum', () => {
    const text = `---\nevidence: { design: observational, sms: 2 }\n---\n\n${CAUSAL}\n`;
    const claim = claimFor(text, CAUSAL);
    assert.equal(claim.status, 'unsupported');
    assert.equal(claim.evidence.origin, 'front-matter');
    assert.equal(claim.evidence.design, 'observational');
    assert.equal(claim.evidence.sms, 2);
  });

  it('supports causal wording when the declared SMS reaches the minimum', () => {
    const text = `---\nevidence: { design: randomised controlled trial, sms: 5 }\n---\n\n${CAUSAL}\n`;
    assert.equal(claimFor(text, CAUSAL).status, 'supported');
  });

  it('accepts the design alone and takes the SMS level from it', () => {
    const text = `---\nevidence:\n  design: regression discontinuity\n---\n\n${CAUSAL}\n`;
    const claim = claimFor(text, CAUSAL);
    assert.equal(claim.status, 'supported');
    assert.equal(claim.evidence.sms, 4);
  });

  it('accepts the SMS level alone', () => {
    const text = `---\nevidence:\n  sms: 3\n---\n\n${CAUSAL}\n`;
    assert.equal(claimFor(text, CAUSAL).status, 'supported');
  });

  it('flags causal wording when no design is declared at all', () => {
    const claim = claimFor(`${CAUSAL}\n`, CAUSAL);
    assert.equal(claim.status, 'unsupported');
    assert.equal(claim.evidence.origin, 'none');
  });

  it('uses the configured minimum SMS level', () => {
    const text = `---\nevidence: { sms: 3 }\n---\n\n${CAUSAL}\n`;
    assert.equal(claimFor(text, CAUSAL, [causal], { minimumSms: 4 }).status, 'unsupported');
  });

  it('labels hedged causal wording as hedged and associational wording as associational', () => {
    const text = `---\nevidence: { sms: 2 }\n---\n\nSupervision may reduce reoffending.\n\nSupervision was associated with lower reoffending.\n\nWe linked 3,000 cases.\n`;
    const context = buildContext(text, {
      claims: [
        { sentence: 'Supervision may reduce reoffending.', label: 'conditional_causal', cues: [{ text: 'may reduce' }] },
        { sentence: 'Supervision was associated with lower reoffending.', label: 'correlational', cues: [{ text: 'associated with' }] },
      ],
    });
    assert.deepEqual(
      context.claims.map((c) => [c.classification.label, c.status]),
      [
        ['conditional_causal', 'hedged'],
        ['correlational', 'associational'],
        ['none', 'associational'],
      ],
    );
  });
});

describe('evidence annotations', () => {
  const FRONT = '---\nevidence: { design: observational, sms: 2 }\n---\n\n';

  it('applies an annotation on the same line to the sentence just before it only', () => {
    const text = `${FRONT}${CAUSAL} <!-- evidence: sms=4; design="regression discontinuity" --> Supervision drives desistance.\n`;
    const context = buildContext(text, {
      claims: [causal, { sentence: 'Supervision drives desistance.', label: 'direct_causal', cues: [{ text: 'drives' }] }],
    });
    const [first, second] = context.claims;
    assert.equal(first.status, 'supported');
    assert.equal(first.evidence.origin, 'annotation');
    assert.equal(first.evidence.sms, 4);
    assert.equal(first.evidence.design, 'regression discontinuity');
    assert.equal(second.status, 'unsupported');
    assert.equal(second.evidence.origin, 'front-matter');
  });

  it('applies an annotation on the line after a paragraph to every sentence in it', () => {
    const text = `${FRONT}${CAUSAL} Supervision drives desistance.\n<!-- evidence: sms=5; design="randomised controlled trial" -->\n\nProbation prevents breaches.\n`;
    const context = buildContext(text, {
      claims: [
        causal,
        { sentence: 'Supervision drives desistance.', label: 'direct_causal', cues: [{ text: 'drives' }] },
        { sentence: 'Probation prevents breaches.', label: 'direct_causal', cues: [{ text: 'prevents' }] },
      ],
    });
    assert.deepEqual(
      context.claims.map((c) => c.status),
      ['supported', 'supported', 'unsupported'],
    );
    assert.deepEqual(context.evidence.problems, []);
  });

  it('lets a more specific weaker source override a stronger declaration', () => {
    const text = `---\nevidence: { sms: 5 }\n---\n\n${CAUSAL} <!-- evidence: sms=2; note="this part comes from the survey" -->\n`;
    const claim = claimFor(text, CAUSAL);
    assert.equal(claim.status, 'unsupported');
    assert.equal(claim.evidence.origin, 'annotation');
  });

  it('reports an annotation separated from its paragraph by a blank line, and applies it to nothing', () => {
    const text = `${FRONT}${CAUSAL}\n\n<!-- evidence: sms=5 -->\n`;
    const context = buildContext(text, { claims: [causal] });
    assert.equal(context.claims[0].status, 'unsupported');
    assert.equal(context.evidence.problems.length, 1);
    assert.match(context.evidence.problems[0].message, /applies to no sentence/);
  });

  it('takes the design and SMS level from a registered source', () => {
    const text = `${FRONT}${CAUSAL} <!-- evidence: source="@okafor2021" -->\n`;
    const claim = claimFor(text, CAUSAL, [causal], { registry: REGISTRY });
    assert.equal(claim.status, 'supported');
    assert.equal(claim.evidence.sms, 5);
    assert.equal(claim.evidence.source, '@okafor2021');
  });

  it('ignores comments that are not evidence annotations', () => {
    const text = `${FRONT}${CAUSAL} <!-- a note to the editor: sms=5 -->\n`;
    const context = buildContext(text, { claims: [causal] });
    assert.equal(context.evidence.annotations.length, 0);
    assert.equal(context.claims[0].status, 'unsupported');
  });
});

describe('citations as evidence', () => {
  const FRONT = '---\nevidence: { design: observational, sms: 2 }\n---\n\n';

  it('supports a claim citing a registered study at SMS 3 or above', () => {
    const text = `${FRONT}Good supervision cuts reoffending [@okafor2021].\n`;
    const claim = claimFor(text, 'Good supervision cuts reoffending', [{ ...causal, sentence: 'Good supervision cuts reoffending' }], {
      registry: REGISTRY,
    });
    assert.equal(claim.status, 'supported');
    assert.equal(claim.evidence.origin, 'citation');
    assert.equal(claim.evidence.source, '@okafor2021');
    assert.equal(covered(text, claim.evidence.range!), 'okafor2021');
  });

  it('counts a citation straight after the full stop', () => {
    const text = `${FRONT}${CAUSAL} [@brennan2022]\n`;
    const claim = claimFor(text, CAUSAL, [causal], { registry: REGISTRY });
    assert.equal(claim.status, 'supported');
    assert.equal(claim.evidence.sms, 4);
  });

  it('uses the best of several cited studies', () => {
    const text = `${FRONT}Good supervision cuts reoffending [see @whitfield2019; @okafor2021, p. 4].\n`;
    const claim = claimFor(text, 'Good supervision cuts reoffending', [{ ...causal, sentence: 'Good supervision cuts reoffending' }], {
      registry: REGISTRY,
    });
    assert.equal(claim.evidence.sms, 5);
  });

  it('leaves a claim citing only a weak study unsupported, and falls back to the front matter for unknown keys', () => {
    const weak = `${FRONT}Good supervision cuts reoffending [@whitfield2019].\n`;
    const unknown = `${FRONT}Good supervision cuts reoffending [@nobody1999].\n`;
    const spec = [{ ...causal, sentence: 'Good supervision cuts reoffending' }];
    const weakClaim = claimFor(weak, 'Good supervision cuts reoffending', spec, { registry: REGISTRY });
    assert.equal(weakClaim.status, 'unsupported');
    assert.equal(weakClaim.evidence.origin, 'citation');
    assert.equal(weakClaim.evidence.sms, 1);
    const unknownClaim = claimFor(unknown, 'Good supervision cuts reoffending', spec, { registry: REGISTRY });
    assert.equal(unknownClaim.evidence.origin, 'front-matter');
  });
});

describe('designs named in the sentence', () => {
  it('supports a claim that names a randomised controlled trial', () => {
    const sentence = 'A randomised controlled trial found that the programme reduced reoffending.';
    const text = `---\nevidence: { design: observational, sms: 2 }\n---\n\n${sentence}\n`;
    const claim = claimFor(text, sentence, [{ sentence, label: 'direct_causal', cues: [{ text: 'reduced' }] }]);
    assert.equal(claim.status, 'supported');
    assert.equal(claim.evidence.origin, 'sentence');
    assert.equal(covered(text, claim.evidence.range!), 'randomised controlled trial');
  });
});
