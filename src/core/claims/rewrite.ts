// Fixes for causal wording the evidence does not support: reword as an association, hedge with
// "may", add an evidence annotation for the writer to complete, or suppress with a reason.
// Rewrites are made only when the sentence fits a pattern we can rewrite grammatically; otherwise
// that fix is simply not offered.
import type { Fix, TextRange } from '../types';
import type { MaskedReader } from '../text/maskedPieces';
import { DIFFERENCE_SIZES, ROLE_SIZES } from './cues';
import { ESSENTIAL_ADJECTIVES } from './wording';

/** A replacement inside one sentence; offsets are relative to the sentence text. */
export interface SentenceEdit {
  start: number;
  end: number;
  newText: string;
}

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  isWord: boolean;
}

const TOKEN = /([\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*)|[^\s\p{L}\p{N}]/gu;

// Tokenising is the main cost of building fixes, so each sentence is tokenised once and remembered.
let lastSentence = '';
let lastTokens: Token[] = [];

function tokenise(text: string): Token[] {
  if (text === lastSentence) return lastTokens;
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const word = m[0];
    tokens.push({ text: word, lower: word.toLowerCase(), start: m.index, end: m.index + word.length, isWord: m[1] !== undefined });
  }
  lastSentence = text;
  lastTokens = tokens;
  return tokens;
}

/** How the claim is reworded: `with` keeps the object, the others put an adjective before it. */
type Rewording = 'with' | 'lower' | 'higher' | 'better' | 'poorer' | 'less' | 'difference' | 'suggest' | 'none';
type VerbForm = 's' | 'base' | 'past' | 'base-or-past';

interface CausalVerb {
  lemma: string;
  form: VerbForm;
  rewording: Rewording;
  /** Words that must follow the verb, e.g. "to" in "leads to". */
  particle?: string[];
  /** For particles that vary ("plays a key role in"): how many tokens after the verb form them, or -1. */
  particleAt?: (tokens: Token[], after: number) => number;
}

const VERBS = new Map<string, CausalVerb>();
function verb(lemma: string, s: string, past: string, rewording: Rewording, particle?: string[]): void {
  VERBS.set(s, { lemma, form: 's', rewording, particle });
  VERBS.set(lemma, { lemma, form: lemma === past ? 'base-or-past' : 'base', rewording, particle });
  if (past !== lemma) VERBS.set(past, { lemma, form: 'past', rewording, particle });
}
verb('lead', 'leads', 'led', 'with', ['to']);
verb('result', 'results', 'resulted', 'with', ['in']);
verb('contribute', 'contributes', 'contributed', 'with', ['to']);
verb('cause', 'causes', 'caused', 'with');
verb('drive', 'drives', 'drove', 'with');
verb('reduce', 'reduces', 'reduced', 'lower');
verb('cut', 'cuts', 'cut', 'lower');
verb('decrease', 'decreases', 'decreased', 'lower');
verb('lower', 'lowers', 'lowered', 'lower');
verb('slash', 'slashes', 'slashed', 'lower');
verb('curb', 'curbs', 'curbed', 'lower');
verb('fuel', 'fuels', 'fuelled', 'higher');
verb('increase', 'increases', 'increased', 'higher');
verb('raise', 'raises', 'raised', 'higher');
verb('boost', 'boosts', 'boosted', 'higher');
verb('improve', 'improves', 'improved', 'better');
verb('prevent', 'prevents', 'prevented', 'less');
verb('damage', 'damages', 'damaged', 'poorer');
verb('harm', 'harms', 'harmed', 'poorer');
verb('undermine', 'undermines', 'undermined', 'poorer');
verb('worsen', 'worsens', 'worsened', 'poorer');
verb('impair', 'impairs', 'impaired', 'poorer');
verb('weaken', 'weakens', 'weakened', 'poorer');
verb('erode', 'erodes', 'eroded', 'poorer');
verb('make', 'makes', 'made', 'difference');
// "plays a (key) role in", "makes a real difference": an article, perhaps a size, then the noun.
// The adjectives in the lexicon's sized phrases, without their articles.
const SIZES = new Set([...ROLE_SIZES, ...DIFFERENCE_SIZES].map((size) => size.split(' ').slice(1).join(' ')).filter(Boolean));
function sizedNoun(nouns: string[], preposition?: string): (tokens: Token[], after: number) => number {
  return (tokens, after) => {
    let k = after;
    if (!['a', 'an', 'the'].includes(tokens[k]?.lower ?? '')) return -1;
    k++;
    if (SIZES.has(tokens[k]?.lower ?? '')) k++;
    if (!nouns.includes(tokens[k]?.lower ?? '')) return -1;
    k++;
    if (preposition === undefined) return k - after;
    return tokens[k]?.lower === preposition ? k + 1 - after : -1;
  };
}
verb('play', 'plays', 'played', 'with');
for (const form of ['play', 'plays', 'played']) VERBS.set(form, { ...VERBS.get(form)!, particleAt: sizedNoun(['role', 'part'], 'in') });
for (const form of ['make', 'makes', 'made']) VERBS.set(form, { ...VERBS.get(form)!, particleAt: sizedNoun(['difference']) });
verb('prove', 'proves', 'proved', 'suggest', ['that']);
verb('demonstrate', 'demonstrates', 'demonstrated', 'suggest', ['that']);
// Causal verbs we can hedge ("may ensure") but not reword safely.
for (const [lemma, s, past] of [
  ['ensure', 'ensures', 'ensured'],
  ['work', 'works', 'worked'],
  ['produce', 'produces', 'produced'],
  ['determine', 'determines', 'determined'],
  ['affect', 'affects', 'affected'],
  ['influence', 'influences', 'influenced'],
  ['enable', 'enables', 'enabled'],
  ['stop', 'stops', 'stopped'],
  ['eliminate', 'eliminates', 'eliminated'],
  ['transform', 'transforms', 'transformed'],
  ['trigger', 'triggers', 'triggered'],
  ['promote', 'promotes', 'promoted'],
  ['protect', 'protects', 'protected'],
  ['help', 'helps', 'helped'],
  ['bring', 'brings', 'brought'],
  ['halve', 'halves', 'halved'],
  ['keep', 'keeps', 'kept'],
  ['strengthen', 'strengthens', 'strengthened'],
  ['foster', 'fosters', 'fostered'],
  ['encourage', 'encourages', 'encouraged'],
  ['deter', 'deters', 'deterred'],
  ['hinder', 'hinders', 'hindered'],
  ['hamper', 'hampers', 'hampered'],
  ['bolster', 'bolsters', 'bolstered'],
]) {
  verb(lemma, s, past, 'none');
}
// "lower" as a base-form verb is too often an adjective ("lower reoffending") to treat as a cue;
// straight after a modal ("could lower the risk") it can only be the verb.
const LOWER_AFTER_MODAL = VERBS.get('lower')!;
VERBS.delete('lower');

const PARTICIPLES: Record<string, string> = { drove: 'driven', led: 'led', made: 'made', cut: 'cut', brought: 'brought' };
const PAST_OF_PARTICIPLE = new Map(Object.entries(PARTICIPLES).map(([past, participle]) => [participle, past]));

// Connectives that assert the cause themselves; dropped along with the verb.
const CAUSAL_CONNECTIVES = new Set(['therefore', 'thus', 'hence', 'consequently']);
// Adverbs between subject and verb that move after the copula ("is also associated with").
const MOVABLE_ADVERBS = new Set(['also', 'clearly', 'directly', 'really', 'substantially', 'strongly', 'markedly', 'greatly', 'further', 'dramatically', 'significantly']);
// A verb after these has no subject we can see, is already modified, or is really a noun ("the results").
const NOT_A_SUBJECT = new Set([
  'whom', 'whose', 'to', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'shall', 'does', 'do',
  'did', 'not', "n't", 'never', 'cannot', 'and', 'or', 'but', 'if', 'whether', 'how', 'why', 'the', 'a', 'an',
  'their', 'its', 'his', 'her', 'our', 'your', 'my', 'these', 'those', 'of', 'in', 'on', 'for', 'with', 'by', 'from',
  'at', 'as', 'than', 'into', 'about', 'between', 'such', 'no', 'any', 'some', 'each', 'every',
  'is', 'are', 'was', 'were', 'be', 'been', 'being',
]);
const COPULAS = new Set(['is', 'are', 'was', 'were']);

/** "were caused by", "is driven by": a copula, a causal verb's past participle, then "by". */
function findPassive(sentence: string, cueStart: number | undefined): { tokens: Token[]; copula: number; verb: number } | undefined {
  const tokens = tokenise(sentence);
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (cueStart !== undefined && tokens[i].end <= cueStart) continue;
    const word = tokens[i].lower;
    const info = VERBS.get(word) ?? VERBS.get(PAST_OF_PARTICIPLE.get(word) ?? '');
    if (!info) continue;
    const participle = info.form === 'past' || info.form === 'base-or-past' || PAST_OF_PARTICIPLE.has(word);
    if (!participle || !COPULAS.has(tokens[i - 1].lower) || tokens[i + 1].lower !== 'by') return undefined;
    return tokens[i + 2]?.isWord ? { tokens, copula: i - 1, verb: i } : undefined;
  }
  return undefined;
}
const PREPOSITIONS = new Set(['of', 'in', 'on', 'for', 'with', 'by', 'from', 'at', 'as', 'than', 'into', 'about', 'between', 'among', 'under', 'after', 'before', 'during', 'without', 'through', 'across']);
const RELATIVE_PRONOUNS = new Set(['what', 'which', 'that', 'who']);
const PLURAL_PRONOUNS = new Set(['they', 'we', 'these', 'those', 'both', 'people', 'children', 'men', 'women', 'data']);
const SINGULAR_S = new Set(['this', 'is', 'was', 'has', 'its', 'thus', 'process', 'analysis', 'progress', 'success', 'business', 'status', 'justice', 'practice', 'service']);
// Words that cannot start the object we put an adjective before.
const NOT_AN_OBJECT = new Set([
  'the', 'a', 'an', 'their', 'its', 'his', 'her', 'our', 'your', 'my', 'this', 'that', 'these', 'those', 'them', 'it', 'him',
  'us', 'me', 'some', 'any', 'many', 'much', 'more', 'less', 'fewer', 'most', 'by', 'to', 'in', 'on', 'at', 'of', 'for',
  'with', 'and', 'or', 'but', 'not', 'no', 'both', 'each', 'every', 'all', 'such', 'how', 'whether', 'what', 'as',
]);
const OBJECT_PRONOUNS = new Set(['them', 'it', 'him', 'her', 'us', 'me', 'you']);
// Measures that take "lower"/"higher" even in the plural ("lower costs", "higher rates").
const MEASURES = new Set([
  'risk', 'number', 'rate', 'likelihood', 'chance', 'proportion', 'share', 'level', 'frequency', 'prevalence',
  'odds', 'cost', 'score', 'percentage', 'reoffending', 'completion',
]);

function isPlural(word: string): boolean {
  const w = word.toLowerCase();
  if (PLURAL_PRONOUNS.has(w)) return true;
  if (SINGULAR_S.has(w) || w.length <= 3) return false;
  return w.endsWith('s') && !/(?:ss|us|is|ness)$/.test(w);
}

function singularOf(word: string): string {
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

interface VerbSite {
  tokens: Token[];
  /** Index of the verb token. */
  index: number;
  info: CausalVerb;
  /** First token index after the verb and its particle. */
  after: number;
  /** First token index of what we replace (a dropped connective or moved adverb), else the verb. */
  from: number;
  adverbs: string[];
  plural: boolean;
  tense: 'present' | 'past';
}

/** Finds the causal verb the claim rests on (the one at or after the cue) and its grammatical setting. */
function findVerb(sentence: string, cueStart: number | undefined, mode: 'reword' | 'hedge'): VerbSite | undefined {
  const tokens = tokenise(sentence);
  let index = -1;
  for (let i = 0; i < tokens.length; i++) {
    const info = VERBS.get(tokens[i].lower);
    if (!info || (cueStart !== undefined && tokens[i].end <= cueStart)) continue;
    // "leads to" needs its "to" either way (else "leads" may be a noun); "makes a difference" only to reword.
    const needsParticle = info.particle && (mode === 'reword' || info.rewording === 'with');
    if (needsParticle && !info.particle!.every((p, k) => tokens[i + 1 + k]?.lower === p)) continue;
    if (info.particleAt && (mode === 'reword' || info.rewording === 'with') && info.particleAt(tokens, i + 1) < 0) continue;
    index = i;
    break;
  }
  if (index < 0) return undefined;
  const info = VERBS.get(tokens[index].lower)!;
  let from = index;
  const adverbs: string[] = [];
  while (from > 0 && (CAUSAL_CONNECTIVES.has(tokens[from - 1].lower) || MOVABLE_ADVERBS.has(tokens[from - 1].lower))) {
    from--;
    if (MOVABLE_ADVERBS.has(tokens[from].lower)) adverbs.unshift(tokens[from].text);
  }
  const subject = tokens[from - 1];
  if (!subject || !subject.isWord || NOT_A_SUBJECT.has(subject.lower) || /^\d/.test(subject.text)) return undefined;
  // A relative pronoun's number follows the verb; "what drives" hedges fine but has no noun to reword around.
  const relative = RELATIVE_PRONOUNS.has(subject.lower);
  if (relative && mode === 'reword') return undefined;
  const plural = relative ? info.form === 'base' : isPlural(subject.text);
  // A past verb says nothing about number, so "was"/"were" needs a subject we can trust.
  const numberMatters = info.form === 'base-or-past' || (info.form === 'past' && mode === 'reword');
  if (numberMatters && !relative && !plainSubject(tokens, from)) return undefined;
  let tense: 'present' | 'past';
  if (info.form === 's') {
    if (plural) return undefined;
    tense = 'present';
  } else if (info.form === 'base') {
    if (!plural) return undefined;
    tense = 'present';
  } else if (info.form === 'past') {
    tense = 'past';
  } else {
    tense = plural ? 'present' : 'past';
  }
  const particleCount = info.particleAt ? info.particleAt(tokens, index + 1) : (info.particle?.length ?? 0);
  // Hedging keeps the particles in place: "may play a key role in".
  const particles = mode === 'reword' ? particleCount : info.rewording === 'with' && !info.particleAt ? particleCount : 0;
  return { tokens, index, info, after: index + 1 + particles, from, adverbs, plural, tense };
}

// True when the clause before the verb is a plain noun phrase ("The NPS supervision model"), with no
// preposition that could hide the real head noun ("Sessions built on trust").
function plainSubject(tokens: Token[], verbAt: number): boolean {
  for (let i = verbAt - 1; i >= 0; i--) {
    const token = tokens[i];
    if (!token.isWord) return /^[,;:(]$/.test(token.text) || token.text === '“' || token.text === '"';
    if (PREPOSITIONS.has(token.lower)) return false;
  }
  return true;
}

function copula(site: VerbSite): string {
  if (site.tense === 'present') return site.plural ? 'are' : 'is';
  return site.plural ? 'were' : 'was';
}

/**
 * Rewords a causal claim as an association ("reduces reoffending" → "is associated with lower
 * reoffending"), or returns undefined when no grammatical rewrite is known for the sentence.
 */
export function rewordAsAssociation(sentence: string, cueStart?: number): SentenceEdit | undefined {
  const passive = findPassive(sentence, cueStart);
  if (passive) {
    // "Missed appointments were caused by poor communication" → "… were associated with poor communication".
    const { tokens, copula, verb } = passive;
    return { start: tokens[copula].start, end: tokens[verb + 1].end, newText: `${tokens[copula].lower} associated with` };
  }
  const site = findVerb(sentence, cueStart, 'reword');
  if (!site) return undefined;
  const { tokens, info } = site;
  const start = tokens[site.from].start;
  // After a perfect's auxiliary the copula is "been": "has eroded" → "has been associated with".
  const associated = [isPerfect(site) ? 'been' : copula(site), ...site.adverbs.map((a) => a.toLowerCase()), 'associated with'].join(' ');
  const verbEnd = tokens[site.after - 1].end;
  const particle = tokens[site.after]?.lower;
  if (particle === 'down' || particle === 'up') {
    // "drives down reoffending" reads as "reduces reoffending".
    if (info.rewording !== 'with' || info.lemma !== 'drive') return undefined;
    const phrasal: VerbSite = { ...site, info: { ...info, rewording: particle === 'down' ? 'lower' : 'higher' }, after: site.after + 1 };
    return rewordComparison(phrasal, start, associated);
  }
  switch (info.rewording) {
    case 'with':
      // "drives them to offend" has no associational form; a noun phrase object keeps as it is.
      if (!tokens[site.after]?.isWord || OBJECT_PRONOUNS.has(tokens[site.after].lower)) return undefined;
      // "played a part in reducing reoffending" would become "was associated with reducing…".
      if (info.particleAt && tokens[site.after].lower.endsWith('ing')) return undefined;
      return { start, end: verbEnd, newText: associated };
    case 'suggest': {
      const suggest = site.tense === 'past' ? 'suggested' : site.plural ? 'suggest' : 'suggests';
      return { start, end: tokens[site.index].end, newText: suggest };
    }
    case 'difference': {
      const preposition = tokens[site.after];
      if (!preposition || (preposition.lower !== 'to' && preposition.lower !== 'in') || !tokens[site.after + 1]?.isWord) return undefined;
      return { start, end: preposition.end, newText: `${associated} differences in` };
    }
    case 'lower':
    case 'higher':
    case 'better':
    case 'poorer':
    case 'less':
      return rewordComparison(site, start, associated);
    default:
      return undefined;
  }
}

// "cuts reoffending by 14 points" → "is associated with reoffending 14 percentage points lower";
// "reduces reoffending" → "is associated with lower reoffending".
function rewordComparison(site: VerbSite, start: number, associated: string): SentenceEdit | undefined {
  const { tokens } = site;
  const first = tokens[site.after];
  if (!first || !first.isWord || NOT_AN_OBJECT.has(first.lower) || first.lower.endsWith('ly') || /^\d/.test(first.text)) {
    return rewordDefiniteMeasure(site, start, associated);
  }
  // "prevents young adults from reoffending" and "reduces reoffending more than custody does" have
  // no associational form we can build by putting an adjective before the object.
  for (let i = site.after + 1; i < tokens.length && i <= site.after + 6; i++) {
    const word = tokens[i].lower;
    if (word === 'than' || (word === 'from' && site.info.rewording === 'less')) return undefined;
    if (!tokens[i].isWord) break;
  }
  const by = findByAmount(tokens, site.after);
  if (by) {
    const direction = site.info.rewording === 'lower' ? 'lower' : site.info.rewording === 'less' ? undefined : 'higher';
    if (!direction) return undefined;
    const object = textBetween(tokens, site.after, by.byIndex);
    return { start, end: by.end, newText: `${associated} ${object} ${by.amount} ${direction}` };
  }
  // A "by" we cannot read as an amount ("by half", "by a large margin") would be left dangling.
  for (let i = site.after + 1; i < tokens.length && i <= site.after + 5 && tokens[i - 1].isWord; i++) {
    if (tokens[i].lower === 'by') return undefined;
  }
  // "undermines trust" is not "poorer trust": only objects that take "poorer" are reworded.
  if (site.info.rewording === 'poorer' && !QUALITIES.has(first.lower)) return undefined;
  return { start, end: tokens[site.after - 1].end, newText: `${associated} ${adjectiveFor(site.info.rewording, first.lower)}` };
}

// "reduces the risk of reoffending" → "is associated with a lower risk of reoffending".
function rewordDefiniteMeasure(site: VerbSite, start: number, associated: string): SentenceEdit | undefined {
  const { tokens } = site;
  const the = tokens[site.after];
  const noun = tokens[site.after + 1];
  if (the?.lower !== 'the' || !noun?.isWord || site.info.rewording === 'less') return undefined;
  // "increased the share of people housed on release by 12 points": the amount would be left
  // dangling after "a higher share …", so no rewording (the hedge is still offered).
  for (let i = site.after + 2; i < tokens.length && i <= site.after + MAX_MEASURE_PHRASE && tokens[i - 1].isWord; i++) {
    if (tokens[i].lower === 'by') return undefined;
  }
  if (site.info.rewording === 'better' || site.info.rewording === 'poorer') {
    // "improves the quality of supervision" → "is associated with better quality of supervision".
    return QUALITIES.has(noun.lower) ? { start, end: the.end, newText: `${associated} ${site.info.rewording}` } : undefined;
  }
  const adjective = site.info.rewording === 'lower' ? 'lower' : 'higher';
  if (MEASURES.has(noun.lower)) return { start, end: the.end, newText: `${associated} a ${adjective}` };
  if (isPlural(noun.lower) && MEASURES.has(singularOf(noun.lower))) return { start, end: the.end, newText: `${associated} ${adjective}` };
  return undefined;
}

const MAX_MEASURE_PHRASE = 12;

// What "better" and "poorer" read well before, with or without "the … of" after them.
const QUALITIES = new Set(['quality', 'standard', 'standards', 'outcomes', 'health', 'wellbeing', 'well-being', 'compliance',
  'engagement', 'practice', 'relationships', 'supervision', 'experience', 'experiences']);

function adjectiveFor(rewording: Rewording, objectWord: string): string {
  if (rewording === 'poorer') return 'poorer';
  const countable = isPlural(objectWord) && !MEASURES.has(singularOf(objectWord));
  if (rewording === 'better') return 'better';
  if (rewording === 'higher') return countable ? 'more' : 'higher';
  if (rewording === 'less') return countable ? 'fewer' : 'less';
  return countable ? 'fewer' : 'lower';
}

// "… by 14 percentage points", "… by 14 points", "… by 14%" within a few words of the verb.
function findByAmount(tokens: Token[], from: number): { byIndex: number; amount: string; end: number } | undefined {
  for (let i = from + 1; i < tokens.length && i <= from + 5; i++) {
    if (!tokens[i - 1].isWord) return undefined;
    if (tokens[i].lower !== 'by') continue;
    const number = tokens[i + 1];
    // "by a third", "by two thirds": a share, kept as written ("… a third lower"). "By half" has
    // no such form ("half lower" is not English), so it gets no rewording.
    if (tokens[i + 1]?.lower === 'half') return undefined;
    const share = shareAfter(tokens, i + 1);
    if (share) return { byIndex: i, amount: share.text, end: share.end };
    if (!number || !(/^\d+(?:\.\d+)?$/.test(number.text) || NUMBER_WORDS.has(number.lower))) return undefined;
    const one = number.text === '1' || number.lower === 'one';
    const unit = tokens[i + 2];
    const next = tokens[i + 3];
    if (unit?.text === '%') return { byIndex: i, amount: `${number.text}%`, end: unit.end };
    if (unit?.lower === 'percentage' && (next?.lower === 'points' || next?.lower === 'point')) {
      return { byIndex: i, amount: `${number.text} percentage ${one ? 'point' : 'points'}`, end: next.end };
    }
    if (unit?.lower === 'points' || unit?.lower === 'point') {
      return { byIndex: i, amount: `${number.text} percentage ${one ? 'point' : 'points'}`, end: unit.end };
    }
    if ((unit?.lower === 'per' && next?.lower === 'cent') || unit?.lower === 'percent') {
      return { byIndex: i, amount: `${number.text}%`, end: (unit.lower === 'per' ? next : unit).end };
    }
    return undefined;
  }
  return undefined;
}

const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty']);
const SHARES = new Set(['third', 'quarter', 'fifth', 'tenth', 'thirds', 'quarters', 'fifths']);
const SHARE_COUNTS = new Set(['a', 'one', 'two', 'three', 'four']);

function shareAfter(tokens: Token[], at: number): { text: string; end: number } | undefined {
  if (SHARE_COUNTS.has(tokens[at]?.lower ?? '') && SHARES.has(tokens[at + 1]?.lower ?? '')) {
    return { text: `${tokens[at].lower} ${tokens[at + 1].lower}`, end: tokens[at + 1].end };
  }
  return undefined;
}

function textBetween(tokens: Token[], from: number, to: number): string {
  return tokens.slice(from, to).map((t) => t.text).join(' ');
}

const PERFECT_AUXILIARIES = new Set(['has', 'have', 'had']);
const ESSENTIAL_WORDS = new Set(ESSENTIAL_ADJECTIVES);

/** "is essential for desistance" → "may be essential for desistance" (the cue starts at the adjective). */
function hedgeEssential(tokens: Token[], cueStart?: number): SentenceEdit | undefined {
  if (cueStart === undefined) return undefined;
  const i = tokens.findIndex((t) => t.start === cueStart);
  if (i < 1 || !ESSENTIAL_WORDS.has(tokens[i].lower)) return undefined;
  const copula = tokens[i - 1].lower;
  if (copula !== 'is' && copula !== 'are' && copula !== 'was' && copula !== 'were') return undefined;
  return { start: tokens[i - 1].start, end: tokens[i - 1].end, newText: hedgedCopula(copula) };
}

/** The hedge for a copula: "is/are" → "may be", "was/were" → "may have been". */
function hedgedCopula(copula: string): string {
  return copula === 'was' || copula === 'were' ? 'may have been' : 'may be';
}

/** A past form after "has", "have" or "had": "has eroded", "have reduced". */
function isPerfect(site: VerbSite): boolean {
  return site.tense !== 'present' && site.from > 0 && PERFECT_AUXILIARIES.has(site.tokens[site.from - 1].lower);
}

/** Hedges a causal verb with "may" ("reduces" → "may reduce", "reduced" → "may have reduced"). */
export function hedgeWithMay(sentence: string, cueStart?: number): SentenceEdit | undefined {
  const passive = findPassive(sentence, cueStart);
  if (passive) {
    // "were caused by" → "may have been caused by"; "is driven by" → "may be driven by".
    const { tokens, copula } = passive;
    return { start: tokens[copula].start, end: tokens[copula].end, newText: hedgedCopula(tokens[copula].lower) };
  }
  const tokens = tokenise(sentence);
  const essential = hedgeEssential(tokens, cueStart);
  if (essential) return essential;
  for (let i = 1; i < tokens.length; i++) {
    if (cueStart !== undefined && tokens[i].end <= cueStart) continue;
    const info = VERBS.get(tokens[i].lower);
    const before = tokens[i - 1].lower;
    // "will reduce", "can reduce" → "may reduce".
    if (info && (info.form === 'base' || info.form === 'base-or-past') && (before === 'will' || before === 'can')) {
      return { start: tokens[i - 1].start, end: tokens[i - 1].end, newText: 'may' };
    }
    if (info) break;
  }
  const site = findVerb(sentence, cueStart, 'hedge');
  if (!site) return undefined;
  const index = site.index;
  const info = site.info;
  // A perfect ("has improved", "have reduced") takes its auxiliary into the hedge: "may have improved",
  // not "has may have improved".
  const start = tokens[isPerfect(site) ? site.from - 1 : site.from].start;
  const adverbs = site.adverbs.map((a) => a.toLowerCase());
  const verbText = site.tense === 'present' ? info.lemma : `have ${PARTICIPLES[tokens[index].lower] ?? tokens[index].lower}`;
  return { start, end: tokens[index].end, newText: ['may', ...adverbs, verbText].join(' ') };
}

/**
 * For a claim already hedged with a modal ("may reduce reoffending"), the associational form
 * ("may be associated with lower reoffending").
 */
export function rewordHedgedAsAssociation(sentence: string, cueStart?: number): SentenceEdit | undefined {
  const tokens = tokenise(sentence);
  for (let i = 1; i < tokens.length; i++) {
    if (cueStart !== undefined && tokens[i].end <= cueStart) continue;
    const modal = tokens[i - 1];
    const hedging = ['may', 'might', 'could'].includes(modal.lower);
    const info = VERBS.get(tokens[i].lower) ?? (hedging && tokens[i].lower === 'lower' ? LOWER_AFTER_MODAL : undefined);
    if (!info) continue;
    if (!hedging || (info.form !== 'base' && info.form !== 'base-or-past')) return undefined;
    if (info.particle && !info.particle.every((p, k) => tokens[i + 1 + k]?.lower === p)) return undefined;
    const particleCount = info.particleAt ? info.particleAt(tokens, i + 1) : (info.particle?.length ?? 0);
    if (particleCount < 0) return undefined;
    // Reuse the plain rewrite on "X reduces…" and splice "be" in for the copula.
    const site: VerbSite = { tokens, index: i, info, after: i + 1 + particleCount, from: i, adverbs: [], plural: false, tense: 'present' };
    const associated = `${modal.lower} be associated with`;
    if (info.rewording === 'with') {
      if (info.particleAt && tokens[site.after]?.lower.endsWith('ing')) return undefined;
      return tokens[site.after]?.isWord ? { start: modal.start, end: tokens[site.after - 1].end, newText: associated } : undefined;
    }
    if (!['lower', 'higher', 'better', 'less'].includes(info.rewording)) return undefined;
    return rewordComparison(site, modal.start, associated);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Fixes attached to findings
// ---------------------------------------------------------------------------------------------

export interface ClaimFixRequest {
  /** The whole document. */
  text: string;
  /** The masked document (a string, or the pieces a re-parse keeps): edits must not touch markup. */
  masked: MaskedReader;
  sentence: TextRange;
  /** The first causal cue, in document offsets. */
  cue?: TextRange;
  label: 'direct_causal' | 'conditional_causal';
  ruleId: string;
  /** Whether the sentence's line starts its paragraph (a comment line above will not split it). */
  startsParagraph: boolean;
}

/** Every fix for an unsupported or hedged causal claim, most helpful first. */
export function claimFixes(request: ClaimFixRequest): Fix[] {
  const fixes: Fix[] = [];
  const { text, masked, sentence } = request;
  const sentenceText = masked.slice(sentence.start, sentence.end);
  const cueStart = request.cue ? request.cue.start - sentence.start : undefined;
  const reworded = toDocument(
    request,
    request.label === 'direct_causal' ? rewordAsAssociation(sentenceText, cueStart) : rewordHedgedAsAssociation(sentenceText, cueStart),
  );
  if (reworded) {
    fixes.push({
      title: `Reword as an association: “${reworded.newText}${nextWord(text, reworded.end)}”`,
      edits: [{ range: { start: reworded.start, end: reworded.end }, newText: reworded.newText }],
      isPreferred: true,
    });
  }
  if (request.label === 'direct_causal') {
    const hedged = toDocument(request, hedgeWithMay(sentenceText, cueStart));
    if (hedged) {
      fixes.push({ title: `Hedge: “${hedged.newText}${nextWord(text, hedged.end)}”`, edits: [{ range: { start: hedged.start, end: hedged.end }, newText: hedged.newText }] });
    }
  }
  fixes.push({
    title: 'Add an evidence annotation for this sentence (to complete)',
    edits: [{ range: { start: sentence.end, end: sentence.end }, newText: ' <!-- evidence: sms=?; design=""; source="" -->' }],
  });
  fixes.push(suppressionFix(request));
  return fixes;
}

/** A sentence edit in document offsets, or undefined when it would cut through markup. */
function toDocument(request: ClaimFixRequest, edit: SentenceEdit | undefined): SentenceEdit | undefined {
  if (!edit) return undefined;
  const start = request.sentence.start + edit.start;
  const end = request.sentence.start + edit.end;
  // Markup inside the span (emphasis, links) would be lost; offer nothing rather than break it.
  if (request.text.slice(start, end) !== request.masked.slice(start, end)) return undefined;
  return { start, end, newText: edit.newText };
}

// The word after an edit (two after a determiner), so a fix's title reads as a phrase ("is associated with lower reoffending").
function nextWord(text: string, from: number): string {
  const after = text.slice(from, from + 60);
  const words = /^(?:[ \t]*[\p{L}\p{N}][\p{L}\p{N}'’-]*){1,2}/u.exec(after)?.[0] ?? '';
  const first = /^[ \t]*[\p{L}\p{N}][\p{L}\p{N}'’-]*/u.exec(after)?.[0] ?? '';
  return NOT_AN_OBJECT.has(first.trim().toLowerCase()) ? words : first;
}

function suppressionComment(kind: string, ruleId: string): string {
  return `<!-- bulletin-checker-${kind} ${ruleId} -- reason: … -->`;
}

function suppressionFix(request: ClaimFixRequest): Fix {
  const { text, sentence, ruleId } = request;
  if (request.startsParagraph) {
    // The sentence opens its paragraph, so its line starts after whitespace only: a short scan back.
    let lineStart = sentence.start;
    while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
    if (lineStart === 0 || text[lineStart - 1] === '\n' || text[lineStart - 1] === '\r') {
      const newline = text[lineStart - 1] === '\n' && text[lineStart - 2] === '\r' ? '\r\n' : text[lineStart - 1] === '\r' ? '\r' : '\n';
      return {
        title: 'Suppress for this line, with a reason',
        edits: [{ range: { start: lineStart, end: lineStart }, newText: `${text.slice(lineStart, sentence.start)}${suppressionComment('disable-next-line', ruleId)}${newline}` }],
      };
    }
  }
  // Inside a paragraph or list item a comment line above would split it, so suppress on the cue's
  // own line: at the first line break after the cue within the sentence, else after the sentence.
  let at = request.cue?.start ?? sentence.start;
  while (at < sentence.end && text[at] !== '\n' && text[at] !== '\r') at++;
  return {
    title: 'Suppress for this line, with a reason',
    edits: [{ range: { start: at, end: at }, newText: ` ${suppressionComment('disable-line', ruleId)}` }],
  };
}
