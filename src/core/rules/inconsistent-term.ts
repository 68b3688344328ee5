// inconsistent-term: one glossary form written two ways in one document ("nDelius" and "NDelius").
import type { Fix, TermMatch } from '../types';
import { perBlockList, type Rule } from './rule';
import { entriesById } from '../glossary/entries';
import { followCase, headingRanges, isInside, isSentenceCase } from '../glossary/wording';

const EXPLANATION =
  'The same term is spelt more than one way in this document: different capitals, or hyphens, dashes ' +
  'and spaces used differently. Readers may wonder whether two things are meant, and search misses ' +
  'the odd ones out. The less common spelling is flagged; headings are not counted, since they often ' +
  'use title case. To silence one use, add `<!-- bulletin-checker-disable-next-line inconsistent-term -->` ' +
  'on the line before it.';

/** Spaces collapsed, and a capital that only starts a sentence ignored. */
function normalSpelling(base: string): string {
  const spaced = base.replace(/\s+/g, ' ');
  return isSentenceCase(spaced) ? spaced.charAt(0).toLowerCase() + spaced.slice(1) : spaced;
}

/** The written form without its ending ("Strategies" → "Strategy"). */
function baseForm(match: TermMatch): string {
  const inflection = match.inflection;
  return inflection ? match.text.slice(0, match.text.length - inflection.suffix.length) + inflection.restore : match.text;
}

/** How often one spelling is used, and (only in a group with more than one) where. */
interface Spelling {
  count: number;
  uses: TermMatch[] | undefined;
}

// The same few spellings recur thousands of times in a long bulletin and the rule runs on every
// keystroke, so each written form is normalised once. Bounded, since documents come and go.
const spellingCache = new Map<string, string>();

function spellingOf(match: TermMatch): string {
  const inflection = match.inflection;
  const key = inflection ? `${match.text}\u0000${inflection.suffix}\u0000${inflection.restore}` : match.text;
  let spelling = spellingCache.get(key);
  if (spelling === undefined) {
    if (spellingCache.size >= 20_000) spellingCache.clear();
    spelling = normalSpelling(baseForm(match));
    spellingCache.set(key, spelling);
  }
  return spelling;
}

/** Terms and aliases are compared; acronyms and discouraged forms have rules of their own. */
function counted(match: TermMatch): boolean {
  return match.form === 'term' || match.form === 'alias';
}

/** How often one block writes each spelling of each entry's form, in first-use order. */
interface Tally {
  entryId: string;
  canonical: string;
  name: string;
  count: number;
}

const NO_TALLY: Tally[] = [];

// Made once per block text: a block carried over keeps its list of matches.
const tallyOf = perBlockList((matches): Tally[] => {
  let tally: Tally[] | undefined;
  for (const match of matches) {
    if (!counted(match)) continue;
    const name = spellingOf(match);
    const same = tally?.find((t) => t.entryId === match.entryId && t.canonical === match.canonical && t.name === name);
    if (same) same.count++;
    else (tally ??= []).push({ entryId: match.entryId, canonical: match.canonical, name, count: 1 });
  }
  return tally ?? NO_TALLY;
});

/** `target` written where `match` is, keeping its ending and sentence-start capital. */
function respell(match: TermMatch, target: string): string {
  const inflection = match.inflection;
  const stem = inflection ? target.slice(0, target.length - inflection.restore.length) + inflection.suffix : target;
  return followCase(match.text, stem);
}

export const inconsistentTerm: Rule = {
  id: 'inconsistent-term',
  description: 'Flags a glossary term spelt in more than one way in the same document.',
  defaultSeverity: 'information',
  check(context, report) {
    const headings = headingRanges(context.prose);
    const entries = entriesById(context.glossary);
    // Same entry and same glossary form: the uses differ only in capitals, dashes or spacing.
    // Looked up by entry then form (strings the matches share) rather than by one joined key,
    // which would be a new string to hash for every match; `groups` keeps first-use order.
    const byEntry = new Map<string, Map<string, Map<string, Spelling>>>();
    const groups: Map<string, Spelling>[] = [];
    const count = (entryId: string, canonical: string, name: string, uses: number) => {
      let forms = byEntry.get(entryId);
      if (!forms) byEntry.set(entryId, (forms = new Map()));
      let variants = forms.get(canonical);
      if (!variants) {
        forms.set(canonical, (variants = new Map()));
        groups.push(variants);
      }
      const spelling = variants.get(name);
      if (spelling) spelling.count += uses;
      else variants.set(name, { count: uses, uses: undefined });
    };
    // First pass: count each spelling, block by block from each block's tally (kept while the
    // block is carried over). Nearly every group has one spelling only, so the uses are gathered in
    // a second pass, for the few groups that need them, rather than listed for all.
    const matches = context.termMatches;
    const byBlock = context.termMatchesByBlock;
    if (byBlock) {
      const blocks = context.prose.blocks;
      for (let b = 0; b < byBlock.length; b++) {
        if (byBlock[b].length === 0 || blocks[b]?.kind === 'heading') continue;
        const tally = tallyOf(byBlock[b]);
        for (let i = 0; i < tally.length; i++) count(tally[i].entryId, tally[i].canonical, tally[i].name, tally[i].count);
      }
    } else {
      for (let i = 0; i < matches.length; i++) {
        const match = matches[i];
        if (counted(match) && !isInside(headings, match.range.start)) count(match.entryId, match.canonical, spellingOf(match), 1);
      }
    }
    let mixed = false;
    for (const variants of groups) if (variants.size > 1) mixed = true;
    if (mixed) {
      for (let i = 0; i < matches.length; i++) {
        const match = matches[i];
        if (!counted(match)) continue;
        const variants = byEntry.get(match.entryId)?.get(match.canonical);
        if (!variants || variants.size < 2 || isInside(headings, match.range.start)) continue;
        const spelling = variants.get(spellingOf(match))!;
        (spelling.uses ??= []).push(match);
      }
    }
    for (const variants of groups) {
      if (variants.size < 2) continue;
      const first = [...variants.values()][0].uses![0];
      const canonical = first.canonical;
      const canonicalSpelling = normalSpelling(canonical);
      // Most uses wins; on a tie, the glossary's own spelling.
      const ranked = [...variants.entries()]
        .map(([name, spelling]) => [name, spelling.uses!] as const)
        .sort((a, b) => b[1].length - a[1].length || Number(b[0] === canonicalSpelling) - Number(a[0] === canonicalSpelling));
      const [majority, majorityUses] = ranked[0];
      const entry = entries.get(first.entryId);
      const explanation = `**Inconsistent spelling of “${entry?.term ?? canonical}”.** This document writes it ${ranked.slice(0, 10).map(([v, u]) => `“${v}” (${u.length})`).join(', ')}${ranked.length > 10 ? ' and more' : ''}.\n\n${EXPLANATION}`;
      const data = { entryId: first.entryId, majority, variants: ranked.slice(0, 10).map(([v]) => v) };
      for (const [, uses] of ranked.slice(1)) {
        for (const match of uses) {
          const fixes: Fix[] = [];
          for (const [target, title] of [
            [canonical, (t: string) => `Change to “${t}” (the glossary’s spelling)`],
            [baseForm(majorityUses[0]), (t: string) => `Change to “${t}”, as elsewhere in this document`],
          ] as const) {
            const newText = respell(match, target);
            if (newText === match.text || fixes.some((f) => f.edits[0].newText === newText)) continue;
            fixes.push({ title: title(newText), edits: [{ range: match.range, newText }], isPreferred: fixes.length === 0 });
          }
          report({
            range: match.range,
            message: `“${match.text}” is spelt “${majority}” elsewhere in this document (${majorityUses.length} ${majorityUses.length === 1 ? 'time' : 'times'}).`,
            explanation,
            fixes,
            data,
          });
        }
      }
    }
  },
};
