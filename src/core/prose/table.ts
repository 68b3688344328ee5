// GitHub-flavoured pipe tables: delimiter rows and cell boundaries.

const PIPE = 0x7c;
const BACKSLASH = 0x5c;

/** Cells of one row as flat [start, end) pairs, trimmed, outer pipes dropped; escaped pipes do not split. */
export function tableCells(text: string, start: number, end: number): number[] {
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  if (start < end && text.charCodeAt(start) === PIPE) start++;
  if (end > start && text.charCodeAt(end - 1) === PIPE && text.charCodeAt(end - 2) !== BACKSLASH) end--;
  const cells: number[] = [];
  let cellStart = start;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : PIPE;
    if (c === BACKSLASH) {
      i++;
      continue;
    }
    if (c !== PIPE) continue;
    let s = cellStart;
    let e = i;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    cells.push(s, e);
    cellStart = i + 1;
  }
  return cells;
}

/** Number of columns if [start, end) is a delimiter row such as `| --- | :-: |`, otherwise 0. */
export function delimiterRowColumns(text: string, start: number, end: number): number {
  const cells = tableCells(text, start, end);
  for (let i = 0; i < cells.length; i += 2) {
    if (!isDelimiterCell(text, cells[i], cells[i + 1])) return 0;
  }
  return cells.length / 2;
}

function isDelimiterCell(text: string, start: number, end: number): boolean {
  if (start < end && text.charCodeAt(start) === 0x3a /* : */) start++;
  if (end > start && text.charCodeAt(end - 1) === 0x3a) end--;
  if (start >= end) return false;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 0x2d /* - */) return false;
  return true;
}

export function containsPipe(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === PIPE) return true;
  return false;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}
