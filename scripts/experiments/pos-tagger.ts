// Experiment (H4): a compact part-of-speech tagger for the claim classifier, written to move to
// src/core/claims/pos.ts unchanged (pure: no Node or vscode imports; the table comes in as an
// argument, in src/ it would be `import table from './pos-table.json'`).
//
// How it tags: each word gets its candidate tags (most frequent first) from a small table of
// exceptions (scripts/experiments/pos-table.json, built by build-pos-table.ts from the MIT `brill`
// lexicon) or, for every other word, from its suffix ("-ed": VBN VBD JJ; "-s": NNS VBZ; "-ly": RB;
// otherwise NN). A left-to-right pass then picks one candidate from the context, with rules aimed at
// what the claim features need:
//   - after "to", a modal or do/does/did: the base verb ("may reduce", "did not improve");
//   - after be/have/get: the participle ("was reduced", "has improved");
//   - after a determiner, adjective or number, before a noun: the adjective ("the reduced risk");
//   - after a noun-phrase subject with no finite verb yet in the clause: the finite verb
//     ("Exercise reduced the risk", "Programmes reduce reoffending", "Exercise reduces the risk"),
//     unless an unambiguous finite verb follows later in the clause, which makes the -ed word a
//     reduced relative ("patients treated with X had ...");
//   - "that" after a verb is a complementiser (IN), after a noun a relative pronoun (WDT).
// Cost: one Map lookup and a few comparisons per word, no regex, no allocation beyond the output.

/** The tags the table and the rules use (Penn Treebank names; proper nouns fold into NN/NNS). */
export const KEPT_TAGS = new Set(['NN', 'NNS', 'VB', 'VBP', 'VBZ', 'VBD', 'VBN', 'VBG', 'JJ', 'JJR', 'JJS', 'RB', 'RBR', 'RBS', 'MD', 'DT',
  'PDT', 'IN', 'TO', 'CC', 'PRP', 'PRP$', 'WDT', 'WP', 'WP$', 'WRB', 'EX', 'RP', 'CD', 'POS']);

export type PosLexicon = Map<string, readonly string[]>;

/** Table form: "VBN VBD JJ" -> "associated improved reduced" (space-separated words). */
export function loadPosTable(table: Record<string, string>): PosLexicon {
  const lexicon: PosLexicon = new Map();
  for (const key of Object.keys(table)) {
    const tags = Object.freeze(key.split(' '));
    for (const word of table[key].split(' ')) lexicon.set(word, tags);
  }
  return lexicon;
}

const ED: readonly string[] = ['VBN', 'VBD', 'JJ'];
const S: readonly string[] = ['NNS', 'VBZ'];
const ING: readonly string[] = ['VBG', 'NN'];
const RB: readonly string[] = ['RB'];
const JJ: readonly string[] = ['JJ'];
const NN: readonly string[] = ['NN'];
const CD: readonly string[] = ['CD'];
const ADJ_SUFFIXES = ['ous', 'ive', 'al', 'ic', 'able', 'ible', 'ful', 'less', 'ary'];

/** Candidate tags of a word the table does not hold, from its ending alone. */
export function suffixTags(word: string): readonly string[] {
  const n = word.length;
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57) return CD;
  if (n > 4 && word.endsWith('ed')) return ED;
  if (n > 5 && word.endsWith('ing')) return ING;
  if (n > 4 && word.endsWith('ly')) return RB;
  if (n > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return S;
  for (const suffix of ADJ_SUFFIXES) if (n > suffix.length + 2 && word.endsWith(suffix)) return JJ;
  return NN;
}

// Auxiliaries: Brill's lexicon lists stray tags for them ("is" as NNS); their tag never varies here.
const FIXED: Record<string, readonly string[]> = {
  is: ['VBZ'], are: ['VBP'], was: ['VBD'], were: ['VBD'], am: ['VBP'], be: ['VB'], been: ['VBN'], being: ['VBG'],
  has: ['VBZ'], have: ['VBP'], had: ['VBD'], does: ['VBZ'], do: ['VBP'], did: ['VBD'],
};

const BE_HAVE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'having', 'get', 'gets', 'got', 'getting']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am']);
const DO = new Set(['do', 'does', 'did', "don't", "doesn't", "didn't"]);
/** Words that end a clause for the "finite verb seen yet" test. */
const CLAUSE_BREAK = new Set(['that', 'which', 'who', 'whereas', 'while', 'but', 'although', 'because', 'when', 'if', 'whether']);
/** Nouns after which "that" opens a complement clause, not a relative one. */
const THAT_NOUNS = new Set(['evidence', 'hypothesis', 'fact', 'possibility', 'notion', 'idea', 'so', 'such', 'assumption', 'concern', 'view']);
const SUBJECT_PRONOUNS = new Set(['it', 'this', 'which', 'that', 'who', 'he', 'she']);

function isNounish(tag: string): boolean {
  return tag === 'NN' || tag === 'NNS' || tag === 'PRP' || tag === 'CD';
}

function isModifier(tag: string): boolean {
  return tag === 'DT' || tag === 'PRP$' || tag === 'JJ' || tag === 'JJR' || tag === 'JJS' || tag === 'CD' || tag === 'POS' || tag === 'PDT';
}

function isFinite(tag: string): boolean {
  return tag === 'VBD' || tag === 'VBZ' || tag === 'VBP' || tag === 'MD';
}

function has(tags: readonly string[], tag: string): boolean {
  for (let i = 0; i < tags.length; i++) if (tags[i] === tag) return true;
  return false;
}

/**
 * One tag per word. `words` are lower-case tokens (src/core/claims/tokens.ts); `gaps[i]` says what
 * separates word i from word i + 1: 0 a space, 1 , ; : or a bracket (a clause boundary for the
 * rules), 2 a hyphen or slash (a compound: "team-based", "health-related").
 */
export function tagWords(lexicon: PosLexicon, words: readonly string[], gaps: ArrayLike<number>): string[] {
  const n = words.length;
  const commaAfter: boolean[] = new Array(n);
  for (let i = 0; i < n; i++) commaAfter[i] = gaps[i] === 1;
  const cands: (readonly string[])[] = new Array(n);
  for (let i = 0; i < n; i++) cands[i] = FIXED[words[i]] ?? lexicon.get(words[i]) ?? suffixTags(words[i]);
  // laterFinite[i]: an unambiguous finite verb follows word i in the same clause (right to left, once).
  const laterFinite = new Uint8Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    const c = cands[i + 1];
    const strong = i + 1 < n && c.length === 1 && isFinite(c[0]);
    laterFinite[i] = commaAfter[i] ? 0 : strong ? 1 : laterFinite[i + 1];
  }
  const tags: string[] = new Array(n);
  let finiteInClause = '';
  for (let i = 0; i < n; i++) {
    const c = cands[i];
    const w = words[i];
    if (i > 0 && (commaAfter[i - 1] || CLAUSE_BREAK.has(words[i - 1]))) finiteInClause = '';
    let tag = c[0];
    // The second half of a hyphenated compound modifies what follows: "team-based care", "dose-related".
    if (i > 0 && gaps[i - 1] === 2 && (c === ED || has(c, 'VBN'))) tag = 'JJ';
    // A word the table does not know, straight after a modal, is a verb: "will underestimate".
    else if (c === NN && i > 0 && tags[i - 1] === 'MD' && !commaAfter[i - 1]) tag = 'VB';
    else if (c.length > 1) tag = resolve(c, i, words, tags, cands, commaAfter, finiteInClause, laterFinite[i] === 1);
    else if (w === 'that') tag = resolveThat(i, words, tags, cands, commaAfter);
    tags[i] = tag;
    if (isFinite(tag)) finiteInClause = tag;
  }
  return tags;
}

function resolveThat(i: number, words: readonly string[], tags: string[], cands: (readonly string[])[], commaAfter: readonly boolean[]): string {
  if (i === 0) return 'DT';
  const prev = tags[i - 1];
  if (prev.startsWith('VB') || THAT_NOUNS.has(words[i - 1])) return 'IN';
  if (isNounish(prev) || commaAfter[i - 1]) return 'WDT';
  const next = i + 1 < words.length ? cands[i + 1][0] : '';
  return prev === 'IN' && (next === 'NN' || next === 'NNS') ? 'DT' : 'IN';
}

function resolve(
  c: readonly string[],
  i: number,
  words: readonly string[],
  tags: string[],
  cands: (readonly string[])[],
  commaAfter: readonly boolean[],
  finiteInClause: string,
  laterFinite: boolean,
): string {
  if (words[i] === 'that') return resolveThat(i, words, tags, cands, commaAfter);
  // The previous word, skipping adverbs ("may not significantly reduce").
  let p = i - 1;
  while (p >= 0 && (tags[p] === 'RB' || tags[p] === 'RBR') && !commaAfter[p]) p--;
  const start = p < 0 || commaAfter[p];
  const prevWord = p >= 0 ? words[p] : '';
  const prev = start ? '^' : tags[p];
  const next = i + 1 < words.length && !commaAfter[i] ? cands[i + 1][0] : '$';
  const nextNominal = next === 'NN' || next === 'NNS' || next === 'JJ' || next === 'CD';
  if (has(c, 'VB') && (prev === 'TO' || prev === 'MD' || DO.has(prevWord))) return 'VB';
  if (BE_HAVE.has(prevWord) && !start) {
    if (has(c, 'VBG') && BE.has(prevWord)) return 'VBG';
    if (has(c, 'VBN')) return 'VBN';
    if (has(c, 'JJ')) return 'JJ';
  }
  const pastish = has(c, 'VBD') || has(c, 'VBN');
  if (pastish) {
    if ((isModifier(prev) && !(prev === 'CD' && !nextNominal)) || prev === 'IN' || prev === '^') return nextNominal && has(c, 'JJ') ? 'JJ' : nextNominal ? 'VBN' : prev === '^' ? 'VBN' : has(c, 'JJ') ? 'JJ' : 'VBN';
    if (prev === 'CC') return finiteInClause === 'VBD' && has(c, 'VBD') ? 'VBD' : has(c, 'VBN') ? 'VBN' : c[0];
    if (isNounish(prev) || prev === 'WDT' || prev === 'WP') {
      if (finiteInClause || laterFinite || next === 'IN' && words[i + 1] === 'by') return has(c, 'VBN') ? 'VBN' : c[0];
      if (has(c, 'VBD')) return 'VBD';
    }
    return c[0];
  }
  if (has(c, 'VBZ') && has(c, 'NNS')) {
    if (SUBJECT_PRONOUNS.has(prevWord) && !start) return 'VBZ';
    if (isModifier(prev) || prev === 'IN' || prev === 'TO') return 'NNS';
    const nextVerbal = next.startsWith('VB') || next === 'MD';
    if ((prev === 'NN' || prev === 'NNS' || prev === 'VBG') && !finiteInClause && !nextVerbal) return 'VBZ';
    return 'NNS';
  }
  if (has(c, 'VBG')) {
    if (isModifier(prev)) return has(c, 'JJ') && nextNominal ? 'JJ' : has(c, 'NN') ? 'NN' : c[0];
    if (prev === 'IN' || prev === '^') return 'VBG';
    return c[0];
  }
  if (has(c, 'NN') && (has(c, 'VB') || has(c, 'VBP'))) {
    if (isModifier(prev) || prev === 'IN' || prev === 'POS') return 'NN';
    if ((prev === 'NNS' || prev === 'PRP') && !finiteInClause && has(c, 'VBP') && next !== 'MD' && !next.startsWith('VB')) return 'VBP';
    if (prev === 'CC' && finiteInClause === 'VBP' && has(c, 'VBP')) return 'VBP';
    return c[0];
  }
  if (has(c, 'VBP') && has(c, 'VB')) {
    // "suggest", "reduce": finite after a subject, base form at the start of a heading.
    if (prev === '^') return 'VB';
    return isNounish(prev) || prev === 'CC' ? 'VBP' : c[0];
  }
  return c[0];
}
