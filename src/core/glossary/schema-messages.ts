// Turns JSON Schema errors into sentences a glossary editor (not a programmer) can act on.
import type { GlossarySchemaError } from './validate-glossary.generated';

const FIELD_NAMES = [
  'version', 'entries', 'term', 'aliases', 'acronyms', 'defineOnFirstUse', 'caseSensitive', 'definition',
  'keyMessages', 'message', 'evidence', 'sources', 'title', 'url', 'year', 'related', 'discouraged', 'form',
  'preferred', 'preferredPlural', 'reason', 'examples', 'flag', 'pass',
];

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  array: 'a list (lines starting with “- ”, or [a, b])',
  object: 'a set of named fields (name: value)',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  null: 'empty',
};

const LIST_ITEM_NAMES: Record<string, string> = {
  entries: 'entry',
  aliases: 'alias',
  acronyms: 'acronym',
  keyMessages: 'key message',
  sources: 'source',
  related: 'related entry',
  discouraged: 'discouraged form',
  flag: '`flag` example',
  pass: '`pass` example',
};

/** A value as a writer would recognise it in a message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value === '' ? 'empty text' : `“${value.length > 60 ? `${value.slice(0, 57)}…` : value}”`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return 'a set of named fields';
}

/** "`evidence` of key message 2" for /keyMessages/1/evidence, relative to an entry. */
export function describePath(segments: string[]): string {
  if (segments.length === 0) return 'The glossary';
  const parts: string[] = [];
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (/^\d+$/.test(segment)) {
      const list = segments[i - 1] ?? '';
      parts.push(`${LIST_ITEM_NAMES[list] ?? 'item'} ${Number(segment) + 1}`);
      i--; // the list's own name is said by the item's
    } else {
      parts.push(`\`${segment}\``);
    }
  }
  return parts.join(' of ');
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

function suggestField(name: string): string | undefined {
  if (name.length > 40) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const field of FIELD_NAMES) {
    const d = editDistance(name.toLowerCase(), field.toLowerCase());
    if (d < bestDistance) {
      best = field;
      bestDistance = d;
    }
  }
  return best;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A message for one schema error. `segments` locate the value inside its entry (or the file when
 * `entryLabel` is empty); `value` is what the file holds there.
 */
export function schemaErrorMessage(error: GlossarySchemaError, segments: string[], value: unknown, entryLabel: string): string {
  const prefix = entryLabel ? `${entryLabel}: ` : '';
  const subject = segments.length ? describePath(segments) : entryLabel ? 'the entry' : 'the glossary';
  const params = error.params;
  // "Entry “X”: `aliases` must…", or "Entry 3 must…" when the entry itself is wrong.
  const lead = entryLabel && segments.length === 0 ? entryLabel : `${prefix}${capitalise(subject)}`;
  switch (error.keyword) {
    case 'type':
      return `${lead} must be ${TYPE_NAMES[String(params.type)] ?? String(params.type)}, not ${describeValue(value)}.`;
    case 'required':
      return `${lead} is missing \`${String(params.missingProperty)}\`, which every ${segments.length ? (LIST_ITEM_NAMES[segments[segments.length - 2]] ?? 'item') : entryLabel ? 'entry' : 'glossary'} needs.`;
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const suggestion = suggestField(name);
      return `${prefix}\`${name}\` is not a glossary field, so it is ignored.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`;
    }
    case 'enum':
      if (segments[segments.length - 1] === 'evidence') {
        return `${prefix}\`evidence\` must be one of causal, association, mixed, theory or an SMS level from 1 to 5, not ${describeValue(value)}.`;
      }
      return `${lead} must be one of ${((params.allowedValues as unknown[]) ?? []).map(String).join(', ')}, not ${describeValue(value)}.`;
    case 'const':
      return `${lead} must be ${String(params.allowedValue)}, not ${describeValue(value)}.`;
    case 'minLength':
      return `${lead} must not be empty.`;
    case 'pattern':
      return `${lead} must be a web address starting with https:// or http://, not ${describeValue(value)}.`;
    case 'minimum':
    case 'maximum':
      return `${lead} must be a year between 1800 and 2200, not ${describeValue(value)}.`;
    default:
      return `${lead} is not valid (${error.keyword}).`;
  }
}
