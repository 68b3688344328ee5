// Property-based robustness tests: arbitrary bulletins (a grammar of bulletin constructs mixed with
// hostile Unicode) never break the checker's contracts.
//
//   PROPERTY_RUNS   documents per property (default 300; `npm run test:properties` uses 10,000)
//   PROPERTY_SEED   fast-check seed (default fixed, printed, so a failure can be replayed)
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { checkDocument, CheckCache, type CheckResult } from '../../src/core/check';
import type { Finding, TextRange } from '../../src/core/types';
import { applyChange, bulletin, textChange } from '../fixtures/hostile/bulletin-arbitrary';
import { testGlossary } from '../fixtures/hostile/glossary';

export const PROPERTY_RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
export const PROPERTY_SEED = Number(process.env.PROPERTY_SEED ?? 20230830);

const { glossary, origin } = testGlossary();
const settings = { numRuns: PROPERTY_RUNS, seed: PROPERTY_SEED };

/** Findings that report a malformed comment or front-matter declaration sit on markup, not prose. */
const MARKUP_RULES = new Set(['invalid-suppression', 'invalid-annotation']);

function check(text: string): CheckResult {
  return checkDocument(text, { glossary });
}

function within(inner: TextRange, outer: TextRange): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** A prose character: unmasked (masked equals the text there) and not a space, tab or line break. */
function isProseAt(result: CheckResult, offset: number): boolean {
  const ch = result.prose.masked[offset];
  return ch === result.prose.text[offset] && ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r';
}

function describeFinding(f: Finding, text: string): string {
  return `${f.ruleId} [${f.range.start}, ${f.range.end}) ${JSON.stringify(text.slice(f.range.start, f.range.end))}: ${f.message}`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of one astral character. */
function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

describe('properties of checkDocument on arbitrary bulletins', function () {
  this.timeout(Math.max(60_000, PROPERTY_RUNS * 60));

  before(() => {
    console.log(`      property tests: seed ${PROPERTY_SEED}, ${PROPERTY_RUNS} documents per property, ${origin} glossary`);
  });

  it('never throws, no rule fails, and the masked text keeps every offset', () => {
    fc.assert(
      fc.property(bulletin, (text) => {
        const result = check(text);
        assert.deepEqual(result.ruleFailures, []);
        const { masked } = result.prose;
        assert.equal(masked.length, text.length);
        for (let i = 0; i < text.length; i++) {
          const m = masked.charCodeAt(i);
          const t = text.charCodeAt(i);
          if (m !== t) assert.equal(m, 0x20, `masked character at ${i} is neither the text's nor a space`);
          if (t === 0x0a || t === 0x0d) assert.equal(m, t, `line break at ${i} kept in the masked text`);
        }
      }),
      settings,
    );
  });

  it('reports every finding inside the document and on prose (or, for markup problems, on a comment)', () => {
    fc.assert(
      fc.property(bulletin, (text) => {
        const result = check(text);
        const markup: TextRange[] = result.prose.comments.map((c) => c.range);
        if (result.prose.frontMatter) markup.push(result.prose.frontMatter.range);
        for (const f of result.findings) {
          const where = describeFinding(f, text);
          assert.ok(Number.isInteger(f.range.start) && Number.isInteger(f.range.end), `integer offsets: ${where}`);
          assert.ok(0 <= f.range.start && f.range.start <= f.range.end && f.range.end <= text.length, `inside the document: ${where}`);
          if (MARKUP_RULES.has(f.ruleId)) {
            assert.ok(markup.some((m) => within(f.range, m)), `on a comment or the front matter: ${where}`);
          } else if (f.range.end > f.range.start) {
            assert.ok(isProseAt(result, f.range.start), `starts on prose: ${where}`);
            assert.ok(isProseAt(result, f.range.end - 1), `ends on prose: ${where}`);
          }
        }
      }),
      settings,
    );
  });

  it('gives the same findings for the same text, whatever was checked before', () => {
    fc.assert(
      fc.property(bulletin, bulletin, (text, other) => {
        const first = check(text).findings;
        check(other);
        const again = check(text).findings;
        assert.deepEqual(again, first);
      }),
      settings,
    );
  });

  it('offers fixes whose edits stay inside the document, never overlap, keep characters whole and check cleanly', () => {
    fc.assert(
      fc.property(bulletin, (text) => {
        // Every fix's edits are validated; one fix per rule is applied and re-checked, to bound the cost.
        const recheckedRules = new Set<string>();
        for (const finding of check(text).findings) {
          for (const fix of finding.fixes) {
            const edits = [...fix.edits].sort((a, b) => a.range.start - b.range.start);
            let previousEnd = 0;
            for (const edit of edits) {
              const where = `${fix.title} for ${describeFinding(finding, text)}`;
              assert.ok(edit.range.start >= previousEnd, `edits do not overlap: ${where}`);
              assert.ok(edit.range.start <= edit.range.end && edit.range.end <= text.length, `edit inside the document: ${where}`);
              assert.ok(!splitsSurrogatePair(text, edit.range.start) && !splitsSurrogatePair(text, edit.range.end), `edit keeps characters whole: ${where}`);
              previousEnd = edit.range.end;
            }
            if (recheckedRules.has(finding.ruleId)) continue;
            recheckedRules.add(finding.ruleId);
            // Apply from the end so earlier offsets stay valid.
            let fixed = text;
            for (const edit of [...edits].reverse()) fixed = fixed.slice(0, edit.range.start) + edit.newText + fixed.slice(edit.range.end);
            assert.deepEqual(check(fixed).ruleFailures, []);
          }
        }
      }),
      settings,
    );
  });

  it('gives the same result re-checking edit by edit with a cache as checking the final text afresh', () => {
    fc.assert(
      fc.property(bulletin, fc.array(textChange, { minLength: 1, maxLength: 6 }), (start, changes) => {
        const cache = new CheckCache();
        let text = start;
        let incremental = checkDocument(text, { glossary, cache });
        for (const change of changes) {
          text = applyChange(text, change);
          incremental = checkDocument(text, { glossary, cache });
        }
        const full = check(text);
        assert.deepEqual(incremental.findings, full.findings);
        assert.deepEqual(incremental.sentences, full.sentences);
        assert.deepEqual(incremental.termMatches, full.termMatches);
        assert.deepEqual(incremental.claims, full.claims);
      }),
      settings,
    );
  });
});
