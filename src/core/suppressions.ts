// Suppression comments: `<!-- bulletin-checker-disable-next-line RULE[, RULE…] -- reason -->` and
// friends (see docs/suppressions.md). Unknown rule names are reported, never silently ignored.
import { LineIndex } from './text/lineIndex';
import type { Finding, Fix, HtmlComment, ProseModel, TextRange } from './types';

export interface Suppressions {
  /** Rule id under which problems with suppression comments are reported. */
  ruleId: string;
  problems: Omit<Finding, 'severity'>[];
  isSuppressed(ruleId: string, range: TextRange): boolean;
}

export const INVALID_SUPPRESSION = 'invalid-suppression';

const PREFIX = 'bulletin-checker-';
const DIRECTIVES = ['disable-next-line', 'disable-line', 'disable-file', 'disable', 'enable'] as const;
type Directive = (typeof DIRECTIVES)[number];
const DIRECTIVE_AT = /^bulletin-checker-([a-z-]+)(?=\s|$)/;
const RULE_NAME = /[^\s,]+/g;

/** Which rules are off: all of them (less exceptions) and/or a named few. */
interface RuleState {
  all: boolean;
  except: Set<string>;
  rules: Set<string>;
}

interface RuleName {
  name: string;
  start: number;
  end: number;
}

export function parseSuppressions(prose: ProseModel, knownRuleIds: Set<string>): Suppressions {
  const problems: Omit<Finding, 'severity'>[] = [];
  const directives = prose.comments.filter((c) => c.body.startsWith(PREFIX));
  if (directives.length === 0) return { ruleId: INVALID_SUPPRESSION, problems, isSuppressed: () => false };

  const known = new Set(knownRuleIds);
  known.add(INVALID_SUPPRESSION);
  const lines = new LineIndex(prose.text);
  const byLine = new Map<number, RuleState>();
  const fileWide: RuleState = emptyState();
  const timeline: { at: number; state: RuleState }[] = [];
  let current = emptyState();

  for (const comment of directives) {
    const parsed = readDirective(comment, known, problems);
    if (!parsed) continue;
    const { directive, rules } = parsed;
    if (directive === 'disable' || directive === 'enable') {
      current = cloneState(current);
      if (directive === 'disable') disable(current, rules);
      else enable(current, rules);
      timeline.push({ at: comment.range.end, state: current });
    } else if (directive === 'disable-file') {
      disable(fileWide, rules);
    } else {
      const first = lines.lineOf(comment.range.start);
      const last = lines.lineOf(comment.range.end);
      const targets = directive === 'disable-line' ? range(first, last) : [nextNonBlankLine(prose.text, lines, last + 1)];
      for (const line of targets) {
        if (line < 0) continue;
        const state = byLine.get(line) ?? emptyState();
        disable(state, rules);
        byLine.set(line, state);
      }
    }
  }

  const isSuppressed = (ruleId: string, at: TextRange): boolean => {
    if (isOff(fileWide, ruleId)) return true;
    if (byLine.size > 0) {
      const state = byLine.get(lines.lineOf(at.start));
      if (state && isOff(state, ruleId)) return true;
    }
    const state = stateAt(timeline, at.start);
    return state !== undefined && isOff(state, ruleId);
  };
  return { ruleId: INVALID_SUPPRESSION, problems, isSuppressed };
}

/** Reads one comment's directive and rule list, reporting unknown names; undefined if unusable. */
function readDirective(
  comment: HtmlComment,
  known: Set<string>,
  problems: Omit<Finding, 'severity'>[],
): { directive: Directive; rules: string[] } | undefined {
  const body = comment.body;
  const head = DIRECTIVE_AT.exec(body);
  const word = head ? head[1] : body.slice(PREFIX.length).split(/\s/, 1)[0];
  const directive = DIRECTIVES.find((d) => d === word);
  if (!head || !directive) {
    const start = comment.bodyStart;
    const end = start + PREFIX.length + word.length;
    const suggestion = closest(word, DIRECTIVES);
    problems.push({
      ruleId: INVALID_SUPPRESSION,
      range: { start, end },
      message: `Unknown suppression directive "${PREFIX}${word}"${suggestion.length ? `; did you mean "${PREFIX}${suggestion[0]}"?` : '.'}`,
      explanation:
        'Suppression comments start with one of `bulletin-checker-disable-next-line`, ' +
        '`bulletin-checker-disable-line`, `bulletin-checker-disable`, `bulletin-checker-enable` or ' +
        '`bulletin-checker-disable-file`. This comment has no effect until the directive is corrected.',
      fixes: suggestion.length
        ? [{ title: `Change to "${PREFIX}${suggestion[0]}"`, edits: [{ range: { start, end }, newText: PREFIX + suggestion[0] }], isPreferred: true }]
        : [],
    });
    return undefined;
  }
  const names = ruleNames(body, head[0].length, comment.bodyStart);
  const rules: string[] = [];
  for (const name of names) {
    if (known.has(name.name)) rules.push(name.name);
    else problems.push(unknownRuleProblem(name, names, known));
  }
  // A list made only of unknown names must not silently widen to "all rules".
  if (names.length > 0 && rules.length === 0) return undefined;
  return { directive, rules };
}

/** Rule names after the directive, up to ` -- reason`, with document offsets. */
function ruleNames(body: string, from: number, bodyStart: number): RuleName[] {
  const reason = body.indexOf('--', from);
  const list = body.slice(0, reason < 0 ? body.length : reason);
  const names: RuleName[] = [];
  RULE_NAME.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = RULE_NAME.exec(list)) !== null) {
    names.push({ name: match[0], start: bodyStart + match.index, end: bodyStart + match.index + match[0].length });
  }
  return names;
}

function unknownRuleProblem(name: RuleName, all: RuleName[], known: Set<string>): Omit<Finding, 'severity'> {
  const suggestions = closest(name.name, [...known]);
  const fixes: Fix[] = [];
  if (suggestions.length === 1) {
    fixes.push({
      title: `Change to "${suggestions[0]}"`,
      edits: [{ range: { start: name.start, end: name.end }, newText: suggestions[0] }],
      isPreferred: true,
    });
  }
  if (all.length > 1) fixes.push({ title: `Remove "${name.name}"`, edits: [removalEdit(name, all)] });
  const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
  return {
    ruleId: INVALID_SUPPRESSION,
    range: { start: name.start, end: name.end },
    message: `Unknown rule "${name.name}" in suppression comment.${hint}`,
    explanation:
      `No rule is called \`${name.name}\`, so this comment suppresses nothing for it. ` +
      'Use a rule id as shown in the Problems panel or the CLI output, or remove the name.',
    fixes,
    data: { unknownRule: name.name, suggestions },
  };
}

/** Deletes a name from a list such as `a, b c`, taking one separator with it. */
function removalEdit(name: RuleName, all: RuleName[]): { range: TextRange; newText: string } {
  const index = all.indexOf(name);
  const next = all[index + 1];
  if (next) return { range: { start: name.start, end: next.start }, newText: '' };
  const previous = all[index - 1];
  return { range: { start: previous.end, end: name.end }, newText: '' };
}

/** Candidates within a small edit distance of `word`, nearest first (at most three). */
function closest(word: string, candidates: readonly string[]): string[] {
  if (word.length > 64) return [];
  const limit = Math.max(2, Math.floor(word.length / 3));
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(word.toLowerCase(), candidate) }))
    .filter((c) => c.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, 3)
    .map((c) => c.candidate);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 10) return Math.abs(a.length - b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}

function emptyState(): RuleState {
  return { all: false, except: new Set(), rules: new Set() };
}

function cloneState(state: RuleState): RuleState {
  return { all: state.all, except: new Set(state.except), rules: new Set(state.rules) };
}

function disable(state: RuleState, rules: string[]): void {
  if (rules.length === 0) {
    state.all = true;
    state.except.clear();
    state.rules.clear();
    return;
  }
  for (const rule of rules) {
    state.rules.add(rule);
    state.except.delete(rule);
  }
}

function enable(state: RuleState, rules: string[]): void {
  if (rules.length === 0) {
    state.all = false;
    state.except.clear();
    state.rules.clear();
    return;
  }
  for (const rule of rules) {
    state.rules.delete(rule);
    if (state.all) state.except.add(rule);
  }
}

function isOff(state: RuleState, ruleId: string): boolean {
  return state.rules.has(ruleId) || (state.all && !state.except.has(ruleId));
}

/** The disable/enable state in force at `offset` (the last change before it). */
function stateAt(timeline: { at: number; state: RuleState }[], offset: number): RuleState | undefined {
  let low = 0;
  let high = timeline.length - 1;
  let found: RuleState | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (timeline[mid].at <= offset) {
      found = timeline[mid].state;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

function range(from: number, to: number): number[] {
  const lines: number[] = [];
  for (let line = from; line <= to; line++) lines.push(line);
  return lines;
}

/** The first line at or after `line` holding more than whitespace, or -1. */
function nextNonBlankLine(text: string, lines: LineIndex, line: number): number {
  for (let l = line; l < lines.lineCount; l++) {
    const end = l + 1 < lines.lineCount ? lines.startOf(l + 1) : text.length;
    if (/\S/.test(text.slice(lines.startOf(l), end))) return l;
  }
  return -1;
}
