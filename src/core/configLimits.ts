// Limits on glossary and registry files. The built-in glossary of 61 entries is 75,000 characters;
// a file many times larger is a mistake (or hostile), and parsing it would hold up the editor for
// seconds, so it is refused at once.
export const MAX_CONFIG_FILE_CHARS = 300_000;

/** A plain-English refusal for an oversized file, or undefined when the size is fine. */
export function oversizeMessage(text: string, what: 'glossary' | 'evidence registry'): string | undefined {
  if (text.length <= MAX_CONFIG_FILE_CHARS) return undefined;
  const size = Math.round(text.length / 1000).toLocaleString('en-GB');
  const limit = (MAX_CONFIG_FILE_CHARS / 1000).toLocaleString('en-GB');
  return `This ${what} file is ${size} thousand characters long; Bulletin Checker reads ${what} files of up to ${limit} thousand characters. Split it into smaller files and list them in settings.`;
}

/** Deeper flow nesting ([ or {) or more leading spaces than any real glossary needs. */
export const MAX_FLOW_DEPTH = 64;
export const MAX_INDENT = 256;

/**
 * Where nesting first goes too deep for a glossary or registry, or -1. Checked before parsing, because
 * the YAML parser recurses once per level. Quotes and comments are skipped roughly.
 */
export function excessiveNesting(text: string): number {
  let depth = 0;
  let quote = 0;
  let lineStart = true;
  let indent = 0;
  let indicators = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      lineStart = true;
      indent = 0;
      indicators = 0;
      if (quote === 39) quote = 0; // single-quoted scalars rarely span lines in a glossary
      continue;
    }
    if (lineStart) {
      // Indentation, and "- " or "? " indicators that open a nested item on the same line.
      const indicator = (code === 45 || code === 63) && text.charCodeAt(i + 1) === 32;
      if (code === 32 || indicator) {
        if (++indent > MAX_INDENT) return i;
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (code === quote) quote = 0;
      else if (code === 92 && quote === 34) i++; // backslash escape inside "…"
      continue;
    }
    if ((code === 45 || code === 63) && text.charCodeAt(i + 1) === 32 && text.charCodeAt(i - 1) === 32) {
      // "key: - - - x" nests a sequence per indicator, like brackets do.
      if (++indicators > MAX_FLOW_DEPTH) return i;
    } else if (code === 34 || code === 39) quote = code;
    else if (code === 35) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl - 1;
    } else if (code === 91 || code === 123) {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((code === 93 || code === 125) && depth > 0) depth--;
  }
  return -1;
}
