// Finds glossary forms in prose in one pass: a trie keyed by normalised words, walked from each
// word, longest match first. Forms are literals; nothing a glossary says becomes a regex.
import type { Glossary, TermInflection, TermMatch } from '../types';
import { acronymInflections, wordInflections, type InflectedKey } from './inflect';
import { edgeKey, gapKey, isApostrophe, isWordCharAt, tokenize } from './tokens';

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
  /** The form's words as written, for case-sensitive comparison. */
  words: string[];
  inflection?: InflectedKey;
}

interface TrieNode {
  children?: Map<string, TrieNode>;
  candidates?: Candidate[];
}

/** A form broken into trie edges, or undefined when it has no letters or digits. */
interface ParsedForm {
  edges: string[];
  words: string[];
}

export function formEdges(form: string): ParsedForm | undefined {
  const tokens = tokenize(form);
  if (tokens.keys.length === 0) return undefined;
  const edges: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < tokens.keys.length; i++) {
    const gap = i === 0 ? '' : (gapKey(form, tokens.ends[i - 1], tokens.starts[i]) ?? '');
    edges.push(edgeKey(gap, tokens.keys[i]));
    words.push(form.slice(tokens.starts[i], tokens.ends[i]).replace(/[\u2019\u2018\u02bc]/g, "'"));
  }
  return { edges, words };
}

/** A key identifying a form up to case, dashes and spacing: equal keys are the same form. */
export function formKey(form: string): string | undefined {
  return formEdges(form)?.edges.join('\u0001');
}

class TrieBuilder {
  readonly root = new Map<string, TrieNode>();

  add(edges: string[], candidate: Candidate, onlyIfNew: boolean): void {
    let level = this.root;
    let node: TrieNode | undefined;
    for (let i = 0; i < edges.length; i++) {
      node = level.get(edges[i]);
      if (!node) {
        node = {};
        level.set(edges[i], node);
      }
      if (i < edges.length - 1) level = node.children ??= new Map();
    }
    if (!node) return;
    // An inflected spelling never hides a form that is spelt that way ("process" vs "proces").
    if (onlyIfNew && node.candidates?.some((c) => !c.inflection)) return;
    (node.candidates ??= []).push(candidate);
  }
}

function addForm(builder: TrieBuilder, parsed: ParsedForm, base: Omit<Candidate, 'words'>): void {
  builder.add(parsed.edges, { ...base, words: parsed.words }, false);
}

function addInflections(builder: TrieBuilder, parsed: ParsedForm, base: Omit<Candidate, 'words'>): void {
  const last = parsed.edges.length - 1;
  const lastEdge = parsed.edges[last];
  const lastWord = lastEdge.slice(lastEdge.lastIndexOf('\u0000') + 1);
  const gapPrefix = lastEdge.slice(0, lastEdge.length - lastWord.length);
  const variants = base.form === 'acronym' ? acronymInflections(lastWord) : wordInflections(lastWord);
  for (const variant of variants) {
    const edges = parsed.edges.slice(0, last);
    edges.push(gapPrefix + variant.key);
    builder.add(edges, { ...base, words: parsed.words, inflection: variant }, true);
  }
}

export function compileGlossary(glossary: Glossary): TermIndex {
  const builder = new TrieBuilder();
  const forms: Array<[ParsedForm, Omit<Candidate, 'words'>]> = [];
  for (const entry of glossary.entries) {
    const add = (text: string, form: FormKind, caseSensitive: boolean): void => {
      const parsed = formEdges(text);
      if (parsed) forms.push([parsed, { entryId: entry.id, form, canonical: text, caseSensitive }]);
    };
    add(entry.term, 'term', entry.caseSensitive);
    for (const alias of entry.aliases) add(alias, 'alias', entry.caseSensitive);
    for (const acronym of entry.acronyms) add(acronym, 'acronym', true);
    for (const d of entry.discouraged) add(d.form, 'discouraged', entry.caseSensitive);
  }
  // Exact spellings first so that an inflected variant never displaces a real form.
  for (const [parsed, base] of forms) addForm(builder, parsed, base);
  for (const [parsed, base] of forms) addInflections(builder, parsed, base);
  sortCandidates(builder.root);
  return { match: (text, offset) => findMatches(builder.root, text, offset) };
}

function sortCandidates(level: Map<string, TrieNode>): void {
  for (const node of level.values()) {
    // Exact forms before inflected ones; case-sensitive before case-insensitive (acronym "MI" before alias "mi").
    node.candidates?.sort((a, b) => Number(!!a.inflection) - Number(!!b.inflection) || Number(b.caseSensitive) - Number(a.caseSensitive));
    if (node.children) sortCandidates(node.children);
  }
}

function sameCase(text: string, starts: number[], ends: number[], first: number, candidate: Candidate): boolean {
  const { words, inflection } = candidate;
  for (let k = 0; k < words.length; k++) {
    let written = text.slice(starts[first + k], ends[first + k]);
    let expected = words[k];
    if (k === words.length - 1 && inflection) {
      written = written.slice(0, inflection.stemLength);
      expected = expected.slice(0, inflection.stemLength);
    }
    if (written.replace(/[\u2019\u2018\u02bc]/g, "'") !== expected) return false;
  }
  return true;
}

function findMatches(root: Map<string, TrieNode>, text: string, offset: number): TermMatch[] {
  const matches: TermMatch[] = [];
  if (root.size === 0) return matches;
  const { starts, ends, keys } = tokenize(text);
  const count = keys.length;
  for (let i = 0; i < count; i++) {
    let node = root.get(keys[i]);
    if (!node) continue;
    let best: Candidate | undefined;
    let bestLast = i;
    let j = i;
    for (;;) {
      if (node.candidates) {
        const found = node.candidates.find((c) => !c.caseSensitive || sameCase(text, starts, ends, i, c));
        if (found) {
          best = found;
          bestLast = j;
        }
      }
      if (!node.children || j + 1 >= count) break;
      const gap = gapKey(text, ends[j], starts[j + 1]);
      if (gap === undefined) break;
      const next: TrieNode | undefined = node.children.get(edgeKey(gap, keys[j + 1]));
      if (!next) break;
      node = next;
      j++;
    }
    if (!best) continue;
    matches.push(toMatch(text, offset, starts[i], ends[bestLast], best));
    i = bestLast;
  }
  return matches;
}

function toMatch(text: string, offset: number, start: number, end: number, candidate: Candidate): TermMatch {
  let inflection: TermInflection | undefined;
  const variant = candidate.inflection;
  if (variant) {
    let kind = variant.kind;
    let suffixLength = variant.key.length - variant.stemLength;
    // "offenders'": an apostrophe after a plural is possessive, not a closing quote, when no letter follows.
    if (kind === 'plural' && end < text.length && isApostrophe(text.charCodeAt(end)) && !(end + 1 < text.length && isWordCharAt(text, end + 1))) {
      end++;
      suffixLength++;
      kind = 'plural-possessive';
    }
    inflection = { kind, suffix: text.slice(end - suffixLength, end), restore: variant.restore };
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
