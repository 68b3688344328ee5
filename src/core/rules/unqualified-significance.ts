// "Significant" with nothing to say whether it is statistical significance or just "large".
import type { Fix } from '../types';
import type { Rule, RuleReport } from './rule';

const SIGNIFICANT = /\b(significant(?:ly)?)\b/gi;
// Anything in the sentence that marks the word as statistical.
const QUALIFIER =
  /\b(?:statistical(?:ly)?|p\s*[<>=≤≥]|p-values?|p values?|confidence intervals?|CIs?|chi-squared?|t-tests?|tests?|tested|odds ratios?|standard errors?|significance level)\b|\(p\b|\d\s?% level|χ²|α\s*=/i;

export const unqualifiedSignificance: Rule = {
  id: 'unqualified-significance',
  description: '“Significant” should say whether it means statistically significant or simply large.',
  defaultSeverity: 'information',
  scope: 'block',
  check(context, report) {
    for (const sentence of context.sentences) checkSentence(sentence.text, sentence.range.start, report);
  },
  checkBlock(block, report) {
    // Most blocks never say "significant": skipped whole, without a string per sentence.
    if (!/significant/i.test(block.text)) return;
    for (const s of block.sentences) checkSentence(block.text.slice(s.start, s.end), s.start, report);
  },
};

/** Reports unqualified uses in one sentence's masked text; `offset` is where the sentence starts. */
function checkSentence(text: string, offset: number, report: (finding: RuleReport) => void): void {
  if (!/significant/i.test(text) || QUALIFIER.test(text)) return;
  SIGNIFICANT.lastIndex = 0;
  for (let m = SIGNIFICANT.exec(text); m; m = SIGNIFICANT.exec(text)) {
    if (/non-$/i.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    const word = m[1];
    const range = { start: offset + m.index, end: offset + m.index + word.length };
    const adverb = word.toLowerCase().endsWith('ly');
    const options = adverb ? ['statistically significantly', 'substantially'] : ['statistically significant', 'substantial'];
    const fixes: Fix[] = options.map((option) => {
      const newText = word[0] === word[0].toUpperCase() ? option[0].toUpperCase() + option.slice(1) : option;
      return { title: `Change to “${newText}”`, edits: [{ range, newText }] };
    });
    report({
      range,
      message: `“${word}” could mean statistically significant or simply large; say which (e.g. “${options[0]} (p < 0.05)” or “${options[1]}”).`,
      explanation: [
        '**Which kind of significant?** Statistical significance says a difference is unlikely to be chance alone; it says nothing about whether the difference is big or matters. In everyday English “significant” means large or important.',
        '',
        'Nothing in this sentence (such as “statistically”, a p-value, a confidence interval or a named test) says which is meant.',
        '',
        `**To resolve:** write “${options[0]}” and give the test or p-value, or use “${options[1]}” / “large” if you mean size.`,
      ].join('\n'),
      fixes,
    });
  }
}
