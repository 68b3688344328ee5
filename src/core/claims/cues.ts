// The hand-built lexicon of claim wording: causal verbs by tense, associational phrases, hedges,
// negation, questions, future-work, disclaimers and named study designs. Matching walks the word
// tokens once and looks phrases up by their first word, so it is linear in the sentence length.
import { defineWordSet, WordScan, wordId, type WordToken } from './tokens';

export type CueClass =
  | 'causal-verb'
  | 'causal-noun'
  | 'causal-adj'
  | 'causal-link'
  | 'association'
  | 'likelihood'
  | 'modal'
  | 'can'
  | 'hedge'
  | 'negation'
  | 'whether'
  | 'future-work'
  | 'design'
  | 'evidence'
  | 'causation-word'
  | 'purpose'
  | 'importance'
  | 'comparative'
  | 'copula'
  | 'determiner'
  | 'term';

export type Tense = 'base' | 'present' | 'past' | 'gerund';

export interface CueMatch {
  cls: CueClass;
  tense?: Tense;
  /** Index of the first and one past the last word token. */
  first: number;
  last: number;
  start: number;
  end: number;
  /** The lexicon entry that matched (lower case, single-spaced). */
  entry: string;
}

interface Phrase {
  words: string[];
  /** The words single-spaced, built once. */
  entry: string;
  cls: CueClass;
  tense?: Tense;
}

const IRREGULAR: Record<string, [string, string, string]> = {
  // base: [present, past, gerund]; participles that differ are added separately below
  lead: ['leads', 'led', 'leading'],
  cut: ['cuts', 'cut', 'cutting'],
  drive: ['drives', 'drove', 'driving'],
  make: ['makes', 'made', 'making'],
  slow: ['slows', 'slowed', 'slowing'],
  stop: ['stops', 'stopped', 'stopping'],
  curb: ['curbs', 'curbed', 'curbing'],
  upset: ['upsets', 'upset', 'upsetting'],
  put: ['puts', 'put', 'putting'],
  keep: ['keeps', 'kept', 'keeping'],
  underpin: ['underpins', 'underpinned', 'underpinning'],
  fuel: ['fuels', 'fuelled', 'fuelling'],
  stem: ['stems', 'stemmed', 'stemming'],
};

const EXTRA_PAST: Record<string, string> = { drive: 'driven', show: 'shown', prove: 'proven', fuel: 'fueled' };

/** Regular English inflection, enough for the verbs in this lexicon. */
function inflect(base: string): [string, string, string] {
  const irregular = IRREGULAR[base];
  if (irregular) return irregular;
  if (base.endsWith('e')) return [base + 's', base + 'd', base.slice(0, -1) + 'ing'];
  if (/[^aeiou]y$/.test(base)) return [base.slice(0, -1) + 'ies', base.slice(0, -1) + 'ied', base + 'ing'];
  if (/(s|sh|ch|x|z)$/.test(base)) return [base + 'es', base + 'ed', base + 'ing'];
  return [base + 's', base + 'ed', base + 'ing'];
}

// Verbs that assert an effect; an optional particle follows ("lead to", "result in").
const CAUSAL_VERBS = [
  'reduce', 'improve', 'increase', 'decrease', 'cause', 'prevent', 'enhance', 'promote', 'induce',
  'protect', 'affect', 'influence', 'impact', 'benefit', 'lower', 'raise', 'alleviate', 'attenuate',
  'ameliorate', 'worsen', 'boost', 'inhibit', 'suppress', 'stimulate', 'trigger', 'elevate',
  'accelerate', 'delay', 'mitigate', 'eliminate', 'restore', 'facilitate', 'ensure', 'modulate',
  'alter', 'produce', 'diminish', 'augment', 'strengthen', 'weaken', 'exacerbate', 'aggravate',
  'prolong', 'shorten', 'slow', 'activate', 'block', 'damage', 'harm', 'drive', 'cut', 'help',
  'reverse', 'change', 'determine', 'limit', 'control', 'relieve', 'minimise', 'minimize', 'lessen',
  'curb', 'deter', 'stop', 'halt', 'transform', 'save', 'cure', 'counteract', 'offset', 'impair',
  'enable', 'foster', 'encourage', 'mediate', 'regulate', 'make', 'shape', 'hinder', 'undermine',
  'optimise', 'optimize', 'maximise', 'maximize', 'normalise', 'normalize', 'lengthen', 'modify',
  'exert', 'confer', 'resolve', 'abolish', 'expand', 'keep', 'put', 'upset', 'contribute', 'lead',
  'result', 'translate', 'predispose', 'underpin', 'fuel', 'hamper', 'erode', 'bolster', 'slash', 'halve',
];

// Particles that must follow for the verb to count ("leads to", not "leads the team").
const PARTICLES: Record<string, string> = {
  lead: 'to', result: 'in', contribute: 'to', translate: 'into', predispose: 'to',
};

const CAUSAL_NOUNS = [
  'effect', 'effects', 'impact', 'impacts', 'benefit', 'benefits', 'driver', 'drivers', 'cause',
  'causes', 'consequence', 'consequences', 'efficacy', 'effectiveness', 'improvement',
  'improvements', 'reduction', 'reductions', 'prevention', 'contribution', 'role', 'influence',
  'protection', 'outcome of',
];

const CAUSAL_ADJECTIVES = [
  'effective', 'beneficial', 'protective', 'harmful', 'detrimental', 'efficacious', 'responsible for',
  'attributable to', 'useful', 'helpful', 'ineffective', 'counterproductive', 'influential',
];

const CAUSAL_LINKS = [
  'because', 'due to', 'owing to', 'therefore', 'thus', 'hence', 'consequently', 'as a result',
  'thanks to', 'so that', 'in turn',
];

const ASSOCIATION = [
  'associated', 'association', 'associations', 'associate', 'associates', 'correlated',
  'correlation', 'correlations', 'correlate', 'correlates', 'correlating', 'related to',
  'relationship', 'relationships', 'relation', 'linked', 'link', 'links', 'predictor',
  'predictors', 'predict', 'predicts', 'predicted', 'predictive', 'predicting', 'risk factor',
  'risk factors', 'coincided', 'coincide', 'coincides', 'accompanied by', 'relate to',
  'relates to', 'connected', 'connection', 'co occurred', 'went together', 'go together',
  'in tandem', 'higher risk', 'lower risk', 'increased risk', 'greater risk', 'elevated risk',
  'odds', 'inversely', 'positively associated', 'negatively associated', 'independently associated',
  'varied with', 'vary with', 'varies with', 'varying with',
  // Co-variation, not an agent: "rates increased with age", "tended to decrease with severity".
  'increased with', 'increases with', 'increase with', 'increasing with', 'decreased with', 'decreases with',
  'decrease with', 'decreasing with', 'rose with', 'rises with', 'rising with', 'fell with', 'falls with', 'falling with',
  'in step with',
];

const LIKELIHOOD = ['more likely', 'less likely', 'more often', 'less often', 'most likely to', 'least likely to', 'as likely to', 'as likely as'];

const MODALS = ['may', 'might', 'could', 'would', 'may be able to', 'could be'];

const HEDGES = [
  'possibly', 'potentially', 'potential', 'perhaps', 'probably', 'likely', 'unlikely',
  'presumably', 'plausibly', 'plausible', 'partly', 'partially', 'suggest', 'suggests',
  'suggested', 'suggesting', 'suggestive', 'appear', 'appears', 'appeared', 'seem', 'seems',
  'seemed', 'tend to', 'tends to', 'speculate', 'hypothesise', 'hypothesize', 'hypothesised',
  'hypothesized', 'indicate', 'indicates', 'indicated', 'it is possible', 'consistent with',
  'in part', 'some evidence', 'tentative', 'tentatively',
];

const NEGATIONS = [
  'not', 'no', 'never', 'neither', 'nor', 'without', 'cannot', "can't", "didn't", "doesn't",
  "don't", "isn't", "wasn't", "weren't", "aren't", "won't", 'failed to', 'fail to', 'fails to',
  'none', 'lack of', 'absence of',
];

const FUTURE_NOUNS = ['research', 'studies', 'study', 'trials', 'trial', 'work', 'investigation',
  'investigations', 'evaluation', 'evaluations'];
// "prospective study" and "further evidence" describe work already done, so they are left out.
const FUTURE_MODIFIERS = ['further', 'future', 'more', 'additional', 'larger', 'longer', 'well designed'];

const DESIGNS = [
  'randomised controlled trial', 'randomized controlled trial', 'randomised controlled trials',
  'randomized controlled trials', 'randomised trial', 'randomized trial', 'randomised trials',
  'randomized trials', 'rct', 'rcts', 'cluster randomised', 'cluster randomized', 'cohort study',
  'cohort studies', 'prospective cohort', 'retrospective cohort', 'cross sectional', 'case control',
  'observational study', 'observational studies', 'observational data', 'observational',
  'quasi experimental', 'difference in differences', 'regression discontinuity',
  'instrumental variable', 'instrumental variables', 'meta analysis', 'meta analyses',
  'systematic review', 'natural experiment', 'propensity score', 'matched comparison',
  'comparison group', 'control group', 'before and after', 'longitudinal study', 'data linkage',
  'linked administrative data', 'survey', 'case series', 'pilot study', 'qualitative',
];

const EVIDENCE_VERBS = [
  'prove', 'proves', 'proved', 'proven', 'demonstrate', 'demonstrates', 'demonstrated', 'show',
  'shows', 'showed', 'shown', 'confirm', 'confirms', 'confirmed', 'establish', 'establishes',
  'established', 'reveal', 'reveals', 'revealed',
];

const CAUSATION_WORDS = ['causal', 'causation', 'causality', 'causally', 'cause and effect'];

const PURPOSE = ['aimed to', 'aim to', 'aims to', 'aimed at', 'aims at', 'aiming at', 'sought to', 'designed to', 'intended to',
  'in order to', 'we examined', 'we assessed', 'we investigated', 'we evaluated', 'we compared',
  'to examine', 'to assess', 'to investigate', 'to evaluate', 'to determine', 'to explore'];

// How "makes … difference" and "plays … role/part" may be sized: "makes a real difference", "plays
// a key role". Exported so the rewrites (rewrite.ts) accept exactly the phrases matched here.
export const DIFFERENCE_SIZES = ['a', 'a real', 'a big', 'a positive', 'a significant', 'a huge', 'a major', 'a measurable',
  'a lasting', 'the'];
export const ROLE_SIZES = ['a', 'an important', 'a key', 'a major', 'a central', 'a crucial', 'a vital', 'a pivotal',
  'a significant', 'a critical', 'a decisive', 'an essential', 'a big', 'a large', 'an active', 'a causal'];

function buildLexicon(): Map<string, Phrase[]> {
  const byFirst = new Map<string, Phrase[]>();
  const add = (text: string, cls: CueClass, tense?: Tense) => {
    const words = text.split(' ');
    const list = byFirst.get(words[0]) ?? [];
    list.push({ words, entry: text, cls, tense });
    byFirst.set(words[0], list);
  };
  for (const base of CAUSAL_VERBS) {
    const [present, past, gerund] = inflect(base);
    const particle = PARTICLES[base];
    const forms: [string, Tense][] = [[base, 'base'], [present, 'present'], [past, 'past'], [gerund, 'gerund']];
    if (EXTRA_PAST[base]) forms.push([EXTRA_PAST[base], 'past']);
    for (const [form, tense] of forms) add(particle ? `${form} ${particle}` : form, 'causal-verb', tense);
  }
  for (const [form, tense] of [['make', 'base'], ['makes', 'present'], ['made', 'past'], ['making', 'gerund']] as [string, Tense][]) {
    for (const size of DIFFERENCE_SIZES) {
      add(`${form} ${size} difference`, 'causal-verb', tense);
    }
  }
  // "plays a key role in", "played a part in": the corpus labels these stated causation.
  for (const [form, tense] of [['play', 'base'], ['plays', 'present'], ['played', 'past'], ['playing', 'gerund']] as [string, Tense][]) {
    for (const size of ROLE_SIZES) {
      add(`${form} ${size} role`, 'causal-verb', tense);
      add(`${form} ${size} part`, 'causal-verb', tense);
    }
  }
  // "may result from", "stems from": the cause follows, unlike "result in".
  for (const base of ['result', 'stem']) {
    const [present, past, gerund] = inflect(base);
    for (const [form, tense] of [[base, 'base'], [present, 'present'], [past, 'past'], [gerund, 'gerund']] as [string, Tense][]) {
      add(`${form} from`, 'causal-verb', tense);
    }
  }
  add('works', 'causal-verb', 'present');
  add('worked', 'causal-verb', 'past');
  for (const t of CAUSAL_NOUNS) add(t, 'causal-noun');
  for (const t of CAUSAL_ADJECTIVES) add(t, 'causal-adj');
  for (const t of CAUSAL_LINKS) add(t, 'causal-link');
  for (const t of ASSOCIATION) add(t, 'association');
  for (const t of LIKELIHOOD) add(t, 'likelihood');
  for (const t of MODALS) add(t, 'modal');
  add('can', 'can');
  for (const t of HEDGES) add(t, 'hedge');
  for (const t of NEGATIONS) add(t, 'negation');
  add('whether', 'whether');
  for (const m of FUTURE_MODIFIERS) for (const n of FUTURE_NOUNS) add(`${m} ${n}`, 'future-work');
  for (const t of ['remains to be', 'remain to be', 'needs to be', 'need to be', 'warrants further',
    'warrant further', 'is needed', 'are needed', 'are warranted', 'is warranted', 'future work',
    'we plan', 'will examine', 'will explore', 'will test']) add(t, 'future-work');
  for (const t of DESIGNS) add(t, 'design');
  for (const t of EVIDENCE_VERBS) add(t, 'evidence');
  for (const t of CAUSATION_WORDS) add(t, 'causation-word');
  for (const t of PURPOSE) add(t, 'purpose');
  // Longest phrase first so "more likely" wins over "more".
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return byFirst;
}

// Words that make a following past form read as an adjective ("the reduced risk", "with increased odds").
const DETERMINERS = ['a', 'an', 'the', 'with', 'of', 'and', 'or', 'in', 'for', 'to', 'by', 'from', 'their', 'its', 'his', 'her', 'this', 'these'];
// ("plays a role" and "plays an important role" are causal verb phrases in the core lexicon.)
const IMPORTANCE = ['important', 'crucial', 'essential', 'key', 'pivotal', 'critical', 'vital', 'necessary',
  'importance', 'role in', 'feasible', 'safe', 'recommended', 'should'];
const COMPARATIVES = ['higher', 'lower', 'greater', 'better', 'worse', 'fewer', 'more common', 'less common',
  'more frequent', 'less frequent', 'prevalent', 'prevalence', 'differ', 'differed', 'difference', 'differences',
  'difference between', 'compared with', 'compared to', 'than', 'similar', 'vary', 'varied', 'varies'];
// Fixed terms that contain a claim word but claim nothing: statistics ("Table 2 shows the effect
// sizes") and names from probation practice ("protective factors", "cause for concern", "an equality
// impact assessment"). Matched so that the longer phrase wins over "effect", "protective" or
// "impact"; the features skip them like determiners.
const FIXED_TERMS = ['effect size', 'effect sizes', 'fixed effect', 'fixed effects', 'random effect', 'random effects',
  'mixed effects', 'main effect', 'main effects', 'interaction effect', 'interaction effects', 'design effect',
  'protective factor', 'protective factors', 'cause for concern', 'causes for concern', 'impact assessment',
  'impact assessments', 'what works centre', 'what works centres', 'what works network', 'what works evidence',
  'what works literature', 'what works movement', 'effective proposal framework', 'effective practice',
  // "made up 62% of the sample": makes up, not makes.
  'make up', 'makes up', 'made up', 'making up',
  // "The changes took effect in June", "came into effect": coming into force, not an effect.
  'take effect', 'takes effect', 'took effect', 'taken effect', 'taking effect', 'into effect',
  // The inspectorate's rating between "good" and "inadequate".
  'requires improvement', 'require improvement',
  // The Equality Act's term: "data on protected characteristics".
  'protected characteristic', 'protected characteristics',
  // A study's limitation: "This analysis is limited by the small sample."
  'is limited by', 'are limited by', 'was limited by', 'were limited by'];
const COPULAS = ['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has been', 'have been', 'had been'];

function buildLexiconWithExtras(): Map<string, Phrase[]> {
  const byFirst = buildLexicon();
  const add = (text: string, cls: CueClass) => {
    const words = text.split(' ');
    const list = byFirst.get(words[0]) ?? [];
    // Extras never displace a core lexicon entry of the same length.
    if (list.some((p) => p.words.join(' ') === text)) return;
    list.push({ words, entry: text, cls });
    list.sort((a, b) => b.words.length - a.words.length);
    byFirst.set(words[0], list);
  };
  for (const t of IMPORTANCE) add(t, 'importance');
  for (const t of COMPARATIVES) add(t, 'comparative');
  for (const t of COPULAS) add(t, 'copula');
  for (const t of DETERMINERS) add(t, 'determiner');
  for (const t of FIXED_TERMS) add(t, 'term');
  return byFirst;
}

const LEXICON = buildLexiconWithExtras();

// The hot path works on numbers: classes, tenses, phrases and words all become small integers.

/** The cue classes in a fixed order; a match carries its class as an index into this list. */
export const CUE_CLASSES: readonly CueClass[] = [
  'causal-verb', 'causal-noun', 'causal-adj', 'causal-link', 'association', 'likelihood', 'modal', 'can',
  'hedge', 'negation', 'whether', 'future-work', 'design', 'evidence', 'causation-word', 'purpose',
  'importance', 'comparative', 'copula', 'determiner', 'term',
];
// Consumers copy these numbers into their own module-level constants (destructuring CLASS_NUMBER),
// because under a CommonJS loader such as tsx every read of an imported binding is a getter call,
// which adds up on a per-word path.
export const CLASS_NUMBER = Object.fromEntries(CUE_CLASSES.map((c, i) => [c, i])) as Record<CueClass, number>;
const {
  'causal-verb': CAUSAL_VERB, 'causal-adj': CAUSAL_ADJ, association: ASSOCIATION_CLASS, modal: MODAL, can: CAN, hedge: HEDGE,
  negation: NEGATION, design: DESIGN, evidence: EVIDENCE, 'causation-word': CAUSATION_WORD, copula: COPULA, determiner: DETERMINER,
} = CLASS_NUMBER;

/** Tense index 0 is "no tense"; the rest follow `Tense`. */
export const TENSES: readonly (Tense | undefined)[] = [undefined, 'base', 'present', 'past', 'gerund'];
export const TENSE_NUMBER = { base: 1, present: 2, past: 3, gerund: 4 } as Record<Tense, number>;
const PAST = TENSE_NUMBER.past;

/** Bits of `CueScan.form`. */
export const FORM_BITS = { adjectival: 1, passive: 2 } as const;
const ADJECTIVAL = FORM_BITS.adjectival;
const PASSIVE = FORM_BITS.passive;

// Every phrase once, flat: words as vocabulary ids, then per first word the candidate phrases in the
// lexicon's order (longest first), so matching compares integers, not strings.
const PHRASE_ENTRIES: string[] = [];
const PHRASE_CLASS: number[] = [];
const PHRASE_TENSE: number[] = [];
const PHRASE_WORD_FROM: number[] = [];
const PHRASE_LENGTH: number[] = [];
const PHRASE_WORD_LIST: number[] = [];
const CANDIDATE_LIST: number[] = [];
const candidateRanges: [number, number, number][] = [];
for (const [first, list] of LEXICON) {
  const from = CANDIDATE_LIST.length;
  for (const phrase of list) {
    CANDIDATE_LIST.push(PHRASE_ENTRIES.length);
    PHRASE_ENTRIES.push(phrase.entry);
    PHRASE_CLASS.push(CLASS_NUMBER[phrase.cls]);
    PHRASE_TENSE.push(phrase.tense ? TENSES.indexOf(phrase.tense) : 0);
    PHRASE_WORD_FROM.push(PHRASE_WORD_LIST.length);
    PHRASE_LENGTH.push(phrase.words.length);
    for (const word of phrase.words) PHRASE_WORD_LIST.push(wordId(word));
  }
  candidateRanges.push([wordId(first), from, CANDIDATE_LIST.length]);
}
const PHRASE_WORDS = Int32Array.from(PHRASE_WORD_LIST);
const PHRASE_FROM = Int32Array.from(PHRASE_WORD_FROM);
const PHRASE_LEN = Int32Array.from(PHRASE_LENGTH);
const CANDIDATES = Int32Array.from(CANDIDATE_LIST);
const lexiconWords = Math.max(...candidateRanges.map((r) => r[0])) + 1;
const CANDIDATE_FROM = new Int32Array(lexiconWords);
const CANDIDATE_TO = new Int32Array(lexiconWords);
for (const [id, from, to] of candidateRanges) {
  CANDIDATE_FROM[id] = from;
  CANDIDATE_TO[id] = to;
}

/** How many lexicon phrases there are; phrase numbers run from 0 to this. */
export const PHRASE_COUNT = PHRASE_ENTRIES.length;

/** The lexicon entry of phrase p (lower case, single-spaced). */
export function phraseEntry(p: number): string {
  return PHRASE_ENTRIES[p];
}

/** Phrase flags on an entry, looked up by phrase number rather than by comparing strings. */
export function phraseFlags(test: (entry: string) => boolean): Uint8Array {
  return Uint8Array.from(PHRASE_ENTRIES, (entry) => (test(entry) ? 1 : 0));
}

const IS_LINK = phraseFlags((e) => e === 'linked' || e === 'link');
// "changes of officer", "funding cuts to services", "increases in completion": a present-tense form
// straight before "of", "to" or "in" is a plural noun (or an intransitive verb), not a claim that one
// thing acts on another. Where the lexicon has the noun ("effects of", "impacts of") it becomes that
// noun; otherwise it is not matched. ("helps to reduce" keeps its verb.)
const NOUN_AFTER = defineWordSet(['of', 'to', 'in']);
// "Reoffending rates decreased in every region", "completion improved over the year": a change verb
// followed straight by a preposition has no object, so it reports a change, not one thing acting on
// another (not after a copula: "was reduced in" is a passive). Not matched at all. Tried on dev
// cross-validation with "by" and with adverbs ("increased significantly during") added: both lower.
const CHANGE_AFTER = defineWordSet(['in', 'from', 'over', 'during', 'across', 'between', 'among', 'at', 'since', 'throughout', 'until']);
const INTRANSITIVE = phraseFlags((e) => ['increased', 'decreased', 'improved', 'worsened', 'changed', 'increases', 'decreases',
  'improves', 'worsens', 'lessened', 'diminished', 'slowed', 'accelerated', 'normalised', 'normalized', 'halved'].includes(e));
const PRESENT_NUMBER = TENSE_NUMBER.present;
const NOUN_PHRASES = new Map<string, number>();
PHRASE_ENTRIES.forEach((entry, p) => {
  if (PHRASE_CLASS[p] === CLASS_NUMBER['causal-noun'] && !NOUN_PHRASES.has(entry)) NOUN_PHRASES.set(entry, p);
});
/** For a one-word present-tense causal verb: the same word's causal-noun phrase, or -1; -2 for every other phrase. */
const NOUN_READING = Int32Array.from(PHRASE_ENTRIES, (entry, p) => {
  if (PHRASE_CLASS[p] !== CAUSAL_VERB || PHRASE_TENSE[p] !== PRESENT_NUMBER || PHRASE_LEN[p] !== 1 || entry === 'helps') return -2;
  return NOUN_PHRASES.get(entry) ?? -1;
});
const IS_PROV = phraseFlags((e) => e.startsWith('prov'));
const IS_MAY = phraseFlags((e) => e === 'may');
const IS_PROVEN_FORM = phraseFlags((e) => e === 'proven');
// Words after which "proven" is still the verb: "not proven to work", "not proven that", "not proven by".
const AFTER_PROVEN = defineWordSet(['to', 'that', 'by', 'in', 'for', 'causal', 'causally', 'effective', 'yet']);

// "do not show that…", "does not mean that…", "cannot establish how…": a statement about what the
// evidence does not say, which is a careful writer's disclaimer, not negated causation ("did not
// reduce"). The verb must be followed by a clause, so "did not show a benefit" stays a claim.
const REPORTING_VERBS = defineWordSet(['show', 'shows', 'showed', 'shown', 'demonstrate', 'demonstrates', 'demonstrated',
  'establish', 'establishes', 'established', 'prove', 'proves', 'proved', 'proven', 'confirm', 'confirms', 'confirmed',
  'mean', 'means', 'meant', 'imply', 'implies', 'implied', 'tell', 'tells']);
const THAT = wordId('that');
const CLAUSE_OPENERS = defineWordSet(['that', 'how', 'why', 'what', 'which', 'whether']);
// Words that may stand around the reporting verb: "does not necessarily mean", "cannot by itself show", "cannot tell us how".
const REPORTING_FILLERS = defineWordSet(['necessarily', 'by', 'itself', 'themselves', 'us']);
// "should not be read as evidence that…", "there is no evidence that…", "is not proof that…".
const EVIDENCE_NOUNS = defineWordSet(['evidence', 'proof']);
const EVIDENCE_FILLERS = defineWordSet(['be', 'been', 'read', 'taken', 'seen', 'treated', 'interpreted', 'as', 'is', 'are',
  'was', 'were', 'any', 'clear', 'direct', 'firm', 'good', 'strong', 'robust', 'conclusive', 'provide', 'provides', 'offer', 'offers']);
const MAX_EVIDENCE_FILLERS = 4;
// "there is no evidence here that…", "no evidence in these data that…".
const EVIDENCE_TAIL = defineWordSet(['here', 'yet', 'so', 'far', 'in', 'these', 'this', 'our', 'the', 'data', 'study', 'bulletin', 'analysis', 'findings']);
const MAX_EVIDENCE_TAIL = 3;

/** The longest phrase starting at word i, or -1. */
function phraseAt(ids: Int32Array, count: number, i: number): number {
  const id = ids[i];
  if (id < 0 || id >= CANDIDATE_FROM.length) return -1;
  for (let c = CANDIDATE_FROM[id], to = CANDIDATE_TO[id]; c < to; c++) {
    const p = CANDIDATES[c];
    const len = PHRASE_LEN[p];
    if (i + len > count) continue;
    const from = PHRASE_FROM[p];
    let k = 1;
    while (k < len && ids[i + k] === PHRASE_WORDS[from + k]) k++;
    if (k === len) return p;
  }
  return -1;
}

function toMatch(p: number, cls: number, first: number, last: number, start: number, end: number): CueMatch {
  return { cls: CUE_CLASSES[cls], tense: TENSES[PHRASE_TENSE[p]], first, last, start, end, entry: PHRASE_ENTRIES[p] };
}

export interface CueAnalysis {
  /** The sentence the analysis is of. */
  text: string;
  tokens: WordToken[];
  matches: CueMatch[];
  /** Causal-verb matches with a modal ("may", "could") shortly before them: index of the modal match. */
  hedgedBy: Map<CueMatch, CueMatch>;
  /** Causal matches with "can" shortly before. */
  enabledBy: Map<CueMatch, CueMatch>;
  /** Causal matches with a negation shortly before. */
  negatedBy: Map<CueMatch, CueMatch>;
  /** Causal matches with a hedge word ("appears to", "suggests", "possibly") shortly before. */
  softenedBy: Map<CueMatch, CueMatch>;
  /** Past-tense causal verbs that read as adjectives ("the reduced risk") or passives ("was reduced"). */
  adjectival: Set<CueMatch>;
  passive: Set<CueMatch>;
  /** Disclaimer spans: a negation or "cannot" near a causation word, or "does not prove". */
  disclaimers: { start: number; end: number }[];
  /** Offset of a question mark, or -1. */
  questionMark: number;
}

const MODIFIER_WINDOW = 4;

function isCausal(m: CueMatch): boolean {
  return m.cls === 'causal-verb' || m.cls === 'causal-noun' || m.cls === 'causal-adj';
}

const RECORD_WORDS = defineWordSet(['records', 'record', 'data', 'database', 'databases', 'datasets', 'ndelius', 'pnc', 'register', 'registers']);

/**
 * One sentence's cue analysis as parallel arrays, one slot per match (`CueAnalysis` in numbers).
 * Instances are reused, so the contents are only valid until the next `analyse`.
 */
export class CueScan {
  readonly words = new WordScan();
  text = '';
  /** Number of matches. */
  count = 0;
  /** Class index (CUE_CLASSES), tense index (TENSES) and phrase number of each match. */
  cls = new Uint8Array(16);
  tense = new Uint8Array(16);
  phrase = new Int32Array(16);
  /** Index of the first and one past the last word of each match. */
  first = new Int32Array(16);
  last = new Int32Array(16);
  /** The modal, "can", negation and hedge match qualifying each match, or -1 (as in CueAnalysis). */
  hedgedBy = new Int32Array(16);
  enabledBy = new Int32Array(16);
  negatedBy = new Int32Array(16);
  softenedBy = new Int32Array(16);
  /** ADJECTIVAL and PASSIVE bits. */
  form = new Uint8Array(16);
  disclaimerCount = 0;
  /** Start and end offset of each disclaimer, in pairs. */
  disclaimers = new Int32Array(16);
  questionMark = -1;

  startOf(j: number): number {
    return this.words.start[this.first[j]];
  }

  endOf(j: number): number {
    return this.words.end[this.last[j] - 1];
  }

  /** Finds the lexicon hits and how they relate (hedged, negated, disclaimed). */
  analyse(text: string): this {
    this.text = text;
    const words = this.words.scan(text);
    const count = words.count;
    if (this.cls.length < count || (this.cls.length > 1 << 14 && this.cls.length > 8 * count)) this.resize(Math.max(16, count));
    const ids = words.id;
    let n = 0;
    for (let i = 0; i < count; ) {
      let p = phraseAt(ids, count, i);
      if (p < 0) {
        i++;
        continue;
      }
      if ((IS_MAY[p] && this.isMonthMay(text, i)) || (PHRASE_CLASS[p] <= CAUSAL_ADJ && this.isInName(text, i, i + PHRASE_LEN[p]))) {
        i++;
        continue;
      }
      // (After a copula it is a passive, "was reduced in", and stays.)
      const afterCopula = n > 0 && this.cls[n - 1] === COPULA && this.last[n - 1] === i;
      if (INTRANSITIVE[p] && i + 1 < count && words.inSet(i + 1, CHANGE_AFTER) && !afterCopula) {
        i++;
        continue;
      }
      if (NOUN_READING[p] !== -2 && i + 1 < count && words.inSet(i + 1, NOUN_AFTER)) {
        if (NOUN_READING[p] < 0) {
          i++;
          continue;
        }
        p = NOUN_READING[p];
      }
      const last = i + PHRASE_LEN[p];
      let cls = PHRASE_CLASS[p];
      // "We linked cases to nDelius records" describes data linkage (a design), not an association.
      if (cls === ASSOCIATION_CLASS && IS_LINK[p]) {
        for (let k = last; k < Math.min(count, last + 10); k++) {
          if (words.inSet(k, RECORD_WORDS)) {
            cls = DESIGN;
            break;
          }
        }
      }
      this.cls[n] = cls;
      this.tense[n] = PHRASE_TENSE[p];
      this.phrase[n] = p;
      this.first[n] = i;
      this.last[n] = last;
      this.hedgedBy[n] = this.enabledBy[n] = this.negatedBy[n] = this.softenedBy[n] = -1;
      this.form[n] = 0;
      n++;
      i = last;
    }
    this.count = n;
    this.disclaimerCount = 0;
    let lastHedge = -1;
    let previous = -1;
    let lastModal = -1;
    let lastCan = -1;
    let lastNegation = -1;
    for (let j = 0; j < n; j++) {
      const cls = this.cls[j];
      const first = this.first[j];
      if (cls === MODAL) lastModal = j;
      else if (cls === CAN) lastCan = j;
      else if (cls === NEGATION) {
        lastNegation = j;
        const end = this.negatedClauseEnd(j);
        if (end >= 0) this.addDisclaimer(this.startOf(j), end);
      }
      else if (cls === HEDGE) lastHedge = j;
      else if (cls <= CAUSAL_ADJ || cls === ASSOCIATION_CLASS || cls === EVIDENCE) {
        if (lastHedge >= 0 && first - this.last[lastHedge] <= MODIFIER_WINDOW) this.softenedBy[j] = lastHedge;
        if (cls === CAUSAL_VERB && this.tense[j] === PAST) {
          if (first === 0) this.form[j] |= ADJECTIVAL;
          if (previous >= 0 && this.last[previous] === first) {
            if (this.cls[previous] === DETERMINER) this.form[j] |= ADJECTIVAL;
            else if (this.cls[previous] === COPULA) this.form[j] |= PASSIVE;
          }
        }
        if (lastModal >= 0 && first - this.last[lastModal] <= MODIFIER_WINDOW) this.hedgedBy[j] = lastModal;
        if (lastCan >= 0 && first - this.last[lastCan] <= MODIFIER_WINDOW) this.enabledBy[j] = lastCan;
        if (lastNegation >= 0 && first - this.last[lastNegation] <= MODIFIER_WINDOW) this.negatedBy[j] = lastNegation;
      }
      if (cls === CAUSATION_WORD && lastNegation >= 0 && first - this.last[lastNegation] <= MODIFIER_WINDOW) {
        this.addDisclaimer(this.startOf(lastNegation), this.endOf(j));
      }
      if (cls === EVIDENCE && IS_PROV[this.phrase[j]] && lastNegation >= 0 && first - this.last[lastNegation] <= 2 && !this.isProvenOutcome(j)) {
        this.addDisclaimer(this.startOf(lastNegation), this.endOf(j));
      }
      previous = j;
    }
    this.questionMark = words.questionMark;
    return this;
  }

  /**
   * "in May 2023", "the Reducing Reoffending Board met in May": the month, not the modal. A capital
   * "May" is the month unless it opens the sentence ("May supervision reduce…?") without a number after it.
   */
  private isMonthMay(text: string, i: number): boolean {
    const words = this.words;
    if (text.charCodeAt(words.start[i]) !== 77 /* M */) return false;
    const next = i + 1 < words.count ? text.charCodeAt(words.start[i + 1]) : 0;
    return i > 0 || (next >= 48 && next <= 57);
  }

  /**
   * "Transforming Rehabilitation", "the Reducing Reoffending Board": a claim word that starts a run of
   * capitalised words is part of a name. (GOV.UK style writes headings in sentence case, so a
   * title-case heading such as "Supervision Reduces Reoffending" is the price of this.)
   */
  private isInName(text: string, i: number, last: number): boolean {
    const words = this.words;
    // A capital then a lower-case letter: "Rehabilitation", not an acronym ("Reduced HDL").
    const capitalised = (k: number) => {
      const c = text.charCodeAt(words.start[k]);
      const d = text.charCodeAt(words.start[k] + 1);
      return c >= 65 && c <= 90 && d >= 97 && d <= 122;
    };
    return last < words.count && capitalised(i) && capitalised(last);
  }

  /** "proven reoffending": the adjective naming the outcome measure, not the verb "prove". */
  private isProvenOutcome(j: number): boolean {
    const words = this.words;
    const next = this.last[j];
    return IS_PROVEN_FORM[this.phrase[j]] !== 0 && next < words.count && !words.inSet(next, AFTER_PROVEN);
  }

  /** End offset of "not show that" (and the like) starting at negation match `j`, or -1. */
  private negatedClauseEnd(j: number): number {
    const words = this.words;
    let k = this.last[j];
    let fillers = 0;
    while (k < words.count && fillers < MAX_EVIDENCE_FILLERS && words.inSet(k, EVIDENCE_FILLERS)) {
      k++;
      fillers++;
    }
    if (k + 1 < words.count && words.inSet(k, EVIDENCE_NOUNS)) {
      let t = k + 1;
      while (t < words.count && t - k <= MAX_EVIDENCE_TAIL && words.id[t] !== THAT && words.inSet(t, EVIDENCE_TAIL)) t++;
      if (t < words.count && words.id[t] === THAT) return words.end[t];
    }
    k = this.last[j];
    while (k < words.count && words.inSet(k, REPORTING_FILLERS)) k++;
    if (k >= words.count || !words.inSet(k, REPORTING_VERBS)) return -1;
    k++;
    while (k < words.count && words.inSet(k, REPORTING_FILLERS)) k++;
    return k < words.count && words.inSet(k, CLAUSE_OPENERS) ? words.end[k] : -1;
  }

  private addDisclaimer(start: number, end: number): void {
    const k = this.disclaimerCount * 2;
    // "does not prove that" is found by two rules; one disclaimer covers both spans.
    if (k > 0 && this.disclaimers[k - 2] === start) {
      this.disclaimers[k - 1] = Math.max(this.disclaimers[k - 1], end);
      return;
    }
    if (k + 2 > this.disclaimers.length) {
      const wider = new Int32Array(this.disclaimers.length * 2);
      wider.set(this.disclaimers);
      this.disclaimers = wider;
    }
    this.disclaimers[k] = start;
    this.disclaimers[k + 1] = end;
    this.disclaimerCount++;
  }

  private resize(size: number): void {
    this.cls = new Uint8Array(size);
    this.tense = new Uint8Array(size);
    this.phrase = new Int32Array(size);
    this.first = new Int32Array(size);
    this.last = new Int32Array(size);
    this.hedgedBy = new Int32Array(size);
    this.enabledBy = new Int32Array(size);
    this.negatedBy = new Int32Array(size);
    this.softenedBy = new Int32Array(size);
    this.form = new Uint8Array(size);
    if (this.disclaimers.length > 2 * size + 16) this.disclaimers = new Int32Array(16);
  }

  /** The same analysis as objects, for callers that want names rather than numbers. */
  toAnalysis(): CueAnalysis {
    const { words, text } = this;
    const tokens = words.tokens();
    const matches: CueMatch[] = new Array(this.count);
    for (let j = 0; j < this.count; j++) {
      matches[j] = toMatch(this.phrase[j], this.cls[j], this.first[j], this.last[j], this.startOf(j), this.endOf(j));
    }
    const relation = (by: Int32Array) => {
      const map = new Map<CueMatch, CueMatch>();
      for (let j = 0; j < this.count; j++) if (by[j] >= 0) map.set(matches[j], matches[by[j]]);
      return map;
    };
    const withForm = (bit: number) => new Set(matches.filter((_, j) => (this.form[j] & bit) !== 0));
    const disclaimers: { start: number; end: number }[] = [];
    for (let k = 0; k < this.disclaimerCount; k++) disclaimers.push({ start: this.disclaimers[2 * k], end: this.disclaimers[2 * k + 1] });
    return {
      text, tokens, matches,
      hedgedBy: relation(this.hedgedBy), enabledBy: relation(this.enabledBy), negatedBy: relation(this.negatedBy),
      softenedBy: relation(this.softenedBy), adjectival: withForm(ADJECTIVAL), passive: withForm(PASSIVE),
      disclaimers, questionMark: this.questionMark,
    };
  }
}

const ANALYSIS_SCAN = new CueScan();

/** Finds the lexicon hits and how they relate (hedged, negated, disclaimed). */
export function analyseCues(text: string): CueAnalysis {
  return ANALYSIS_SCAN.analyse(text).toAnalysis();
}

export { isCausal };
