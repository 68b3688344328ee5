// discouraged-term: a word the glossary asks writers to avoid, with its preferred wording as a fix.
import type { DiscouragedForm, Fix, GlossaryEntry, TermMatch, TextEdit } from '../types';
import type { Rule, RuleContext } from './rule';
import { entriesById } from '../glossary/entries';
import { articleFor, followCase, inflectLike } from '../glossary/wording';

const EXPLANATION =
  'The glossary discourages this wording. Bulletins are read by people on probation, practitioners and ' +
  'the public, and the words used shape how people are seen. Teams that use different terms can ' +
  'override the entry in their own glossary. ' +
  'To silence one use, add `<!-- bulletin-checker-disable-next-line discouraged-term -->` on the line before it.';

const MAX_REPLACE_ALL = 200;

function discouragedForm(entry: GlossaryEntry, match: TermMatch): DiscouragedForm | undefined {
  return entry.discouraged.find((d) => d.form === match.canonical);
}

/**
 * False when no "a"/"an" can end right before the spaces in front of `start` (the article pattern
 * below would not match): the common case, decided without a string or a Unicode pattern.
 */
function mayFollowArticle(text: string, start: number): boolean {
  const from = Math.max(0, start - 12);
  let i = start - 1;
  while (i >= from) {
    const code = text.charCodeAt(i);
    if (code >= 128) return true; // non-ASCII space or letter: let the pattern decide
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) {
      i--;
      continue;
    }
    const lower = code | 0x20;
    return i < start - 1 && (lower === 0x61 || lower === 0x6e); // "a" or "n" before at least one space
  }
  return false;
}

/** The replacement edit for one use, with "a"/"an" before it corrected when needed. */
function replacementEdit(context: RuleContext, match: TermMatch, form: DiscouragedForm): TextEdit | undefined {
  const inflected = inflectLike(match, form.preferred, form.preferredPlural);
  if (inflected === undefined) return undefined;
  const newText = followCase(match.text, inflected);
  const article = mayFollowArticle(context.text, match.range.start)
    ? /(^|[^\p{L}\p{N}])(an?)(\s+)$/iu.exec(context.text.slice(Math.max(0, match.range.start - 12), match.range.start))
    : null;
  if (article && !match.inflection) {
    const wanted = articleFor(newText);
    if (article[2].toLowerCase() !== wanted) {
      const written = article[2];
      const cased = written.charAt(0) === 'A' ? wanted.charAt(0).toUpperCase() + wanted.slice(1) : wanted;
      const start = match.range.start - article[3].length - written.length;
      return { range: { start, end: match.range.end }, newText: `${cased}${article[3]}${newText}` };
    }
  }
  return { range: match.range, newText };
}

export const discouragedTerm: Rule = {
  id: 'discouraged-term',
  description: 'Flags wording the glossary discourages, such as “offender”, and offers the preferred form.',
  defaultSeverity: 'warning',
  check(context, report) {
    const entries = entriesById(context.glossary);
    const uses: Array<{ match: TermMatch; entry: GlossaryEntry; form: DiscouragedForm; edit: TextEdit | undefined }> = [];
    for (const match of context.termMatches) {
      if (match.form !== 'discouraged') continue;
      const entry = entries.get(match.entryId);
      const form = entry && discouragedForm(entry, match);
      if (entry && form) uses.push({ match, entry, form, edit: replacementEdit(context, match, form) });
    }
    const sameForm = new Map<DiscouragedForm, TextEdit[]>();
    for (const use of uses) {
      if (!use.edit) continue;
      const edits = sameForm.get(use.form);
      if (edits) edits.push(use.edit);
      else sameForm.set(use.form, [use.edit]);
    }
    // One shared "replace all" per form; beyond a few hundred uses it would bloat every finding.
    const replaceAll = new Map<DiscouragedForm, Fix>();
    for (const [form, edits] of sameForm) {
      if (edits.length > 1 && edits.length <= MAX_REPLACE_ALL) replaceAll.set(form, { title: `Replace all ${edits.length} in document`, edits });
    }

    for (const { match, entry, form, edit } of uses) {
      const preferred = edit ? followCase(match.text, inflectLike(match, form.preferred, form.preferredPlural) ?? form.preferred) : form.preferred;
      const fixes: Fix[] = [];
      if (edit) fixes.push({ title: `Replace with “${preferred}”`, edits: [edit], isPreferred: true });
      const all = replaceAll.get(form);
      if (all) fixes.push(all);
      report({
        range: match.range,
        message: `Prefer “${preferred}” to “${match.text}”: ${form.reason}`,
        explanation: `**Discouraged term: “${form.form}”.** ${form.reason}\n\nWrite **${form.preferred}** instead (glossary entry “${entry.term}”).\n\n${EXPLANATION}`,
        fixes,
        data: { entryId: entry.id, form: form.form, preferred: form.preferred },
      });
    }
  },
};
