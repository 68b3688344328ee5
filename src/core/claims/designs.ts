// Study designs and the Maryland Scientific Methods Scale (SMS) level each one usually reaches.
//
// Levels follow the SMS as summarised in the project's domain notes (Sherman et al. 1997; What Works
// Growth). A bare "observational" or "survey" label promises neither controls nor a comparison
// group, so it gets the floor (level 1); a writer who adjusted for controls declares `sms: 2`.

export interface StudyDesign {
  /** Canonical name, shown in messages. */
  name: string;
  sms: number;
  /** Other spellings writers use, compared after normalisation. */
  aliases: string[];
}

export const STUDY_DESIGNS: readonly StudyDesign[] = [
  {
    name: 'randomised controlled trial',
    sms: 5,
    aliases: ['RCT', 'randomised control trial', 'randomised trial', 'randomised', 'random assignment', 'random allocation'],
  },
  { name: 'regression discontinuity', sms: 4, aliases: ['regression discontinuity design', 'RDD'] },
  { name: 'instrumental variables', sms: 4, aliases: ['instrumental variable', 'IV'] },
  { name: 'natural experiment', sms: 4, aliases: ['quasi-random variation', 'quasi-random'] },
  { name: 'difference-in-differences', sms: 3, aliases: ['diff-in-diff', 'DiD'] },
  { name: 'matched comparison group', sms: 3, aliases: ['matched comparison', 'matched control group'] },
  { name: 'propensity score matching', sms: 3, aliases: ['PSM', 'propensity score matched comparison'] },
  { name: 'comparison group', sms: 2, aliases: ['unmatched comparison group', 'comparison group without shown comparability'] },
  { name: 'before/after with controls', sms: 2, aliases: ['before and after with controls', 'pre/post with controls'] },
  { name: 'regression with controls', sms: 2, aliases: ['multivariate regression', 'regression'] },
  {
    name: 'observational',
    sms: 1,
    aliases: ['observational study', 'observational linkage', 'data linkage', 'administrative data linkage', 'linkage'],
  },
  { name: 'cross-sectional', sms: 1, aliases: ['cross-sectional survey'] },
  { name: 'correlational', sms: 1, aliases: ['correlation'] },
  {
    name: 'before/after',
    sms: 1,
    aliases: ['before and after', 'before/after without comparison', 'pre/post', 'interrupted time series without comparison'],
  },
  { name: 'survey', sms: 1, aliases: ['self-report survey'] },
];

/** Lower-case, American to British spelling, and punctuation folded so spelling variants compare equal. */
export function normaliseDesignName(name: string): string {
  return name
    .toLowerCase()
    .replace(/randomiz/g, 'randomis')
    .replace(/[\u2010-\u2015/\-_,]+/g, ' ')
    .replace(/\band\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const designByName = new Map<string, StudyDesign>();
for (const design of STUDY_DESIGNS) {
  for (const name of [design.name, ...design.aliases]) designByName.set(normaliseDesignName(name), design);
}

/** The design a writer's label refers to, or undefined when the label is not one we know. */
export function lookUpDesign(label: string): StudyDesign | undefined {
  return designByName.get(normaliseDesignName(label));
}

/** Every accepted spelling, for "did you mean" suggestions. */
export function knownDesignNames(): string[] {
  return STUDY_DESIGNS.flatMap((d) => [d.name, ...d.aliases]);
}

/** The kind of wording each level warrants (shown in explanations). */
export function wordingForSms(sms: number): string {
  if (sms >= 5) return 'causal wording ("reduced")';
  if (sms === 4) return 'causal wording with caveats';
  if (sms === 3) return 'cautious causal wording ("suggests an effect")';
  if (sms === 2) return 'associational wording, after adjusting for controls';
  return 'associational wording only ("is associated with")';
}

// Designs strong enough to support a claim when a sentence names them ("a randomised controlled
// trial found…"). Weaker designs named in passing ("the survey") should not override the bulletin's
// own declaration, so only levels 3–5 are looked for in prose.
const NAMED_DESIGN =
  /\b(randomi[sz]ed (?:controlled |control )?trials?|RCTs?|regression discontinuity|instrumental variables?|natural experiments?|difference[- ]in[- ]differences|propensity score match(?:ing|ed)|matched comparison groups?)\b/gi;

// A design mentioned as missing or planned ("without a randomised trial", "a future RCT") is no support.
const NOT_DONE = /\b(?:without|no|not|lack of|absence of|future|should|would|could|need|needs|needed|planned|proposed|requires?)\b(?:\W+\w+){0,3}\W*$/i;

export interface NamedDesign {
  design: StudyDesign;
  /** Offsets relative to the sentence text. */
  start: number;
  end: number;
}

/** The strongest study design the sentence itself says its finding comes from, if any. */
export function findNamedDesign(sentenceText: string): NamedDesign | undefined {
  let best: NamedDesign | undefined;
  NAMED_DESIGN.lastIndex = 0;
  for (let m = NAMED_DESIGN.exec(sentenceText); m; m = NAMED_DESIGN.exec(sentenceText)) {
    const before = sentenceText.slice(Math.max(0, m.index - 40), m.index);
    if (NOT_DONE.test(before)) continue;
    const design = lookUpDesign(m[1]) ?? guessFromStem(m[1]);
    if (design && (!best || design.sms > best.design.sms)) {
      best = { design, start: m.index, end: m.index + m[0].length };
    }
  }
  return best;
}

function guessFromStem(text: string): StudyDesign | undefined {
  const t = normaliseDesignName(text);
  if (t.startsWith('randomis') || t.startsWith('rct')) return lookUpDesign('randomised controlled trial');
  if (t.startsWith('instrumental')) return lookUpDesign('instrumental variables');
  if (t.startsWith('natural')) return lookUpDesign('natural experiment');
  if (t.startsWith('propensity')) return lookUpDesign('propensity score matching');
  if (t.startsWith('matched')) return lookUpDesign('matched comparison group');
  if (t.startsWith('difference')) return lookUpDesign('difference-in-differences');
  return undefined;
}
