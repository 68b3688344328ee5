// Small English helpers for the term rules' fixes: matching capitalisation, plurals, articles and
// sentence starts, so a suggested replacement reads as if the writer had typed it.
import type { ProseModel, Sentence, TermMatch } from '../types';
import type { MaskedReader } from '../text/maskedPieces';

const UPPER = /\p{Lu}/u;

/** True when nothing after the first character is a capital ("desistance", "Risk–need–responsivity"). */
export function isSentenceCase(text: string): boolean {
  return !UPPER.test(text.slice(1));
}

/** Gives `replacement` the first-letter case of `written` when the replacement is ordinary sentence case. */
export function followCase(written: string, replacement: string): string {
  if (!replacement || !isSentenceCase(replacement)) return replacement;
  const first = written.charAt(0);
  const upper = first !== first.toLowerCase();
  const lead = replacement.charAt(0);
  return (upper ? lead.toUpperCase() : lead.toLowerCase()) + replacement.slice(1);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const IRREGULAR: Record<string, string> = { person: 'people', child: 'children', man: 'men', woman: 'women' };
const PREPOSITION = /^(?:of|on|in|for|with|under|from|at|to|by)$/i;

function pluraliseWord(word: string): string {
  const irregular = IRREGULAR[word.toLowerCase()];
  if (irregular) return word.charAt(0) === word.charAt(0).toUpperCase() ? capitalise(irregular) : irregular;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

/** "person on probation" → "people on probation", "probation practitioner" → "probation practitioners". */
export function pluralise(phrase: string): string {
  const words = phrase.split(' ');
  // The head noun comes before a preposition ("person on probation"), otherwise last.
  const preposition = words.findIndex((w, i) => i > 0 && PREPOSITION.test(w));
  const head = preposition > 0 ? preposition - 1 : words.length - 1;
  words[head] = pluraliseWord(words[head]);
  return words.join(' ');
}

/** The form a match stands for with its ending put back on `replacement` (singular, as in the glossary). */
export function inflectLike(match: TermMatch, replacement: string, plural?: string): string | undefined {
  const inflection = match.inflection;
  if (!inflection) return replacement;
  const apostrophe = /[\u2019\u2018\u02bc]/.test(inflection.suffix) ? '’' : "'";
  switch (inflection.kind) {
    case 'plural':
      return plural ?? pluralise(replacement);
    case 'possessive':
      return `${replacement}${apostrophe}s`;
    case 'plural-possessive': {
      const many = plural ?? pluralise(replacement);
      return many.endsWith('s') ? `${many}${apostrophe}` : `${many}${apostrophe}s`;
    }
    default:
      return undefined; // a verb ending cannot be carried over to another word safely
  }
}

// Two rules ask for the same document's headings on every check: found once per prose model.
const headingsByProse = new WeakMap<ProseModel, Array<[number, number]>>();

/** Offsets of heading blocks, for rules that treat headings differently from running text (read only). */
export function headingRanges(prose: ProseModel): Array<[number, number]> {
  let headings = headingsByProse.get(prose);
  if (!headings) {
    headings = [];
    for (const b of prose.blocks) if (b.kind === 'heading') headings.push([b.range.start, b.range.end]);
    headingsByProse.set(prose, headings);
  }
  return headings;
}

export function isInside(ranges: Array<[number, number]>, offset: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < ranges[mid][0]) high = mid - 1;
    else if (offset >= ranges[mid][1]) low = mid + 1;
    else return true;
  }
  return false;
}

const OPENING = /^[\s"'“‘(\[*_]*$/u;

/** Whether `offset` begins a sentence (only opening quotes, brackets or markup before it). */
export function startsSentence(sentences: Sentence[], masked: MaskedReader, offset: number): boolean {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = sentences[mid].range;
    if (offset < range.start) high = mid - 1;
    else if (offset >= range.end) low = mid + 1;
    else return OPENING.test(masked.slice(range.start, offset));
  }
  // Not inside a known sentence: look back for the end of the previous one.
  let i = offset - 1;
  while (i >= 0 && /[\s"'“‘(\[*_]/u.test(masked.charAt(i))) i--;
  return i < 0 || /[.!?]/.test(masked.charAt(i));
}

/** "an" before a vowel sound (roughly, by spelling), otherwise "a". */
export function articleFor(phrase: string): 'a' | 'an' {
  return /^[aeio]|^u(?!ni|s[eu])/i.test(phrase) ? 'an' : 'a';
}
