// "Reoffending was 14% lower" where two rates are compared: the gap is 14 percentage points.
//
// Heuristic (docs/rules/percentage-points.md): a figure written as "N%" (or "N per cent") followed
// by a comparison or change word, "by N%" after a change verb, or "N points" beside a comparison, is
// flagged only when the nearest measure word says it is a rate (rate, proportion, share,
// completion, reoffending…) or the sentence gives another percentage. Counts and money ("the
// number of", "costs", "frequency") and explicit relative changes are left alone.
import type { Fix, TextRange } from '../types';
import type { Rule, RuleReport } from './rule';

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const PERCENT = String.raw`(\s?%|\s?per\s?cent\b|\s?percent\b)(\s+points?\b)?`;
const COMPARISON = String.raw`(higher|lower|greater|smaller|more|less|fewer|above|below)`;
const CHANGE_NOUN = String.raw`(increase|reduction|decrease|rise|fall|drop|gap|difference|decline|improvement)s?`;
// Each alternative is anchored on a digit run and bounded, so matching stays linear.
const FIGURE = new RegExp(
  String.raw`\b${NUMBER}${PERCENT}(?:\s+${COMPARISON}\b(?!\s+likely)|\s+${CHANGE_NOUN}\b)|\bby\s+${NUMBER}${PERCENT}|\b${NUMBER}\s+(points?)\s+(?:${COMPARISON}\b|lower|higher)|\bby\s+${NUMBER}\s+(points?)\b`,
  'gi',
);
/** Text every match of FIGURE contains (see PERCENT and the "points" alternatives). */
const MAYBE_FIGURE = /%|cent|point/i;
const RATE_WORD = /\b(?:rates?|proportions?|shares?|percentages?|completion|reoffending|reconviction|recall|compliance|breach|prevalence|likelihood)\b/gi;
// "the number of recalls", "the frequency rate": a count, whatever word follows.
const COUNT_BEFORE = /\b(?:frequency|number|numbers|count|volume)(?:\s+of)?\s+$/i;
const COUNT_WORD = /\b(?:number|numbers|frequency|count|counts|costs?|spending|budgets?|caseloads?|volume|scores?|scales?|income|pay)\b/gi;
const RELATIVE = /\b(?:relative|relatively|proportionally|times|percentage points?)\b/i;
const OTHER_PERCENT = /\d\s?(?:%|per\s?cent|percent)/g;

interface Suspect {
  range: TextRange;
  figure: string;
  number: string;
  /** "percentage point" before a noun ("a 14 percentage point reduction"). */
  attributive: boolean;
  points: boolean;
}

export const percentagePoints: Rule = {
  id: 'percentage-points',
  description: 'A difference between two rates is measured in percentage points, not per cent.',
  defaultSeverity: 'warning',
  scope: 'block',
  check(context, report) {
    for (const sentence of context.sentences) checkSentence(sentence.text, sentence.range.start, report);
  },
  checkBlock(block, report) {
    // Every figure holds a digit and "%", "cent" or "point": a block with none is skipped whole,
    // without a string per sentence.
    if (!/\d/.test(block.text) || !MAYBE_FIGURE.test(block.text)) return;
    for (const s of block.sentences) checkSentence(block.text.slice(s.start, s.end), s.start, report);
  },
};

const EXPLANATION = [
  `**Per cent or percentage points?** When one rate is 40% and another 26%, the gap is **14 percentage points**; “14% lower” would mean 14% *of* 40%, i.e. 34.4%.`,
  '',
  'This sentence talks about a rate or proportion, so the figure is most likely a difference between two rates.',
  '',
  '**To resolve:** write “percentage points” (the fix does this), or, if you really mean a relative change, say so (“a relative reduction of 14%”).',
  '',
  'Counts, costs and frequencies are not flagged: for those a per cent change is correct.',
].join('\n');

/** Reports the figures in one sentence's masked text; `offset` is where the sentence starts. */
function checkSentence(text: string, offset: number, report: (finding: RuleReport) => void): void {
  if (!/\d/.test(text) || RELATIVE.test(text)) return;
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    const suspect = readMatch(m, offset);
    if (!suspect || !aboutRates(text, m.index, m.index + m[0].length)) continue;
    const unit = suspect.number === '1' || suspect.attributive ? 'percentage point' : 'percentage points';
    const replacement = `${suspect.number} ${unit}`;
    const fix: Fix = { title: `Change to “${replacement}”`, edits: [{ range: suspect.range, newText: replacement }], isPreferred: true };
    report({
      range: suspect.range,
      message: suspect.points
        ? `“${suspect.figure}”: a gap between two rates is in percentage points; write “${replacement}” so it cannot be read as a score or a relative change.`
        : `“${suspect.figure}” here compares two rates; a difference between rates is in percentage points, so write “${replacement}” (or give the relative change explicitly).`,
      explanation: EXPLANATION,
      fixes: [fix],
      data: { figure: suspect.figure },
    });
  }
}

function readMatch(m: RegExpExecArray, offset: number): Suspect | undefined {
  // Groups: 1-3 N%… comparison/change, 6-8 by N%, 9-11 N points comparison, 12-13 by N points.
  const whole = m[0];
  let number: string;
  let figureEnd: number;
  let figureStart: number;
  let attributive = false;
  let points = false;
  if (m[1] !== undefined) {
    number = m[1];
    figureStart = m.index;
    figureEnd = m.index + m[1].length + m[2].length + (m[3]?.length ?? 0);
    attributive = m[5] !== undefined;
  } else if (m[6] !== undefined) {
    number = m[6];
    figureStart = m.index + whole.indexOf(m[6], 2);
    figureEnd = figureStart + m[6].length + m[7].length + (m[8]?.length ?? 0);
  } else if (m[9] !== undefined) {
    number = m[9];
    figureStart = m.index;
    figureEnd = m.index + whole.indexOf(m[10]) + m[10].length;
    points = true;
  } else {
    number = m[12];
    figureStart = m.index + whole.indexOf(m[12], 2);
    figureEnd = m.index + whole.length;
    points = true;
  }
  const figure = whole.slice(figureStart - m.index, figureEnd - m.index).replace(/\s+/g, ' ');
  return { range: { start: offset + figureStart, end: offset + figureEnd }, figure, number, attributive, points };
}

// The nearest measure word shortly before the figure decides; failing that, a rate word just after
// it or another percentage in the sentence. Windows keep the work per figure bounded.
const LOOK_BEHIND = 120;

function aboutRates(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - LOOK_BEHIND), start);
  let rate = lastMatch(RATE_WORD, before);
  if (rate >= 0 && COUNT_BEFORE.test(before.slice(Math.max(0, rate - 20), rate))) rate = -1;
  const count = lastMatch(COUNT_WORD, before);
  if (rate >= 0 || count >= 0) return rate > count;
  RATE_WORD.lastIndex = 0;
  if (RATE_WORD.test(text.slice(end, end + 60))) return true;
  return otherPercentages(text);
}

/** Whether the sentence gives more than one percentage; counted only when a figure needs it. */
function otherPercentages(text: string): boolean {
  OTHER_PERCENT.lastIndex = 0;
  let count = 0;
  while (OTHER_PERCENT.exec(text) !== null) if (++count > 1) return true;
  return false;
}

function lastMatch(pattern: RegExp, text: string): number {
  let last = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) last = m.index;
  return last;
}
