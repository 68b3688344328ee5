// Finds glossary forms in prose in one pass: a trie keyed by normalised words, walked from each
// word, longest match first. Forms are literals; nothing a glossary says becomes a regex.
// Most words of a bulletin are in no form, so a bitmap of first-word hashes turns them away before
// any string is made.
import type { Glossary, TermInflection, TermMatch } from '../types';
import { possibleEndings, stemOf, type Ending } from './endings';
import { asciiHash, edgeKey, gapKey, isApostrophe, isWordCharAt, keyHash, normaliseWord, tokenize, WordScanner } from './tokens';

export interface TermIndex {
  /** Matches in `text`; returned ranges are offset by `offset`. */
  match(text: string, offset: number): TermMatch[];
}

type FormKind = TermMatch['form'];

interface Candidate {
  entryId: string;
  form: FormKind;
  canonical: string;
  caseSensitive: boolean;
  /** The form's words as written (apostrophes straightened), for case-sensitive comparison. */
  words: string[];
  /** Which endings the last word takes. */
  takesPlural: boolean;
  takesVerb: boolean;
}

interface ParsedForm {
  edges: string[];
  words: string[];
}

/** A form broken into trie edges, or undefined when it has no letters or digits. */
export function formEdges(form: string): ParsedForm | undefined {
  const tokens = tokenize(form);
  if (tokens.keys.length === 0) return undefined;
  const edges: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < tokens.keys.length; i++) {
    const gap = i === 0 ? '' : (gapKey(form, tokens.ends[i - 1], tokens.starts[i]) ?? '');
    edges.push(edgeKey(gap, tokens.keys[i]));
    words.push(straightenApostrophes(form.slice(tokens.starts[i], tokens.ends[i])));
  }
  return { edges, words };
}

/** A key identifying a form up to case, dashes and spacing: equal keys are the same form. */
export function formKey(form: string): string | undefined {
  return formEdges(form)?.edges.join('\u0001');
}

function straightenApostrophes(word: string): string {
  return word.replace(/[\u2019\u2018\u02bc]/g, "'");
}

/** Bitmap size: about 16 bits per form, between 2^16 bits (8 KB) and 2^20. */
function hashBitsFor(formCount: number): number {
  let bits = 16;
  while (bits < 20 && 1 << bits < formCount * 16) bits++;
  return bits;
}

/**
 * Nodes are numbers and every edge lives in one map keyed by "node, edge": a glossary of 100,000
 * aliases would otherwise need 100,000 small maps.
 */
class Trie {
  /** First word → node. */
  readonly root = new Map<string, number>();
  /** `${node}\u0002${edge}` → node, for every word after the first. */
  readonly edges = new Map<string, number>();
  readonly hasChildren: boolean[] = [false];
  readonly candidates: Array<Candidate[] | undefined> = [undefined];
  /** Bit per hash of a first word: a word whose bit is clear starts no form. */
  readonly firstWords: Uint8Array;
  readonly hashMask: number;

  constructor(formCount: number) {
    const bits = hashBitsFor(formCount);
    this.firstWords = new Uint8Array(1 << (bits - 3));
    this.hashMask = (1 << bits) - 1;
  }

  child(node: number, edge: string): number | undefined {
    return node === 0 ? this.root.get(edge) : this.edges.get(`${node}\u0002${edge}`);
  }

  insert(edges: string[], candidate: Candidate): void {
    let node = 0;
    for (const edge of edges) {
      const map = node === 0 ? this.root : this.edges;
      const key = node === 0 ? edge : `${node}\u0002${edge}`;
      let next = map.get(key);
      if (next === undefined) {
        next = this.candidates.length;
        this.candidates.push(undefined);
        this.hasChildren.push(false);
        map.set(key, next);
        this.hasChildren[node] = true;
      }
      node = next;
    }
    (this.candidates[node] ??= []).push(candidate);
    const hash = keyHash(edges[0]) & this.hashMask;
    this.firstWords[hash >> 3] |= 1 << (hash & 7);
  }
}

const LETTERS = /^\p{L}+$/u;

export function compileGlossary(glossary: Glossary): TermIndex {
  let formCount = 0;
  for (const e of glossary.entries) formCount += 1 + e.aliases.length + e.acronyms.length + e.discouraged.length;
  const trie = new Trie(formCount);
  for (const entry of glossary.entries) {
    const add = (text: string, form: FormKind, caseSensitive: boolean): void => {
      const parsed = formEdges(text);
      if (!parsed) return;
      const last = parsed.words[parsed.words.length - 1];
      const isAcronym = form === 'acronym';
      const wordLike = !isAcronym && last.length >= 2 && LETTERS.test(last);
      trie.insert(parsed.edges, {
        entryId: entry.id,
        form,
        canonical: text,
        caseSensitive,
        words: parsed.words,
        takesPlural: isAcronym ? LETTERS.test(last.slice(-1)) : wordLike,
        // "programmed" and "programming" are not the accredited programme.
        takesVerb: wordLike && !/[ey]$/i.test(last),
      });
    };
    add(entry.term, 'term', entry.caseSensitive);
    for (const alias of entry.aliases) add(alias, 'alias', entry.caseSensitive);
    for (const acronym of entry.acronyms) add(acronym, 'acronym', true);
    for (const d of entry.discouraged) add(d.form, 'discouraged', entry.caseSensitive);
  }
  for (const list of trie.candidates) {
    // Case-sensitive forms first, so acronym "MI" wins over an alias "mi" when the case fits.
    if (list && list.length > 1) list.sort((a, b) => Number(b.caseSensitive) - Number(a.caseSensitive));
  }
  return { match: (text, offset) => findMatches(trie, text, offset) };
}

/** The words of the phrase being matched, as offsets into the text. */
interface Path {
  starts: number[];
  ends: number[];
}

function accepts(candidate: Candidate, ending: Ending | undefined): boolean {
  if (!ending) return true;
  return ending.kind === 'verb' ? candidate.takesVerb : candidate.takesPlural;
}

function sameCase(text: string, path: Path, candidate: Candidate, ending: Ending | undefined): boolean {
  const { words } = candidate;
  for (let k = 0; k < words.length; k++) {
    let written = straightenApostrophes(text.slice(path.starts[k], path.ends[k]));
    let expected = words[k];
    if (k === words.length - 1 && ending) {
      const suffix = written.slice(written.length - ending.suffixLength);
      if (candidate.form === 'acronym' && suffix !== suffix.toLowerCase()) return false;
      written = written.slice(0, written.length - ending.suffixLength);
      expected = expected.slice(0, expected.length - ending.restore.length);
    }
    if (written !== expected) return false;
  }
  return true;
}

function pick(candidates: Candidate[] | undefined, text: string, path: Path, ending: Ending | undefined): Candidate | undefined {
  if (!candidates) return undefined;
  for (const c of candidates) {
    if (accepts(c, ending) && (!c.caseSensitive || sameCase(text, path, c, ending))) return c;
  }
  return undefined;
}

interface Best {
  candidate: Candidate;
  words: number;
  ending: Ending | undefined;
}

function hasBit(trie: Trie, hash: number): boolean {
  const h = hash & trie.hashMask;
  return (trie.firstWords[h >> 3] & (1 << (h & 7))) !== 0;
}

/** Whether the word (or the word less a plausible ending) could start a form. */
function mayStartForm(trie: Trie, text: string, scanner: WordScanner): boolean {
  if (hasBit(trie, scanner.hash)) return true;
  if (!scanner.plainAscii) return true; // rare: decide on the real key
  const { start, end } = scanner;
  const last = text.charCodeAt(end - 1) | 0x20;
  if (last !== 115 && last !== 103 && last !== 100) return false; // s, g, d: no ending to strip
  for (const strip of [1, 2, 3]) {
    if (end - strip > start && hasBit(trie, asciiHash(text, start, end - strip))) return true;
  }
  return end - 3 > start && hasBit(trie, (Math.imul(asciiHash(text, start, end - 3), 31) + 121) | 0);
}

function findMatches(trie: Trie, text: string, offset: number): TermMatch[] {
  const matches: TermMatch[] = [];
  if (trie.root.size === 0) return matches;
  const scanner = new WordScanner(text);
  const ahead = new WordScanner(text);
  const path: Path = { starts: [], ends: [] };
  while (scanner.next()) {
    if (!mayStartForm(trie, text, scanner)) continue;
    path.starts.length = 0;
    path.ends.length = 0;
    let best: Best | undefined;
    let node = 0;
    let gap = '';
    let wordStart = scanner.start;
    let wordEnd = scanner.end;
    let plainAscii = scanner.plainAscii;
    for (;;) {
      path.starts.push(wordStart);
      path.ends.push(wordEnd);
      const key = normaliseWord(text.slice(wordStart, wordEnd), plainAscii);
      for (const ending of possibleEndings(key)) {
        const stemNode = trie.child(node, edgeKey(gap, stemOf(key, ending)));
        const found = stemNode === undefined ? undefined : pick(trie.candidates[stemNode], text, path, ending);
        if (found) {
          best = { candidate: found, words: path.starts.length, ending };
          break;
        }
      }
      const next = trie.child(node, edgeKey(gap, key));
      if (next === undefined) break;
      node = next;
      const exact = pick(trie.candidates[node], text, path, undefined);
      if (exact) best = { candidate: exact, words: path.starts.length, ending: undefined };
      if (!trie.hasChildren[node]) break;
      ahead.seek(wordEnd);
      if (!ahead.next()) break;
      const nextGap = gapKey(text, wordEnd, ahead.start);
      if (nextGap === undefined) break;
      gap = nextGap;
      wordStart = ahead.start;
      wordEnd = ahead.end;
      plainAscii = ahead.plainAscii;
    }
    if (!best) continue;
    const match = toMatch(text, offset, path.starts[0], path.ends[best.words - 1], best);
    matches.push(match);
    scanner.seek(match.range.end - offset);
  }
  return matches;
}

function toMatch(text: string, offset: number, start: number, end: number, best: Best): TermMatch {
  const { candidate, ending } = best;
  let inflection: TermInflection | undefined;
  if (ending) {
    let kind = ending.kind;
    let suffixLength = ending.suffixLength;
    // "offenders'": an apostrophe after a plural is possessive, not a closing quote, when no letter follows.
    if (kind === 'plural' && end < text.length && isApostrophe(text.charCodeAt(end)) && !(end + 1 < text.length && isWordCharAt(text, end + 1))) {
      end++;
      suffixLength++;
      kind = 'plural-possessive';
    }
    inflection = { kind, suffix: text.slice(end - suffixLength, end), restore: ending.restore };
  }
  const match: TermMatch = {
    range: { start: start + offset, end: end + offset },
    entryId: candidate.entryId,
    text: text.slice(start, end),
    form: candidate.form,
    canonical: candidate.canonical,
  };
  if (inflection) match.inflection = inflection;
  return match;
}
