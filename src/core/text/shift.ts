// Moving results by an edit's length. After an edit, everything that follows it keeps its findings,
// fixes and ranges, shifted by the number of characters inserted (or removed).
import type { Fix, TextEdit, TextRange } from '../types';

export function shiftRange(range: TextRange, delta: number): TextRange {
  return { start: range.start + delta, end: range.end + delta };
}

/** Moves a range by `delta` in place; for results a later check carries over (CheckOptions.cache). */
export function moveRange(range: TextRange, delta: number): void {
  range.start += delta;
  range.end += delta;
}

/** Copies of the fixes with every edit moved by `delta`; plain loops, as this runs per moved finding. */
export function shiftFixes(fixes: Fix[], delta: number): Fix[] {
  const moved: Fix[] = new Array(fixes.length);
  for (let i = 0; i < fixes.length; i++) {
    const fix = fixes[i];
    const edits: TextEdit[] = new Array(fix.edits.length);
    for (let k = 0; k < edits.length; k++) {
      const edit = fix.edits[k];
      edits[k] = { range: shiftRange(edit.range, delta), newText: edit.newText };
    }
    const copy = { ...fix };
    copy.edits = edits;
    moved[i] = copy;
  }
  return moved;
}
