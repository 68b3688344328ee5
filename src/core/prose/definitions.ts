// Link reference definitions (`[id]: url "title"`) at the start of a paragraph are not prose.

const DEFINITION_AT = new RegExp(
  String.raw`\[((?:[^\\\[\]]|\\[^\n]){0,999})\]:[ \t]*(?:\n[ \t]*)?` +
    String.raw`(?:<(?:[^<>\n\\]|\\[^\n])*>|[^\s<]\S*)` +
    String.raw`(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:"(?:[^"\\]|\\[^])*"|'(?:[^'\\]|\\[^])*'|\((?:[^()\\]|\\[^])*\)))?` +
    String.raw`[ \t]*(?:\n|$)`,
  'y',
);

/**
 * How many of a paragraph's lines (given as flat [start, end) pairs into `text`) are taken up by
 * link reference definitions at its start.
 */
export function definitionLineCount(text: string, segments: number[]): number {
  if (segments.length === 0 || text.charCodeAt(segments[0]) !== 0x5b /* [ */) return 0;
  const lines: string[] = [];
  for (let i = 0; i < segments.length; i += 2) lines.push(text.slice(segments[i], segments[i + 1]));
  const joined = lines.join('\n');
  let at = 0;
  while (at < joined.length && joined.charCodeAt(at) === 0x5b) {
    DEFINITION_AT.lastIndex = at;
    const match = DEFINITION_AT.exec(joined);
    if (!match || !/\S/.test(match[1]) || match[1].startsWith('^')) break;
    at = DEFINITION_AT.lastIndex;
  }
  if (at === 0) return 0;
  if (at >= joined.length) return lines.length;
  // `at` sits just after a line break; count the lines before it.
  let consumed = 0;
  let length = 0;
  while (length < at) length += lines[consumed++].length + 1;
  return consumed;
}
