// Finds glossary forms in prose in one pass: a trie keyed by normalised words, walked from each
// word, longest match first. Forms are literals; nothing a glossary says becomes a regex.
// Most words of a bulletin are in no form, so a bitmap of first-word hashes turns them away before
// any string is made.
import type { Glossary, TermInflection, TermMatch } from '../types';
import { possibleEndings, stemOf, type Ending } from './endings';
import { asciiHash, edgeKey, gapKey, isApostrophe, isWordCharAt, keepShapeOf, keyHash, normaliseWord, tokenize, WordScanner } from './tokens';

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

/**
 * A form's words: the gap key before each (empty for the first), its key, and its spelling as
 * written; undefined when the form has no letters or digits.
 */
interface FormPath {
  gaps: string[];
  keys: string[];
  /** As written, apostrophes straightened, for case-sensitive comparison. */
  words: string[];
}

function formPath(form: string): FormPath | undefined {
  const tokens = tokenize(form);
  if (tokens.keys.length === 0) return undefined;
  const gaps: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < tokens.keys.length; i++) {
    gaps.push(i === 0 ? '' : (gapKey(form, tokens.ends[i - 1], tokens.starts[i]) ?? ''));
    words.push(straightenApostrophes(form.slice(tokens.starts[i], tokens.ends[i])));
  }
  return { gaps, keys: tokens.keys, words };
}

/** A key identifying a form up to case, dashes and spacing: equal keys are the same form. */
export function formKey(form: string): string | undefined {
  const path = formPath(form);
  return path?.keys.map((key, i) => edgeKey(path.gaps[i], key)).join('\u0001');
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

/** Mixes a parent node, a gap key's hash and a word key's hash into one well-spread hash. */
function edgeHash(parent: number, gapHash: number, wordHash: number): number {
  let h = Math.imul(parent + 1, 0x9e3779b1) ^ wordHash;
  h = Math.imul(h ^ gapHash ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * Every edge of the trie, keyed by (parent node, gap key, word key), in one open-addressed table
 * of parallel arrays: a glossary of 100,000 aliases would otherwise need 100,000 small maps, and a
 * key string per look-up costs an allocation for every word that might start a form. A plain
 * ASCII word is looked up straight from the text, compared a character at a time.
 */
class EdgeTable {
  private readonly parents: number[] = [];
  private readonly gaps: string[] = [];
  private readonly words: string[] = [];
  private readonly children: number[] = [];
  private readonly hashes: number[] = [];
  /** Edge index + 1 per slot; 0 is empty. */
  private slots = new Int32Array(64);

  get size(): number {
    return this.children.length;
  }

  /** The child for this edge, adding the edge (as `child`) when it is new. */
  getOrAdd(parent: number, gap: string, word: string, child: number): number {
    const found = this.find(parent, gap, keyHash(gap), word, keyHash(word));
    if (found !== undefined) return found;
    if ((this.children.length + 1) * 2 > this.slots.length) this.grow();
    const hash = edgeHash(parent, keyHash(gap), keyHash(word));
    this.parents.push(parent);
    this.gaps.push(gap);
    this.words.push(word);
    this.children.push(child);
    this.hashes.push(hash);
    this.place(this.children.length - 1, hash);
    return child;
  }

  /** The child reached from `parent` over `gap` and the normalised word `word`. */
  find(parent: number, gap: string, gapHash: number, word: string, wordHash: number): number | undefined {
    const hash = edgeHash(parent, gapHash, wordHash);
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const edge = slots[at] - 1;
      if (edge < 0) return undefined;
      if (this.hashes[edge] === hash && this.parents[edge] === parent && this.words[edge] === word && this.gaps[edge] === gap) {
        return this.children[edge];
      }
    }
  }

  /**
   * As `find`, for the plain-ASCII word `text[start, end)` lower-cased, with `restore` appended
   * (the stem of "strategies" is "strateg" + "y"); `wordHash` is that key's `keyHash`.
   */
  findAscii(parent: number, gap: string, gapHash: number, text: string, start: number, end: number, restore: string, wordHash: number): number | undefined {
    const hash = edgeHash(parent, gapHash, wordHash);
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const edge = slots[at] - 1;
      if (edge < 0) return undefined;
      if (this.hashes[edge] === hash && this.parents[edge] === parent && this.gaps[edge] === gap && sameAsciiKey(this.words[edge], text, start, end, restore)) {
        return this.children[edge];
      }
    }
  }

  private place(edge: number, hash: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let at = hash & mask;
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = edge + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let edge = 0; edge < this.hashes.length; edge++) this.place(edge, this.hashes[edge]);
  }
}

/** Whether `key` equals `text[start, end)` with A–Z lower-cased, followed by `restore`. */
function sameAsciiKey(key: string, text: string, start: number, end: number, restore: string): boolean {
  const length = end - start;
  if (key.length !== length + restore.length) return false;
  for (let i = 0; i < length; i++) {
    let code = text.charCodeAt(start + i);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== key.charCodeAt(i)) return false;
  }
  for (let i = 0; i < restore.length; i++) if (restore.charCodeAt(i) !== key.charCodeAt(length + i)) return false;
  return true;
}

/** `keyHash` of `restore` appended to a key whose hash is `hash`. */
function extendHash(hash: number, restore: string): number {
  for (let i = 0; i < restore.length; i++) hash = (Math.imul(hash, 31) + restore.charCodeAt(i)) | 0;
  return hash;
}

/** Nodes are numbers; node 0 is the root. */
class Trie {
  readonly edges = new EdgeTable();
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

  /** `gaps[i]` and `words[i]` are the gap key before word i (empty for the first) and its key. */
  insert(gaps: string[], words: string[], candidate: Candidate): void {
    let node = 0;
    for (let i = 0; i < words.length; i++) {
      const fresh = this.candidates.length;
      const next = this.edges.getOrAdd(node, gaps[i], words[i], fresh);
      if (next === fresh) {
        this.candidates.push(undefined);
        this.hasChildren.push(false);
        this.hasChildren[node] = true;
      }
      node = next;
    }
    (this.candidates[node] ??= []).push(candidate);
    const hash = keyHash(words[0]) & this.hashMask;
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
      const path = formPath(text);
      if (!path) return;
      const last = path.words[path.words.length - 1];
      const isAcronym = form === 'acronym';
      const wordLike = !isAcronym && last.length >= 2 && LETTERS.test(last);
      trie.insert(path.gaps, path.keys, {
        entryId: entry.id,
        form,
        canonical: text,
        caseSensitive,
        words: path.words,
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

function hasBit(trie: Trie, hash: number): boolean {
  const h = hash & trie.hashMask;
  return (trie.firstWords[h >> 3] & (1 << (h & 7))) !== 0;
}

/** `mayStartAt`: the word itself may start a form. */
const WHOLE = 1;
/** `mayStartAt`: the word less an ending may start a form. */
const STEM = 2;

/**
 * Whether the word (WHOLE), or the word less a plausible ending (STEM), could start a form; 0 for
 * neither. The stems tried are those `possibleEndings` can give: one, two or three letters off,
 * or three off and "y" put back ("strategies").
 */
function mayStartAt(trie: Trie, text: string, scanner: WordScanner): number {
  const whole = hasBit(trie, scanner.hash) ? WHOLE : 0;
  if (!scanner.plainAscii) return WHOLE | STEM; // rare: decide on the real key
  const { start, end } = scanner;
  const last = text.charCodeAt(end - 1) | 0x20;
  if (last !== 115 && last !== 103 && last !== 100) return whole; // s, g, d: no ending to strip
  if (end - 1 <= start) return whole;
  // The hashes of the word less three, two and one letters, in one pass.
  const minus3 = end - 3 > start ? asciiHash(text, start, end - 3) : 0;
  const minus2 = end - 2 > start ? (end - 3 > start ? (Math.imul(minus3, 31) + lower(text.charCodeAt(end - 3))) | 0 : asciiHash(text, start, end - 2)) : 0;
  const minus1 = end - 2 > start ? (Math.imul(minus2, 31) + lower(text.charCodeAt(end - 2))) | 0 : asciiHash(text, start, end - 1);
  if (hasBit(trie, minus1)) return whole | STEM;
  if (end - 2 > start && hasBit(trie, minus2)) return whole | STEM;
  if (end - 3 > start && (hasBit(trie, minus3) || hasBit(trie, (Math.imul(minus3, 31) + 121) | 0))) return whole | STEM;
  return whole;
}

/** Whether a lower-cased ASCII word ending here could carry an ending (see `possibleEndings`). */
function mayHaveEnding(text: string, start: number, end: number): boolean {
  if (end - start < 3) return false;
  const last = text.charCodeAt(end - 1) | 0x20;
  return last === 115 || last === 103 || last === 100; // s, g, d
}

// `possibleEndings` reads the word as a string, and a new string per word costs more than the
// rest of the look-up. Words recur, so its answer is kept per word (direct-mapped by hash) and a
// repeat costs a comparison with the text.
const ENDING_SLOTS = 1024;
const endingWords: Array<string | undefined> = new Array<string | undefined>(ENDING_SLOTS).fill(undefined);
const endingLists: Ending[][] = new Array<Ending[]>(ENDING_SLOTS).fill([]);

/** `possibleEndings` of the plain-ASCII word `text[start, end)`, whose `keyHash` is `hash`. */
function asciiEndings(text: string, start: number, end: number, hash: number): Ending[] {
  const slot = hash & (ENDING_SLOTS - 1);
  const known = endingWords[slot];
  if (known !== undefined && sameAsciiKey(known, text, start, end, '')) return endingLists[slot];
  const word = text.slice(start, end).toLowerCase();
  const endings = possibleEndings(word);
  endingWords[slot] = word;
  endingLists[slot] = endings;
  return endings;
}

/** An ASCII code lower-cased, as `asciiHash` folds it. */
function lower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

function findMatches(trie: Trie, text: string, offset: number): TermMatch[] {
  const matches: TermMatch[] = [];
  const edges = trie.edges;
  if (edges.size === 0) return matches;
  const scanner = new WordScanner(text);
  const ahead = new WordScanner(text);
  const path: Path = { starts: [], ends: [] };
  while (scanner.next()) {
    const starts = mayStartAt(trie, text, scanner);
    if (starts === 0) continue;
    // Entries beyond `depth` are stale but never read: a candidate at depth d compares d words.
    // (Emptying the arrays instead would drop their storage, an allocation per candidate word.)
    let depth = 0;
    let bestCandidate: Candidate | undefined;
    let bestWords = 0;
    let bestEnding: Ending | undefined;
    let node = 0;
    let gap = '';
    let gapHash = 0;
    let wordStart = scanner.start;
    let wordEnd = scanner.end;
    let plainAscii = scanner.plainAscii;
    let wordHash = scanner.hash;
    for (;;) {
      path.starts[depth] = wordStart;
      path.ends[depth] = wordEnd;
      depth++;
      let next: number | undefined;
      if (plainAscii) {
        // The key is the word lower-cased, looked up straight from the text. Endings are tried only
        // where a stem could start a form (for a first word, its stems' bits in the bitmap).
        if ((depth > 1 || (starts & STEM) !== 0) && mayHaveEnding(text, wordStart, wordEnd)) {
          for (const ending of asciiEndings(text, wordStart, wordEnd, wordHash)) {
            const stemEnd = wordEnd - ending.suffixLength;
            const stemHash = extendHash(asciiHash(text, wordStart, stemEnd), ending.restore);
            const stemNode = edges.findAscii(node, gap, gapHash, text, wordStart, stemEnd, ending.restore, stemHash);
            const found = stemNode === undefined ? undefined : pick(trie.candidates[stemNode], text, path, ending);
            if (found) {
              bestCandidate = found;
              bestWords = depth;
              bestEnding = ending;
              break;
            }
          }
        }
        next = edges.findAscii(node, gap, gapHash, text, wordStart, wordEnd, '', wordHash);
      } else {
        const key = normaliseWord(text.slice(wordStart, wordEnd), false);
        for (const ending of possibleEndings(key)) {
          const stem = stemOf(key, ending);
          const stemNode = edges.find(node, gap, gapHash, stem, keyHash(stem));
          const found = stemNode === undefined ? undefined : pick(trie.candidates[stemNode], text, path, ending);
          if (found) {
            bestCandidate = found;
            bestWords = depth;
            bestEnding = ending;
            break;
          }
        }
        next = edges.find(node, gap, gapHash, key, keyHash(key));
      }
      if (next === undefined) break;
      node = next;
      const exact = pick(trie.candidates[node], text, path, undefined);
      if (exact) {
        bestCandidate = exact;
        bestWords = depth;
        bestEnding = undefined;
      }
      if (!trie.hasChildren[node]) break;
      ahead.seek(wordEnd);
      if (!ahead.next()) break;
      const nextGap = gapKey(text, wordEnd, ahead.start);
      if (nextGap === undefined) break;
      gap = nextGap;
      gapHash = gap === '' ? 0 : keyHash(gap);
      wordStart = ahead.start;
      wordEnd = ahead.end;
      plainAscii = ahead.plainAscii;
      wordHash = ahead.hash;
    }
    if (!bestCandidate) continue;
    const match = toMatch(text, offset, path.starts[0], path.ends[bestWords - 1], bestCandidate, bestEnding);
    matches.push(match);
    scanner.seek(match.range.end - offset);
  }
  return matches;
}

function toMatch(text: string, offset: number, start: number, end: number, candidate: Candidate, ending: Ending | undefined): TermMatch {
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

// Term matches with and without an inflection, kept so that their hidden classes survive the
// collection of every match of a check (see keepShapeOf in tokens.ts).
const SAMPLE_CANDIDATE: Candidate = { entryId: 'sample', form: 'term', canonical: 'sample', caseSensitive: false, words: ['sample'], takesPlural: true, takesVerb: false };
keepShapeOf(toMatch('samples', 0, 0, 6, SAMPLE_CANDIDATE, undefined));
keepShapeOf(toMatch('samples', 0, 0, 7, SAMPLE_CANDIDATE, possibleEndings('samples')[0]));
