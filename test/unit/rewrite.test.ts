import * as assert from 'node:assert/strict';
import { claimFixes, hedgeWithMay, rewordAsAssociation, rewordHedgedAsAssociation, type SentenceEdit } from '../../src/core/claims/rewrite';
import { parseProse } from '../../src/core/prose/parse';
import { applyFix } from './evidence-fixtures';

function applied(sentence: string, edit: SentenceEdit | undefined): string | undefined {
  return edit && sentence.slice(0, edit.start) + edit.newText + sentence.slice(edit.end);
}

const reworded = (s: string) => applied(s, rewordAsAssociation(s));
const hedged = (s: string) => applied(s, hedgeWithMay(s));

describe('rewording causal claims as associations', () => {
  const cases: [string, string][] = [
    // Passages from the domain notes (§5).
    [
      'High-quality supervision therefore cuts reoffending by 14 percentage points.',
      'High-quality supervision is associated with reoffending 14 percentage points lower.',
    ],
    ['This proves that the NPS supervision model reduced reoffending.', 'This suggests that the NPS supervision model reduced reoffending.'],
    [
      'Neurodivergence causes reoffending, so universal screening will reduce reoffending.',
      'Neurodivergence is associated with reoffending, so universal screening will reduce reoffending.',
    ],
    // Press-release overreach.
    ['High-quality supervision leads to better completion.', 'High-quality supervision is associated with better completion.'],
    ['Supervision led to better outcomes in 2019.', 'Supervision was associated with better outcomes in 2019.'],
    ['Supervision cuts reoffending by 14 points.', 'Supervision is associated with reoffending 14 percentage points lower.'],
    ['Supervision reduces reoffending.', 'Supervision is associated with lower reoffending.'],
    ['Supervision reduced reoffending among young adults.', 'Supervision was associated with lower reoffending among young adults.'],
    ['Good supervision improves completion.', 'Good supervision is associated with better completion.'],
    ['Good supervision improved engagement.', 'Good supervision was associated with better engagement.'],
    ['Stable accommodation increases compliance.', 'Stable accommodation is associated with higher compliance.'],
    ['Stable accommodation increases breaches.', 'Stable accommodation is associated with more breaches.'],
    ['Poverty drives reoffending.', 'Poverty is associated with reoffending.'],
    ['High-quality supervision slashes reoffending.', 'High-quality supervision is associated with lower reoffending.'],
    ['Remote supervision weakened relationships with practitioners.', 'Remote supervision was associated with poorer relationships with practitioners.'],
    ['Remote working has eroded the quality of risk assessment.', 'Remote working has been associated with poorer quality of risk assessment.'],
    ['These programmes have reduced reoffending.', 'These programmes have been associated with lower reoffending.'],
    ['Unemployment fuels reoffending.', 'Unemployment is associated with higher reoffending.'],
    ['Good supervision drives down reoffending.', 'Good supervision is associated with lower reoffending.'],
    ['Probation makes a difference to desistance.', 'Probation is associated with differences in desistance.'],
    ['Electronic monitoring prevents reoffending.', 'Electronic monitoring is associated with less reoffending.'],
    ['Electronic monitoring prevents breaches.', 'Electronic monitoring is associated with fewer breaches.'],
    ['High-quality sessions cut reoffending.', 'High-quality sessions are associated with lower reoffending.'],
    ['Supervision reduces the risk of reoffending.', 'Supervision is associated with a lower risk of reoffending.'],
    ['Supervision clearly reduces reoffending.', 'Supervision is clearly associated with lower reoffending.'],
    ['In short, good supervision cuts reoffending by 14 percentage points.', 'In short, good supervision is associated with reoffending 14 percentage points lower.'],
    ['“These findings prove that better supervision reduces reoffending.”', '“These findings suggest that better supervision reduces reoffending.”'],
    ['Inspection therefore improves outcomes for the public.', 'Inspection is associated with better outcomes for the public.'],
    ['Structured sessions reduced breaches by 3%.', 'Structured sessions were associated with breaches 3% lower.'],
    ['Poverty leads to the breakdown of relationships.', 'Poverty is associated with the breakdown of relationships.'],
    ['Trust plays a key role in desistance.', 'Trust is associated with desistance.'],
    ['Probation made a real difference to desistance.', 'Probation was associated with differences in desistance.'],
    ['Missed appointments were caused by poor communication.', 'Missed appointments were associated with poor communication.'],
    ['Reoffending is driven by poverty.', 'Reoffending is associated with poverty.'],
    ['The programme reduced proven reoffending by a third.', 'The programme was associated with proven reoffending a third lower.'],
    ['Smaller caseloads improve the quality of supervision.', 'Smaller caseloads are associated with better quality of supervision.'],
    ['High caseloads damage the quality of supervision.', 'High caseloads are associated with poorer quality of supervision.'],
    ['Poverty harms health.', 'Poverty is associated with poorer health.'],
    ['Mentoring cut recalls by five percentage points.', 'Mentoring was associated with recalls five percentage points lower.'],
    ['Relationships play a role in desistance.', 'Relationships are associated with desistance.'],
  ];
  for (const [before, after] of cases) {
    it(`“${before}” → “${after}”`, () => assert.equal(reworded(before), after));
  }

  const noSafeRewrite = [
    'Building trust with offenders is what drives their desistance.', // no noun subject to agree with
    'Treating people fairly makes them comply with their licence.', // no known associational form
    'Sessions built on trust cut reoffending and keep people out of trouble.', // "cut" could be past or present
    'Supervision did not reduce reoffending.', // negated
    'The results show lower reoffending.', // "results" is a noun here
    'Supervision reduces it.', // no object to describe
    'Poverty drives them to offend.', // object pronoun with an infinitive
    'It is hard to say what reduces reoffending.',
    'Supervision played an important part in reducing reoffending.', // "associated with reducing" misreads
    'Mentoring prevents young adults from reoffending.', // "less young adults from reoffending"
    'Community payback reduces reoffending more than short custodial sentences do.', // the comparison would dangle
    'The scheme cut recalls by half.', // "half lower" is not English
    'High caseloads undermine trust.', // "poorer trust" is not what was meant
  ];
  for (const sentence of noSafeRewrite) {
    it(`offers no rewording for “${sentence}”`, () => assert.equal(rewordAsAssociation(sentence), undefined));
  }

  it('rewords the verb at the classifier cue, not an earlier one', () => {
    const sentence = 'Supervision causes concern, but accommodation reduces reoffending.';
    const cue = sentence.indexOf('reduces');
    assert.equal(
      applied(sentence, rewordAsAssociation(sentence, cue)),
      'Supervision causes concern, but accommodation is associated with lower reoffending.',
    );
  });
});

describe('hedging causal claims with “may”', () => {
  const cases: [string, string][] = [
    ['Supervision reduces reoffending.', 'Supervision may reduce reoffending.'],
    ['Supervision reduced reoffending among young adults.', 'Supervision may have reduced reoffending among young adults.'],
    ['High-quality supervision leads to better completion.', 'High-quality supervision may lead to better completion.'],
    ['Supervision led to better outcomes in 2019.', 'Supervision may have led to better outcomes in 2019.'],
    ['High-quality supervision therefore cuts reoffending by 14 percentage points.', 'High-quality supervision may cut reoffending by 14 percentage points.'],
    ['Building trust with offenders is what drives their desistance.', 'Building trust with offenders is what may drive their desistance.'],
    ['Treating people fairly makes them comply with their licence.', 'Treating people fairly may make them comply with their licence.'],
    [
      'Eighteen CRCs showed significant reductions against the 2011 baseline, so payment by results worked.',
      'Eighteen CRCs showed significant reductions against the 2011 baseline, so payment by results may have worked.',
    ],
    ['Universal screening will reduce reoffending.', 'Universal screening may reduce reoffending.'],
    ['High-quality sessions cut reoffending.', 'High-quality sessions may cut reoffending.'],
    ['Trust plays a key role in desistance.', 'Trust may play a key role in desistance.'],
    ['Missed appointments were caused by poor communication.', 'Missed appointments may have been caused by poor communication.'],
    ['Reoffending is driven by poverty.', 'Reoffending may be driven by poverty.'],
    ['Good supervision makes the difference between success and failure.', 'Good supervision may make the difference between success and failure.'],
    ['Supervision played an important part in reducing reoffending.', 'Supervision may have played an important part in reducing reoffending.'],
    ['The new standard has improved how inspectors record early progress.', 'The new standard may have improved how inspectors record early progress.'],
    ['These programmes have reduced reoffending.', 'These programmes may have reduced reoffending.'],
    ['The new approach halved breach rates.', 'The new approach may have halved breach rates.'],
    ['Stable housing keeps people out of prison.', 'Stable housing may keep people out of prison.'],
    ['Electronic monitoring deters reoffending.', 'Electronic monitoring may deter reoffending.'],
  ];
  for (const [before, after] of cases) {
    it(`“${before}” → “${after}”`, () => assert.equal(hedged(before), after));
  }

  it('hedges "is essential for" through its copula, where the cue sits on the adjective', () => {
    const sentence = 'Continuity of officer is essential for desistance.';
    assert.equal(applied(sentence, hedgeWithMay(sentence, sentence.indexOf('essential'))), 'Continuity of officer may be essential for desistance.');
    const past = 'Relationships were crucial to success.';
    assert.equal(applied(past, hedgeWithMay(past, past.indexOf('crucial'))), 'Relationships may have been crucial to success.');
  });

  it('offers no rewording that would leave an amount dangling after a long measure', () => {
    const sentence = 'The accommodation service increased the share of people housed on release by 12 points.';
    assert.equal(rewordAsAssociation(sentence, sentence.indexOf('increased')), undefined);
    assert.equal(applied(sentence, hedgeWithMay(sentence, sentence.indexOf('increased'))), 'The accommodation service may have increased the share of people housed on release by 12 points.');
  });

  it('does not hedge a verb that is already hedged or negated', () => {
    assert.equal(hedgeWithMay('Supervision may reduce reoffending.'), undefined);
    assert.equal(hedgeWithMay('Supervision did not reduce reoffending.'), undefined);
  });
});

describe('rewording hedged causal claims as associations', () => {
  it('keeps the modal and rewords the verb', () => {
    const s1 = 'Accommodation support may reduce reoffending.';
    const s2 = 'Stronger working relationships could improve completion rates.';
    assert.equal(applied(s1, rewordHedgedAsAssociation(s1)), 'Accommodation support may be associated with lower reoffending.');
    const s3 = 'Better accommodation support might lower reoffending among young adults.';
    assert.equal(applied(s3, rewordHedgedAsAssociation(s3)), 'Better accommodation support might be associated with lower reoffending among young adults.');
    assert.equal(applied(s2, rewordHedgedAsAssociation(s2)), 'Stronger working relationships could be associated with better completion rates.');
  });

  it('offers nothing for “may help to reduce”', () => {
    assert.equal(rewordHedgedAsAssociation('Better supervision may help to reduce reoffending.'), undefined);
  });
});

describe('fixes for a claim in a document', () => {
  function fixesFor(
    text: string,
    sentence: string,
    cue: string,
    label: 'direct_causal' | 'conditional_causal' = 'direct_causal',
    startsParagraph = true,
  ) {
    const prose = parseProse(text);
    const start = text.indexOf(sentence);
    const cueStart = text.indexOf(cue, start);
    return claimFixes({
      text,
      masked: prose.masked,
      sentence: { start, end: start + sentence.length },
      cue: { start: cueStart, end: cueStart + cue.length },
      label,
      ruleId: 'unsupported-causal-claim',
      startsParagraph,
    });
  }

  it('offers rewording (preferred), a hedge, an annotation template and a suppression', () => {
    const text = 'Intro line.\n\nSupervision reduces reoffending. More text follows.\n';
    const fixes = fixesFor(text, 'Supervision reduces reoffending.', 'reduces');
    assert.deepEqual(
      fixes.map((f) => [f.title, f.isPreferred ?? false]),
      [
        ['Reword as an association: “is associated with lower reoffending”', true],
        ['Hedge: “may reduce reoffending”', false],
        ['Add an evidence annotation for this sentence (to complete)', false],
        ['Suppress for this line, with a reason', false],
      ],
    );
    assert.equal(applyFix(text, fixes[0]), 'Intro line.\n\nSupervision is associated with lower reoffending. More text follows.\n');
    assert.equal(applyFix(text, fixes[1]), 'Intro line.\n\nSupervision may reduce reoffending. More text follows.\n');
    assert.equal(
      applyFix(text, fixes[2]),
      'Intro line.\n\nSupervision reduces reoffending. <!-- evidence: sms=?; design=""; source="" --> More text follows.\n',
    );
    assert.equal(
      applyFix(text, fixes[3]),
      'Intro line.\n\n<!-- bulletin-checker-disable-next-line unsupported-causal-claim -- reason: … -->\nSupervision reduces reoffending. More text follows.\n',
    );
  });

  it('suppresses on the same line when a comment line above would split the paragraph', () => {
    const text = 'First sentence here.\nSupervision reduces reoffending.\n';
    const fixes = fixesFor(text, 'Supervision reduces reoffending.', 'reduces', 'direct_causal', false);
    const suppress = fixes.find((f) => f.title.startsWith('Suppress'))!;
    assert.equal(
      applyFix(text, suppress),
      'First sentence here.\nSupervision reduces reoffending. <!-- bulletin-checker-disable-line unsupported-causal-claim -- reason: … -->\n',
    );
  });

  it('offers no rewording that would cut through markup, but still hedges the plain verb', () => {
    const text = 'Supervision cuts **reoffending** by 14 points.\n';
    const fixes = fixesFor(text, 'Supervision cuts **reoffending** by 14 points.', 'cuts');
    assert.ok(!fixes.some((f) => f.title.startsWith('Reword')), fixes.map((f) => f.title).join(' | '));
    const hedge = fixes.find((f) => f.title.startsWith('Hedge'));
    assert.equal(applyFix(text, hedge!), 'Supervision may cut **reoffending** by 14 points.\n');
  });

  it('offers only the annotation and suppression when no safe rewrite exists', () => {
    const text = 'Sessions built on trust cut reoffending.\n';
    const titles = fixesFor(text, 'Sessions built on trust cut reoffending.', 'cut').map((f) => f.title);
    assert.deepEqual(titles, ['Add an evidence annotation for this sentence (to complete)', 'Suppress for this line, with a reason']);
  });

  it('rewords a hedged claim but does not hedge it again', () => {
    const text = 'Accommodation support may reduce reoffending.\n';
    const fixes = fixesFor(text, 'Accommodation support may reduce reoffending.', 'may reduce', 'conditional_causal');
    assert.equal(fixes[0].title, 'Reword as an association: “may be associated with lower reoffending”');
    assert.ok(!fixes.some((f) => f.title.startsWith('Hedge')));
  });
});
