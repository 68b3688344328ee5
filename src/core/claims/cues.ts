// The hand-built lexicon of claim wording: causal verbs by tense, associational phrases, hedges,
// negation, questions, future-work, disclaimers and named study designs. Matching walks the word
// tokens once and looks phrases up by their first word, so it is linear in the sentence length.
import { tokenize, type WordToken } from './tokens';

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
  | 'determiner';

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
};

const EXTRA_PAST: Record<string, string> = { drive: 'driven', show: 'shown', prove: 'proven' };

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
  'result', 'translate', 'predispose',
];

// Particles that must follow for the verb to count ("leads to", not "leads the team").
const PARTICLES: Record<string, string> = {
  lead: 'to', result: 'in', contribute: 'to', translate: 'into', predispose: 'to',
};

const CAUSAL_NOUNS = [
  'effect', 'effects', 'impact', 'impacts', 'benefit', 'benefits', 'driver', 'drivers', 'cause',
  'causes', 'consequence', 'consequences', 'efficacy', 'effectiveness', 'improvement',
  'improvements', 'reduction', 'reductions', 'prevention', 'contribution', 'role', 'influence',
  'difference', 'protection', 'outcome of',
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
];

const LIKELIHOOD = ['more likely', 'less likely', 'most likely to', 'least likely to'];

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

const PURPOSE = ['aimed to', 'aim to', 'aims to', 'sought to', 'designed to', 'intended to',
  'in order to', 'we examined', 'we assessed', 'we investigated', 'we evaluated', 'we compared',
  'to examine', 'to assess', 'to investigate', 'to evaluate', 'to determine', 'to explore'];

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
  add('make a difference', 'causal-verb', 'base');
  add('makes a difference', 'causal-verb', 'present');
  add('made a difference', 'causal-verb', 'past');
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
const IMPORTANCE = ['important', 'crucial', 'essential', 'key', 'pivotal', 'critical', 'vital', 'necessary',
  'play a role', 'plays a role', 'played a role', 'play an important role', 'plays an important role',
  'importance', 'role in', 'feasible', 'safe', 'recommended', 'should'];
const COMPARATIVES = ['higher', 'lower', 'greater', 'better', 'worse', 'fewer', 'more common', 'less common',
  'more frequent', 'less frequent', 'prevalent', 'prevalence', 'differ', 'differed', 'differences',
  'difference between', 'compared with', 'compared to', 'than', 'similar', 'vary', 'varied', 'varies'];
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
  return byFirst;
}

const LEXICON = buildLexiconWithExtras();

/** Every lexicon hit, left to right; at each position only the longest phrase is taken. */
export function matchCues(tokens: WordToken[]): CueMatch[] {
  const matches: CueMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const candidates = LEXICON.get(tokens[i].word);
    let matched: Phrase | undefined;
    if (candidates) {
      for (const phrase of candidates) {
        const len = phrase.words.length;
        if (i + len > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < len; k++) {
          if (tokens[i + k].word !== phrase.words[k]) {
            ok = false;
            break;
          }
        }
        if (ok) {
          matched = phrase;
          break;
        }
      }
    }
    if (matched) {
      const last = i + matched.words.length;
      matches.push({
        cls: matched.cls,
        tense: matched.tense,
        first: i,
        last,
        start: tokens[i].start,
        end: tokens[last - 1].end,
        entry: matched.entry,
      });
      i = last;
    } else {
      i++;
    }
  }
  return matches;
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

const RECORD_WORDS = new Set(['records', 'record', 'data', 'database', 'databases', 'datasets', 'ndelius', 'pnc', 'register', 'registers']);

/** "We linked cases to nDelius records" describes data linkage (a design), not an association. */
function isRecordLinkage(m: CueMatch, tokens: WordToken[]): boolean {
  if (m.cls !== 'association' || (m.entry !== 'linked' && m.entry !== 'link')) return false;
  for (let i = m.last; i < Math.min(tokens.length, m.last + 10); i++) if (RECORD_WORDS.has(tokens[i].word)) return true;
  return false;
}

/** Finds the lexicon hits and how they relate (hedged, negated, disclaimed). */
export function analyseCues(text: string): CueAnalysis {
  const tokens = tokenize(text);
  const matches = matchCues(tokens);
  for (let i = 0; i < matches.length; i++) if (isRecordLinkage(matches[i], tokens)) matches[i].cls = 'design';
  const hedgedBy = new Map<CueMatch, CueMatch>();
  const enabledBy = new Map<CueMatch, CueMatch>();
  const negatedBy = new Map<CueMatch, CueMatch>();
  const softenedBy = new Map<CueMatch, CueMatch>();
  const adjectival = new Set<CueMatch>();
  const passive = new Set<CueMatch>();
  const disclaimers: { start: number; end: number }[] = [];
  let lastHedge: CueMatch | undefined;
  let previous: CueMatch | undefined;
  let lastModal: CueMatch | undefined;
  let lastCan: CueMatch | undefined;
  let lastNegation: CueMatch | undefined;
  for (const m of matches) {
    if (m.cls === 'modal') lastModal = m;
    else if (m.cls === 'can') lastCan = m;
    else if (m.cls === 'negation') lastNegation = m;
    else if (m.cls === 'hedge') lastHedge = m;
    else if (isCausal(m) || m.cls === 'association' || m.cls === 'evidence') {
      if (lastHedge && m.first - lastHedge.last <= MODIFIER_WINDOW) softenedBy.set(m, lastHedge);
      if (m.cls === 'causal-verb' && m.tense === 'past' && m.first === 0) adjectival.add(m);
      if (m.cls === 'causal-verb' && m.tense === 'past' && previous && previous.last === m.first) {
        if (previous.cls === 'determiner') adjectival.add(m);
        else if (previous.cls === 'copula') passive.add(m);
      }
      if (lastModal && m.first - lastModal.last <= MODIFIER_WINDOW) hedgedBy.set(m, lastModal);
      if (lastCan && m.first - lastCan.last <= MODIFIER_WINDOW) enabledBy.set(m, lastCan);
      if (lastNegation && m.first - lastNegation.last <= MODIFIER_WINDOW) negatedBy.set(m, lastNegation);
    }
    if (m.cls === 'causation-word' && lastNegation && m.first - lastNegation.last <= MODIFIER_WINDOW) {
      disclaimers.push({ start: lastNegation.start, end: m.end });
    }
    if (m.cls === 'evidence' && m.entry.startsWith('prov') && lastNegation && m.first - lastNegation.last <= 2) {
      disclaimers.push({ start: lastNegation.start, end: m.end });
    }
    previous = m;
  }
  return {
    text, tokens, matches, hedgedBy, enabledBy, negatedBy, softenedBy, adjectival, passive, disclaimers,
    questionMark: text.indexOf('?'),
  };
}

export { isCausal };
