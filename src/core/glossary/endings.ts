// The simple endings a glossary form may carry in a bulletin: plurals, possessives and the -ing/-ed
// of verbs ("programmes", "strategies", "practitioner's", "desisting"). Deliberately small: a wrong
// guess would flag words that are not the term. Endings are stripped at lookup time, so a glossary
// of 100,000 aliases costs nothing extra to compile.
import type { TermInflection } from '../types';

export interface Ending {
  kind: TermInflection['kind'];
  /** Characters removed from the written word. */
  suffixLength: number;
  /** Characters to put back to reach the form ("y" of "strategy"). */
  restore: string;
}

const PLURAL_IES: Ending = { kind: 'plural', suffixLength: 3, restore: 'y' };
const PLURAL_ES: Ending = { kind: 'plural', suffixLength: 2, restore: '' };
const PLURAL_S: Ending = { kind: 'plural', suffixLength: 1, restore: '' };
const POSSESSIVE: Ending = { kind: 'possessive', suffixLength: 2, restore: '' };
const VERB_ING: Ending = { kind: 'verb', suffixLength: 3, restore: '' };
const VERB_ED: Ending = { kind: 'verb', suffixLength: 2, restore: '' };

/** Endings a normalised (lower-case) word might carry, most specific first. Cheap for most words. */
export function possibleEndings(key: string): Ending[] {
  const n = key.length;
  if (n < 3) return NONE;
  const last = key.charCodeAt(n - 1);
  if (last === 115 /* s */) {
    if (key.charCodeAt(n - 2) === 39 /* ' */) return [POSSESSIVE];
    if (n > 4 && key.endsWith('ies')) return [PLURAL_IES, PLURAL_S];
    if (key.charCodeAt(n - 2) === 101 /* e */) return [PLURAL_ES, PLURAL_S];
    return [PLURAL_S];
  }
  if (last === 103 /* g */ && n > 5 && key.endsWith('ing')) return [VERB_ING];
  if (last === 100 /* d */ && n > 4 && key.charCodeAt(n - 2) === 101) return [VERB_ED];
  return NONE;
}

const NONE: Ending[] = [];

/** The form's last word without the ending: "strategies" → "strategy". */
export function stemOf(key: string, ending: Ending): string {
  return key.slice(0, key.length - ending.suffixLength) + ending.restore;
}
