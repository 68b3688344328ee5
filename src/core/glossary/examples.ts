// Runs an entry's own examples through the checker: each `flag` sentence must draw a finding from
// this entry and each `pass` sentence none, so a glossary edit that breaks matching is caught on load.
import type { Finding, Glossary, GlossaryEntry } from '../types';
import { checkDocument } from '../check';
import { describeValue } from './schema-messages';

export interface ExampleFailure {
  kind: 'flag' | 'pass';
  /** Index within `examples.flag` or `examples.pass`. */
  index: number;
  message: string;
}

export function checkExamples(entry: GlossaryEntry): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  // One glossary object per entry, so its term index is compiled once for all the examples.
  const glossary: Glossary = { entries: [entry] };
  const entryFindings = (sentence: string): Finding[] =>
    checkDocument(sentence, { glossary }).findings.filter((f) => f.data?.entryId === entry.id);
  entry.examples?.flag.forEach((sentence, index) => {
    if (entryFindings(sentence).length === 0) {
      failures.push({ kind: 'flag', index, message: `the \`flag\` example ${describeValue(sentence)} is not flagged. Check the spelling of the forms it should catch.` });
    }
  });
  entry.examples?.pass.forEach((sentence, index) => {
    const found = entryFindings(sentence);
    if (found.length > 0) {
      failures.push({ kind: 'pass', index, message: `the \`pass\` example ${describeValue(sentence)} is flagged by ${found[0].ruleId} (“${found[0].message}”).` });
    }
  });
  return failures;
}
