import * as assert from 'node:assert/strict';
import { classifySentence } from '../../src/core/claims/classifier';
import { analyseCues } from '../../src/core/claims/cues';
import { crudeStem, cueBucket, cueFeatureNames, extractFeatures, hashString, stemId } from '../../src/core/claims/features';
import { predictTrees, loadTrees } from '../../src/core/claims/model-trees';
import { tokenize } from '../../src/core/claims/tokens';
import { decodeBase64, encodeBase64, loadModel, serialiseModel, CLAIM_LABELS } from '../../src/core/claims/model';
import type { ClaimLabel, Cue } from '../../src/core/types';

function cueTexts(cues: Cue[], kind?: Cue['kind']): string[] {
  return cues.filter((c) => !kind || c.kind === kind).map((c) => c.text);
}

const CLEAR: Record<ClaimLabel, string[]> = {
  none: [
    'We linked inspectors\u2019 judgements on 3,000 cases to nDelius and PNC records.',
    'Fieldwork for the first inspection cycle began in June 2018.',
    'Proven reoffending counts offences proven by a conviction or caution within a 12-month follow-up.',
  ],
  correlational: [
    'High-quality supervision was associated with lower proven reoffending.',
    'People with settled accommodation were less likely to be recalled.',
    'Perceived fairness is linked to compliance with licence conditions.',
  ],
  conditional_causal: [
    'High-quality supervision may reduce reoffending.',
    'Smaller caseloads could improve the quality of supervision.',
    'Stable accommodation might help people complete their orders.',
  ],
  direct_causal: [
    'High-quality supervision leads to better outcomes.',
    'High-quality supervision cuts reoffending by 14 percentage points.',
    'The programme reduced proven reoffending by a third.',
  ],
};

describe('classifySentence', () => {
  for (const [label, sentences] of Object.entries(CLEAR)) {
    for (const sentence of sentences) {
      it(`labels "${sentence}" as ${label}`, () => {
        assert.equal(classifySentence(sentence).label, label);
      });
    }
  }

  it('gives a probability for every label, summing to 1, highest for the chosen label', () => {
    const result = classifySentence('Motivational interviewing may reduce dropout from programmes.');
    const values = CLAIM_LABELS.map((l) => result.probabilities[l]);
    assert.ok(Math.abs(values.reduce((a, b) => a + b, 0) - 1) < 1e-9);
    assert.equal(Math.max(...values), result.probabilities[result.label]);
  });

  it('marks "leads to" as the causal cue', () => {
    const text = 'High-quality supervision leads to better outcomes.';
    const result = classifySentence(text);
    assert.deepEqual(result.cues, [{ start: 25, end: 33, text: 'leads to', kind: 'causal' }]);
    assert.equal(text.slice(result.cues[0].start, result.cues[0].end), 'leads to');
  });

  it('marks the modal and the verb together for a hedged claim', () => {
    const result = classifySentence('High-quality supervision may reduce reoffending.');
    assert.deepEqual(cueTexts(result.cues), ['may reduce']);
    assert.deepEqual(cueTexts(result.signals, 'hedge'), ['may']);
  });

  it('marks associational wording with kind association', () => {
    const result = classifySentence('Perceived fairness is associated with compliance.');
    assert.deepEqual(cueTexts(result.cues, 'association'), ['associated']);
  });

  it('keeps offsets right when markup has left runs of spaces', () => {
    const text = 'Supervision   **    leads to    better outcomes.'.replace(/\*/g, ' ');
    const result = classifySentence(text);
    const cue = result.cues.find((c) => c.kind === 'causal');
    assert.ok(cue);
    assert.equal(text.slice(cue.start, cue.end), 'leads to');
  });

  it('never calls a disclaimer a direct causal claim', () => {
    for (const text of [
      'The link between supervision quality and reoffending is not strictly causal.',
      'We cannot establish causation from these observational data.',
      'The analysis does not prove that better supervision leads to lower reoffending.',
      'They do not show how much of that difference is down to supervision itself.',
      'The findings do not show that supervision reduced reoffending.',
      'This does not necessarily mean that supervision caused the fall.',
      'These figures should not be taken as evidence that smaller caseloads improve outcomes.',
      'There is no evidence that the new model cut reoffending.',
    ]) {
      const result = classifySentence(text);
      assert.notEqual(result.label, 'direct_causal', text);
      assert.equal(result.probabilities.direct_causal, 0, text);
      assert.ok(result.signals.some((s) => s.kind === 'disclaimer'), text);
    }
  });

  it('still calls "did not show a benefit" negated causation, not a disclaimer', () => {
    const result = classifySentence('Supervision did not show a benefit on reoffending.');
    assert.equal(result.label, 'direct_causal');
    assert.ok(!result.signals.some((s) => s.kind === 'disclaimer'));
  });

  it('reads a causal noun after a research verb as a topic, not a claim', () => {
    for (const text of [
      'The others look at the role of engagement and at early progress on intermediate outcomes.',
      'This bulletin examines the impact of caseload size on supervision quality.',
    ]) {
      const result = classifySentence(text);
      assert.notEqual(result.label, 'direct_causal', text);
      assert.equal(result.probabilities.direct_causal, 0, text);
    }
    // A topic does not hide a claim made in the same sentence.
    assert.equal(classifySentence('We examined the effect of supervision, which cuts reoffending.').label, 'direct_causal');
  });

  it('reads "plays a key role in" as stated causation, and "may play a part in" as hedged', () => {
    const direct = classifySentence('Trust plays a key role in desistance.');
    assert.equal(direct.label, 'direct_causal');
    assert.deepEqual(cueTexts(direct.cues, 'causal'), ['plays a key role']);
    const hedged = classifySentence('Engagement may play a part in completion.');
    assert.equal(hedged.label, 'conditional_causal');
    assert.deepEqual(cueTexts(hedged.cues, 'causal'), ['may play a part']);
  });

  it('calls "a key driver of" and "underpins" stated causation, and "half as likely" an association', () => {
    const driver = classifySentence('A key driver of reoffending is substance misuse.');
    assert.equal(driver.label, 'direct_causal');
    assert.deepEqual(cueTexts(driver.cues, 'causal'), ['driver']);
    assert.equal(classifySentence('Stable housing underpins desistance.').label, 'direct_causal');
    const likely = classifySentence('Cases with sufficient engagement were half as likely to be recalled.');
    assert.equal(likely.label, 'correlational');
    assert.deepEqual(cueTexts(likely.cues, 'association'), ['as likely to']);
    // A hedged or studied cause is not a stated one.
    assert.notEqual(classifySentence('We examined the causes of recall.').label, 'direct_causal');
    assert.equal(classifySentence('Unemployment may be a cause of reoffending.').label, 'conditional_causal');
  });

  it('never calls a question or a research plan a hedged causal claim either', () => {
    for (const text of [
      'Could better supervision reduce reoffending?',
      'We ask whether supervision may reduce reoffending.',
      'Further research should test whether caseloads might affect recall.',
    ]) {
      const result = classifySentence(text);
      assert.equal(result.probabilities.conditional_causal, 0, text);
      assert.equal(result.probabilities.direct_causal, 0, text);
    }
    // A disclaimer or a research plan beside a hedged claim leaves the hedged claim to the model.
    assert.equal(classifySentence('The link is not strictly causal, but supervision may reduce reoffending.').label, 'conditional_causal');
    assert.ok(classifySentence('Smaller caseloads may reduce reoffending, but further research is needed.').probabilities.conditional_causal > 0);
  });

  it('reads a causal verb after a hedging adverb, or after "It is plausible that", as hedged', () => {
    const probably = classifySentence('Good supervision probably reduces reoffending.');
    assert.equal(probably.label, 'conditional_causal');
    assert.deepEqual(cueTexts(probably.cues, 'causal'), ['probably reduces']);
    assert.equal(classifySentence('Supervision possibly contributes to desistance.').label, 'conditional_causal');
    assert.equal(classifySentence('It is plausible that good supervision lowers reoffending.').label, 'conditional_causal');
    assert.equal(classifySentence('Supervision reduces reoffending.').label, 'direct_causal');
  });

  it('reads hedged causal wording the model is unsure of as hedged, whatever the verb', () => {
    for (const text of [
      'Frequent changes of supervising officer could damage trust.',
      'It is possible that procedural justice strengthens compliance.',
      'Better continuity might be beneficial for young adults.',
      'Part of the gap may be due to better supervision.',
    ]) {
      assert.equal(classifySentence(text).label, 'conditional_causal', text);
    }
    // Negated, or in a question, it is not.
    assert.notEqual(classifySentence('Could frequent changes of officer damage trust?').label, 'conditional_causal');
  });

  it('reads "essential for" an outcome as a claim, but not "It is essential for staff to…"', () => {
    assert.equal(classifySentence('Continuity of officer is essential for desistance.').label, 'direct_causal');
    assert.notEqual(classifySentence('It is essential for staff to record every contact.').label, 'direct_causal');
  });

  it('reads a recommendation whose causal words only name its aim as no claim', () => {
    assert.notEqual(classifySentence('Practitioners should build trust early to reduce breaches.').label, 'direct_causal');
    assert.equal(classifySentence('Services should invest in continuity, which reduces reoffending.').label, 'direct_causal');
  });

  it('reads co-variation and composition as no causal claim, and new press-release verbs as claims', () => {
    assert.equal(classifySentence('Completion varied with the quality of implementation.').label, 'correlational');
    assert.equal(classifySentence('Recall rates increased with the number of previous breaches.').label, 'correlational');
    assert.equal(classifySentence('Cases with a sufficient plan were less often recalled to prison.').label, 'correlational');
    assert.equal(classifySentence('People serving community orders made up 62% of the sample.').label, 'none');
    assert.equal(classifySentence('High-quality supervision slashes reoffending.').label, 'direct_causal');
    assert.equal(classifySentence('The new approach halved breach rates.').label, 'direct_causal');
    assert.equal(classifySentence('Much of the gap stems from differences in case mix.').label, 'direct_causal');
  });

  it('reads a present-tense form before "of", "to" or "in" as a plural noun, not a claim verb', () => {
    for (const text of [
      'Funding cuts to probation services were announced in 2023.',
      'Changes of officer were common in the first year.',
      'The changes to the inspection framework took effect in June.',
    ]) {
      const result = classifySentence(text);
      assert.equal(result.label, 'none', text);
      assert.deepEqual(result.cues, [], text);
    }
    // The lexicon's own nouns keep their reading, and "helps to" stays a verb.
    assert.deepEqual(cueTexts(classifySentence('The effects of supervision on reoffending were large.').cues, 'causal'), ['effects']);
    assert.equal(classifySentence('Supervision helps to reduce reoffending.').label, 'direct_causal');
  });

  it('reads a change with no object as a change, and a plain claim as a claim whatever the model leans to', () => {
    for (const text of ['Reoffending rates decreased in every region.', 'Completion improved over the year.']) {
      assert.notEqual(classifySentence(text).label, 'direct_causal', text);
    }
    assert.equal(classifySentence('Completion was improved in every region by the new model.').label, 'direct_causal');
    // The model leans to correlational here, with no association wording to justify it.
    assert.equal(classifySentence('Better supervision prevents some recalls.').label, 'direct_causal');
    // The head noun before "of" makes the base form finite.
    assert.equal(classifySentence('Frequent changes of practitioner cause people to disengage.').label, 'direct_causal');
  });

  it('reads limitations, contributions to knowledge, aims and needs as no claim, and a firm prediction as one', () => {
    for (const text of [
      'This analysis is limited by the small sample.',
      'These findings contribute to the growing evidence on desistance.',
      'There is a clear need for effective support to reduce reoffending.',
    ]) {
      assert.equal(classifySentence(text).label, 'none', text);
    }
    assert.notEqual(classifySentence('Interventions aimed at reducing reoffending were reviewed.').label, 'direct_causal');
    assert.equal(classifySentence('The new model will reduce reoffending.').label, 'direct_causal');
    assert.equal(classifySentence('Good supervision contributes to desistance.').label, 'direct_causal');
  });

  it('reads a comparison between groups as an association when the model doubts it', () => {
    const result = classifySentence('Reoffending was 14 percentage points lower where inspectors judged supervision to be high quality.');
    assert.equal(result.label, 'correlational');
    // A comparison that also states a cause stays a claim.
    assert.equal(classifySentence('Good supervision cut reoffending to a lower level than before.').label, 'direct_causal');
  });

  it('reads what a causal verb acts on as part of the claim, and superlatives between groups as comparisons', () => {
    assert.equal(classifySentence('Good sentence planning makes people more likely to complete.').label, 'direct_causal');
    assert.equal(classifySentence('Remote contact may have weakened the relationship between practitioners and the people they supervise.').label, 'conditional_causal');
    // The likelihood itself is still an association when nothing acts on it.
    assert.equal(classifySentence('People released without settled accommodation were more likely to be recalled.').label, 'correlational');
    assert.equal(classifySentence('Reoffending was highest among those with no contact in the first month.').label, 'correlational');
    assert.equal(classifySentence('Recall rates rose in step with the share of contacts held remotely.').label, 'correlational');
  });

  it('reads "no evidence here that" as a disclaimer and "protected characteristics" as a term', () => {
    const result = classifySentence('There is no evidence here that electronic monitoring changed behaviour.');
    assert.notEqual(result.label, 'direct_causal');
    assert.ok(result.signals.some((s) => s.kind === 'disclaimer'));
    assert.equal(classifySentence('Data on protected characteristics were incomplete for about one case in ten.').label, 'none');
  });

  it('reads "effect sizes" as a statistic and "we reduced the sample" as a method, not claims', () => {
    assert.notEqual(classifySentence('Table 2 shows the effect sizes for each domain.').label, 'direct_causal');
    assert.notEqual(classifySentence('We reduced the sample to cases with complete data.').label, 'direct_causal');
    assert.equal(classifySentence('We found that supervision reduced reoffending.').label, 'direct_causal');
  });

  it('reads "proven reoffending" as the outcome measure, not a disclaimer, and "no effect on" as negated causation', () => {
    for (const text of ['Supervision did not reduce proven reoffending.', 'The programme had no effect on proven reoffending.']) {
      const result = classifySentence(text);
      assert.equal(result.label, 'direct_causal', text);
      assert.ok(!result.signals.some((s) => s.kind === 'disclaimer'), text);
    }
    assert.ok(classifySentence('The programme is not proven to work.').signals.some((s) => s.kind === 'disclaimer'));
  });

  it('leaves names and fixed terms from probation practice alone', () => {
    for (const text of [
      'Protective factors include stable accommodation and employment.',
      'Staff completed an equality impact assessment for the new model.',
      'Inspectors found cause for concern in a third of cases.',
      'The Reducing Reoffending Board met in May.',
      'Since Transforming Rehabilitation, caseloads have grown.',
    ]) {
      const result = classifySentence(text);
      assert.ok(result.label !== 'direct_causal' && result.label !== 'conditional_causal', text);
    }
  });

  it('reads the month May as a month, and the modal as a modal', () => {
    const month = classifySentence('In May 2023, the new model reduced recall.');
    assert.equal(month.label, 'direct_causal');
    assert.ok(!month.signals.some((s) => s.kind === 'hedge'));
    assert.equal(classifySentence('Supervision may reduce reoffending.').label, 'conditional_causal');
    assert.ok(classifySentence('May supervision reduce reoffending?').signals.some((s) => s.kind === 'hedge'));
  });

  it('reads "the difference" as a comparison, and "makes a real difference" as a claim', () => {
    assert.notEqual(classifySentence('The difference was statistically significant (p < 0.01).').label, 'direct_causal');
    const claim = classifySentence('Probation staff make a real difference to the people they supervise.');
    assert.equal(claim.label, 'direct_causal');
    assert.deepEqual(cueTexts(claim.cues, 'causal'), ['make a real difference']);
  });

  it('reads "prove that" as a claim of proof whatever follows, and "do not prove that" as one disclaimer', () => {
    const proof = classifySentence('Our findings prove that investment in probation pays off.');
    assert.equal(proof.label, 'direct_causal');
    assert.deepEqual(cueTexts(proof.cues, 'causal'), ['prove that']);
    const disclaimer = classifySentence('These findings do not prove that supervision works.');
    assert.notEqual(disclaimer.label, 'direct_causal');
    assert.deepEqual(cueTexts(disclaimer.signals, 'disclaimer'), ['not prove that']);
  });

  it('reads an opening "Thanks to …," as crediting a cause', () => {
    const result = classifySentence('Thanks to better supervision, fewer people were recalled.');
    assert.equal(result.label, 'direct_causal');
    assert.deepEqual(cueTexts(result.cues, 'causal'), ['Thanks to']);
    assert.notEqual(classifySentence('Thanks to the staff who took part in the survey.').label, 'direct_causal');
  });

  it('never calls a question or a research plan a direct causal claim', () => {
    const question = classifySentence('Does high-quality supervision reduce proven reoffending?');
    assert.notEqual(question.label, 'direct_causal');
    assert.deepEqual(cueTexts(question.signals, 'question'), ['?']);
    const plan = classifySentence('Further research should examine whether supervision quality reduces reoffending.');
    assert.notEqual(plan.label, 'direct_causal');
    assert.deepEqual(cueTexts(plan.signals, 'future-work'), ['Further research']);
    assert.deepEqual(cueTexts(plan.signals, 'question'), ['whether']);
  });

  it('reports negation beside a negated causal claim', () => {
    const result = classifySentence('Electronic monitoring did not reduce reoffending.');
    assert.equal(result.label, 'direct_causal');
    assert.deepEqual(cueTexts(result.signals, 'negation'), ['not']);
    assert.deepEqual(cueTexts(result.cues), ['reduce']);
  });

  it('names a study design as a design signal', () => {
    const result = classifySentence('In a randomised controlled trial, restorative justice reduced reoffending.');
    assert.deepEqual(cueTexts(result.signals, 'design'), ['randomised controlled trial']);
  });

  it('returns no cues for a sentence that claims nothing', () => {
    assert.deepEqual(classifySentence('Fieldwork began in June 2018.').cues, []);
    assert.equal(classifySentence('').label, 'none');
  });
});

describe('cue analysis', () => {
  it('links a modal to the causal verb a few words later', () => {
    const analysis = analyseCues('Smaller caseloads could in time improve supervision.');
    const verb = analysis.matches.find((m) => m.entry === 'improve');
    assert.ok(verb);
    assert.equal(analysis.hedgedBy.get(verb)?.entry, 'could');
  });

  it('reads "the reduced risk" as an adjective, not a claim verb', () => {
    const analysis = analyseCues('People on licence had the reduced risk.');
    const verb = analysis.matches.find((m) => m.entry === 'reduced');
    assert.ok(verb && analysis.adjectival.has(verb));
  });
});

describe('claim model file format', () => {
  it('round-trips bytes through base64', () => {
    const bytes = Uint8Array.from([0, 1, 2, 250, 255, 128, 7]);
    for (let n = 0; n <= bytes.length; n++) {
      assert.deepEqual(decodeBase64(encodeBase64(bytes.slice(0, n))), bytes.slice(0, n));
    }
  });

  it('keeps large weights and drops small ones when serialised', () => {
    const config = { hashBits: 4, charMin: 2, charMax: 5, wordWeight: 1, charWeight: 0, cueWeight: 1 };
    const weights = new Float32Array(16 * 4);
    weights[3 * 4 + 1] = 1.27;
    weights[200 / 4] = 0.001;
    weights[15 * 4 + 3] = -0.5;
    const loaded = loadModel(serialiseModel({ labels: CLAIM_LABELS, config, weights, scale: 1, bias: Float64Array.from([0.1, 0, 0, 0]) }, 0.01, {}));
    assert.ok(Math.abs(loaded.weights[3 * 4 + 1] * loaded.scale - 1.27) < 0.01);
    assert.ok(Math.abs(loaded.weights[15 * 4 + 3] * loaded.scale + 0.5) < 0.01);
    assert.equal(loaded.weights[200 / 4], 0);
  });
});

describe('claim features', () => {
  const config = { hashBits: 18, charMin: 2, charMax: 5, wordWeight: 0, charWeight: 0, cueWeight: 2, stemWeight: 1 };

  it('hashes cue features exactly as their names would hash, without building the names', () => {
    for (const text of [
      'High-quality supervision may reduce reoffending.',
      'Electronic monitoring did not reduce reoffending, and the reduced risk was not causal.',
      'Does supervision cut reoffending?',
    ]) {
      const analysis = analyseCues(text);
      const vector = extractFeatures(text, config, analysis);
      const cueIndices = vector.indices.slice(vector.cueStart);
      assert.deepEqual(cueIndices, cueFeatureNames(analysis).map((n) => cueBucket(n, config.hashBits)), text);
      assert.ok(cueIndices.length > 2, text);
    }
  });

  it('names the modal-hedged causal verb and the negated one', () => {
    assert.ok(cueFeatureNames(analyseCues('Smaller caseloads could improve supervision.')).includes('hedged:causal-verb:base'));
    assert.ok(cueFeatureNames(analyseCues('Tagging did not reduce reoffending.')).includes('negated:causal-verb'));
  });

  it('gives the same vector for a sentence seen before (cached stems) and for its first sighting', () => {
    const text = 'Reoffending reductions were reported by probation practitioners in 2019.';
    const first = extractFeatures(text, config);
    for (let i = 0; i < 3; i++) assert.deepEqual(extractFeatures(text, config), first);
  });

  it('hashes a word\'s crude stem without slicing it, as hashing the stem would', () => {
    for (const word of ['reduces', 'reduced', 'reduce', 'associations', 'correlation', 'increasingly', 'markedly', 'studies',
      'applied', 'cuts', 'the', 'ties', 'lies', 'uses', 'probation', "didn't", 'é', '']) {
      assert.equal(stemId(word), hashString(crudeStem(word)), word);
    }
    assert.equal(stemId('2019'), hashString('<num>'));
  });

  it('reads a curly apostrophe inside a word as a straight one', () => {
    assert.deepEqual(tokenize('It didn\u2019t cut reoffending.').map((t) => t.word), ['it', "didn't", 'cut', 'reoffending']);
    const analysis = analyseCues('It didn\u2019t cut reoffending.');
    const verb = analysis.matches.find((m) => m.entry === 'cut');
    assert.ok(verb && analysis.negatedBy.has(verb));
  });
});

describe('stacked trees', () => {
  it('routes inputs down a split and adds each leaf to its label', () => {
    // One split on input 4 (the first cue bucket) for label 0, a constant leaf for label 1.
    const trees = loadTrees({
      cueBuckets: [7],
      base: [0, 0, 0, 0],
      labels: 4,
      trees: [
        [4, 0.5, 1, 2, -1, -1, 0, 0, -1, 2, 0, 0],
        [-1, 0.5, 0, 0],
      ],
    });
    const off = predictTrees(trees, Float64Array.from([0, 0, 0, 0, 0]));
    const on = predictTrees(trees, Float64Array.from([0, 0, 0, 0, 1]));
    assert.ok(Math.abs(off[0] / off[2] - Math.exp(-1)) < 1e-9);
    assert.ok(Math.abs(on[0] / on[2] - Math.exp(2)) < 1e-9);
    assert.ok(Math.abs(on[1] / on[2] - Math.exp(0.5)) < 1e-9);
    assert.ok(Math.abs(on.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  });
});

describe('product rules on top of the model', () => {
  it('reads a base form after a plural noun, or a past form equal to its base, as a finite causal verb', () => {
    assert.equal(classifySentence('Sessions built on trust cut reoffending and keep people out of trouble.').label, 'direct_causal');
    assert.equal(classifySentence('Trusting relationships drive desistance.').label, 'direct_causal');
  });

  it('keeps the comparative "lower" and infinitives out of the finite-verb rule', () => {
    assert.notEqual(classifySentence('Proven reoffending was 14 percentage points lower in the same comparison.').label, 'direct_causal');
  });

  it('treats "whether" after a causal verb as the outcome, not a question', () => {
    const result = classifySentence('Good supervision makes a difference to whether people complete their orders.');
    assert.equal(result.label, 'direct_causal');
    assert.deepEqual(cueTexts(result.signals, 'question'), []);
    assert.deepEqual(cueTexts(result.cues), ['makes a difference']);
  });

  it('never calls a heading or a purpose clause with only a bare base-form verb a direct claim', () => {
    for (const text of ['Block quotes', 'To reduce reoffending, we piloted smaller caseloads.']) {
      const result = classifySentence(text);
      assert.notEqual(result.label, 'direct_causal', text);
      assert.equal(result.probabilities.direct_causal, 0, text);
    }
  });

  it('still calls negated causation direct', () => {
    assert.equal(classifySentence('Through the Gate failed to reduce reoffending among short-sentence prisoners.').label, 'direct_causal');
  });
});
