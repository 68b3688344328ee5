// The simple endings a glossary form may carry in a bulletin: plurals, possessives and the -ing/-ed
// of verbs ("desisting", "programmes", "practitioner's"). Deliberately small: a wrong guess here
// would flag words that are not the term.
import type { TermInflection } from '../types';

export interface InflectedKey {
  /** The normalised (lower-case) word with its ending. */
  key: string;
  kind: TermInflection['kind'];
  /** How many characters of the form's last word the inflected word keeps. */
  stemLength: number;
  /** Characters of the form dropped before the ending ("y" of "strategy" in "strategies"). */
  restore: string;
}

const LETTERS_ONLY = /^\p{L}+$/u;

/** Endings of an ordinary word (term, alias or discouraged form). `word` is a normalised key. */
export function wordInflections(word: string): InflectedKey[] {
  if (word.length < 2 || !LETTERS_ONLY.test(word)) return [];
  const n = word.length;
  const out: InflectedKey[] = [];
  if (/(?:s|x|z|ch|sh)$/.test(word)) out.push({ key: `${word}es`, kind: 'plural', stemLength: n, restore: '' });
  else if (/[^aeiou]y$/.test(word)) out.push({ key: `${word.slice(0, -1)}ies`, kind: 'plural', stemLength: n - 1, restore: 'y' });
  else out.push({ key: `${word}s`, kind: 'plural', stemLength: n, restore: '' });
  out.push({ key: `${word}'s`, kind: 'possessive', stemLength: n, restore: '' });
  if (!word.endsWith('e') && !word.endsWith('y')) {
    out.push({ key: `${word}ing`, kind: 'verb', stemLength: n, restore: '' });
    out.push({ key: `${word}ed`, kind: 'verb', stemLength: n, restore: '' });
  }
  return out;
}

/** Endings of an acronym: "PDUs", "RNR's". */
export function acronymInflections(acronym: string): InflectedKey[] {
  if (!LETTERS_ONLY.test(acronym.slice(-1))) return [];
  const n = acronym.length;
  return [
    { key: `${acronym}s`, kind: 'plural', stemLength: n, restore: '' },
    { key: `${acronym}'s`, kind: 'possessive', stemLength: n, restore: '' },
  ];
}
