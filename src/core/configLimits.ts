// Limits on glossary and registry files. A real glossary is tens of kilobytes; a file far larger
// is a mistake (or hostile), and parsing it would freeze the editor, so it is refused at once.
export const MAX_CONFIG_FILE_CHARS = 1_000_000;

/** A plain-English refusal for an oversized file, or undefined when the size is fine. */
export function oversizeMessage(text: string, what: 'glossary' | 'evidence registry'): string | undefined {
  if (text.length <= MAX_CONFIG_FILE_CHARS) return undefined;
  const megabytes = (text.length / 1_000_000).toFixed(1);
  return `This ${what} file is ${megabytes} million characters long; Bulletin Checker reads ${what} files of up to 1 million characters. Split it into smaller files and list them in settings.`;
}
