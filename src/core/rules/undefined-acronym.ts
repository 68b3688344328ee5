// undefined-acronym: an acronym used before the term it stands for has been spelt out.
import type { GlossaryEntry, TermMatch } from '../types';
import type { Rule, RuleContext } from './rule';
import { entriesById } from '../glossary/entries';
import { capitalise, headingRanges, isInside, isSentenceCase, startsSentence } from '../glossary/wording';
import { maskedReaderOf } from '../text/maskedPieces';

const EXPLANATION =
  'Spell a term out the first time its acronym appears, for example “risk–need–responsivity (RNR)”, ' +
  'so that readers outside probation can follow. Only the first undefined use is flagged; a definition ' +
  'in a heading counts, but uses in headings are never flagged. Entries opt in with ' +
  '`defineOnFirstUse: true`. To silence one use, add ' +
  '`<!-- bulletin-checker-disable-next-line undefined-acronym -->` on the line before it.';

/** "RNR (risk–need–responsivity)": the spelt-out term follows at once in brackets. */
function definedInBrackets(context: RuleContext, acronym: TermMatch, next: TermMatch | undefined): boolean {
  if (!next || next.entryId !== acronym.entryId || (next.form !== 'term' && next.form !== 'alias')) return false;
  // Read without joining a re-parse's masked text, which would copy the whole document.
  return /^\s*[([]\s*$/.test(maskedReaderOf(context.prose).slice(acronym.range.end, next.range.start));
}

function spelledOut(context: RuleContext, entry: GlossaryEntry, match: TermMatch): string {
  const term = isSentenceCase(entry.term) ? entry.term.charAt(0).toLowerCase() + entry.term.slice(1) : entry.term;
  const full = startsSentence(context.sentences, maskedReaderOf(context.prose), match.range.start) ? capitalise(term) : term;
  return `${full} (${match.text})`;
}

export const undefinedAcronym: Rule = {
  id: 'undefined-acronym',
  description: 'Flags the first use of an acronym that comes before its term is spelt out.',
  defaultSeverity: 'warning',
  check(context, report) {
    const entries = entriesById(context.glossary);
    const headings = headingRanges(context.prose);
    const settled = new Set<string>();
    const matches = context.termMatches;
    matches.forEach((match, index) => {
      const entry = entries.get(match.entryId);
      if (!entry?.defineOnFirstUse || settled.has(entry.id)) return;
      if (match.form === 'term' || match.form === 'alias') {
        settled.add(entry.id);
        return;
      }
      if (match.form !== 'acronym' || isInside(headings, match.range.start)) return;
      settled.add(entry.id);
      if (definedInBrackets(context, match, matches[index + 1])) return;
      const replacement = spelledOut(context, entry, match);
      report({
        range: match.range,
        message: `“${match.text}” is used before it is spelt out: write “${replacement}” the first time.`,
        explanation: `**Undefined acronym.** “${match.text}” stands for ${entry.term}${entry.definition ? `: ${entry.definition}` : '.'}\n\n${EXPLANATION}`,
        fixes: [{ title: `Spell out as “${replacement}”`, edits: [{ range: match.range, newText: replacement }], isPreferred: true }],
        data: { entryId: entry.id, acronym: match.canonical },
      });
    });
  },
};
