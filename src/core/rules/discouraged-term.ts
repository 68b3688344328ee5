// discouraged-term: a word the glossary asks writers to avoid, with its preferred wording as a fix.
import type { DiscouragedForm, Fix, GlossaryEntry, TermMatch, TextEdit } from '../types';
import { perBlockList, type Rule, type RuleContext } from './rule';
import { entriesById } from '../glossary/entries';
import { articleFor, followCase, inflectLike } from '../glossary/wording';
import { moveRange } from '../text/shift';

const EXPLANATION =
  'The glossary discourages this wording. Bulletins are read by people on probation, practitioners and ' +
  'the public, and the words used shape how people are seen. Teams that use different terms can ' +
  'override the entry in their own glossary. ' +
  'To silence one use, add `<!-- bulletin-checker-disable-next-line discouraged-term -->` on the line before it.';

const MAX_REPLACE_ALL = 200;
/** How far before a use the "a"/"an" check looks. */
const ARTICLE_LOOK_BEHIND = 12;

function discouragedForm(entry: GlossaryEntry, match: TermMatch): DiscouragedForm | undefined {
  return entry.discouraged.find((d) => d.form === match.canonical);
}

/**
 * False when no "a"/"an" can end right before the spaces in front of `start` (the article pattern
 * below would not match): the common case, decided without a string or a Unicode pattern.
 */
function mayFollowArticle(text: string, start: number): boolean {
  const from = Math.max(0, start - ARTICLE_LOOK_BEHIND);
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
function replacementEdit(context: RuleContext, match: TermMatch, form: DiscouragedForm, afterArticle: boolean): TextEdit | undefined {
  const inflected = inflectLike(match, form.preferred, form.preferredPlural);
  if (inflected === undefined) return undefined;
  const newText = followCase(match.text, inflected);
  const article = afterArticle
    ? /(^|[^\p{L}\p{N}])(an?)(\s+)$/iu.exec(context.text.slice(Math.max(0, match.range.start - ARTICLE_LOOK_BEHIND), match.range.start))
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

/** What one use of a discouraged form reports, apart from the document-wide "replace all". */
interface Use {
  match: TermMatch;
  entry: GlossaryEntry;
  form: DiscouragedForm;
  edit: TextEdit | undefined;
  message: string;
  explanation: string;
  replace: Fix | undefined;
  data: Record<string, unknown>;
  /** The characters before the use that the "a"/"an" check read, or undefined if it was not needed. */
  lookBehind: string | undefined;
}

function useOf(context: RuleContext, match: TermMatch, entry: GlossaryEntry, form: DiscouragedForm, afterArticle: boolean): Use {
  const edit = replacementEdit(context, match, form, afterArticle);
  const start = match.range.start;
  const preferred = edit ? followCase(match.text, inflectLike(match, form.preferred, form.preferredPlural) ?? form.preferred) : form.preferred;
  return {
    match,
    entry,
    form,
    edit,
    message: `Prefer “${preferred}” to “${match.text}”: ${form.reason}`,
    explanation: `**Discouraged term: “${form.form}”.** ${form.reason}\n\nWrite **${form.preferred}** instead (glossary entry “${entry.term}”).\n\n${EXPLANATION}`,
    replace: edit && { title: `Replace with “${preferred}”`, edits: [edit], isPreferred: true },
    data: { entryId: entry.id, form: form.form, preferred: form.preferred },
    lookBehind: afterArticle ? context.text.slice(Math.max(0, start - ARTICLE_LOOK_BEHIND), start) : undefined,
  };
}

/** Whether a use worked out earlier still holds: same entry and form, and the same text before it when that mattered. */
function stillHolds(use: Use, context: RuleContext, entry: GlossaryEntry, form: DiscouragedForm, afterArticle: boolean): boolean {
  if (use.entry !== entry || use.form !== form || (use.lookBehind !== undefined) !== afterArticle) return false;
  const before = use.lookBehind;
  if (before === undefined) return true;
  const start = use.match.range.start;
  if (before.length !== Math.min(start, ARTICLE_LOOK_BEHIND)) return false;
  const text = context.text;
  for (let i = 0; i < before.length; i++) if (text.charCodeAt(start - before.length + i) !== before.charCodeAt(i)) return false;
  return true;
}

/**
 * Uses worked out in earlier checks, by term match. A re-check after an edit carries unchanged
 * paragraphs' matches over (moved in place), so a long bulletin's hundreds of uses are not worded
 * again on every keystroke. A use that may follow "a"/"an" also remembers the text before it: that
 * article can sit in the paragraph before, which an edit may change without touching this one.
 * A plain replacement's range is the match's own and moves with it; one that corrects the article
 * has its own range, moved here to end where the match now ends.
 */
const knownUses = new WeakMap<TermMatch, Use>();

// Each block's discouraged uses, so the few are found without visiting every one of a long
// bulletin's term matches (one shared empty list for the many blocks without any).
const NONE: TermMatch[] = [];
const discouragedIn = perBlockList((matches) => {
  const mine = matches.filter((m) => m.form === 'discouraged');
  return mine.length > 0 ? mine : NONE;
});

function discouragedMatches(context: RuleContext): TermMatch[] {
  const byBlock = context.termMatchesByBlock;
  if (!byBlock) return context.termMatches.filter((m) => m.form === 'discouraged');
  const found: TermMatch[] = [];
  for (let b = 0; b < byBlock.length; b++) {
    if (byBlock[b].length === 0) continue;
    const mine = discouragedIn(byBlock[b]);
    for (let i = 0; i < mine.length; i++) found.push(mine[i]);
  }
  return found;
}

export const discouragedTerm: Rule = {
  id: 'discouraged-term',
  description: 'Flags wording the glossary discourages, such as “offender”, and offers the preferred form.',
  defaultSeverity: 'warning',
  check(context, report) {
    const entries = entriesById(context.glossary);
    const uses: Use[] = [];
    // Matches are carried over to the next check only when it has a cache (see RuleContext).
    const remember = context.termMatchesByBlock !== undefined;
    for (const match of discouragedMatches(context)) {
      const entry = entries.get(match.entryId);
      const form = entry && discouragedForm(entry, match);
      if (!entry || !form) continue;
      const afterArticle = mayFollowArticle(context.text, match.range.start);
      let use = remember ? knownUses.get(match) : undefined;
      if (use && stillHolds(use, context, entry, form, afterArticle)) {
        const edit = use.edit;
        if (edit && edit.range !== match.range && edit.range.end !== match.range.end) moveRange(edit.range, match.range.end - edit.range.end);
      } else {
        use = useOf(context, match, entry, form, afterArticle);
        if (remember) knownUses.set(match, use);
      }
      uses.push(use);
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

    for (const use of uses) {
      const fixes: Fix[] = [];
      if (use.replace) fixes.push(use.replace);
      const all = replaceAll.get(use.form);
      if (all) fixes.push(all);
      report({ range: use.match.range, message: use.message, explanation: use.explanation, fixes, data: use.data });
    }
  },
};
