// Malformed evidence annotations and front-matter `evidence:` declarations.
import type { Rule } from './rule';

const USAGE = [
  '',
  'An evidence annotation looks like `<!-- evidence: sms=4; design="regression discontinuity"; source="@smith2021"; note="…" -->`.',
  '',
  '- `sms`: the Maryland Scientific Methods Scale level, a whole number from 1 to 5;',
  '- `design`: the study design, e.g. observational, difference-in-differences, randomised controlled trial;',
  '- `source`: a citation key from the evidence registry (`@key`) or free text;',
  '- `note`: anything else the reader should know.',
  '',
  'Put it on the same line straight after the sentence it supports, or on the line straight after a paragraph to cover every sentence in it. See docs/evidence.md.',
].join('\n');

export const invalidAnnotation: Rule = {
  id: 'invalid-annotation',
  description: 'Evidence annotations and front-matter evidence must use known keys, an SMS level from 1 to 5, known designs and registered citation keys.',
  defaultSeverity: 'error',
  check(context, report) {
    for (const problem of context.evidence.problems) {
      report({
        range: problem.range,
        message: problem.message,
        // The usage text is one constant: joining it afresh for every problem on every check adds up.
        explanation: `${problem.message}\n${USAGE}`,
        fixes: problem.fixes ?? [],
        ...(problem.severity ? { severity: problem.severity } : {}),
      });
    }
  },
};
