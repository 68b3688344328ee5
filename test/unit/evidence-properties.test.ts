// Robustness of the evidence layer on arbitrary input: nothing throws, every range points inside
// the text it came from.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findCitations } from '../../src/core/claims/citations';
import { parseRegistry } from '../../src/core/claims/registry';
import { buildContext } from './evidence-fixtures';

const RUNS = Number(process.env.EVIDENCE_PROPERTY_RUNS ?? 200);
const SEED = 20230830;

const annotationPart = fc.constantFrom('sms', 'design', 'source', 'note', 'desing', '=', ';', '"', ':', ' ', '4', '9', '?', '@smith2021', 'regression discontinuity', '\n', '“', '”');
const annotationBody = fc.array(fc.oneof(annotationPart, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 20 }).map((parts) => parts.join(''));

describe('evidence layer on arbitrary input', () => {
  it('finds citations whose key ranges cover exactly the keys', () => {
    const piece = fc.oneof(fc.constantFrom('[@a]', '[see @b; -@c, p. 4]', '[', ']', '@', ' ', '\n', '(x)'), fc.string({ maxLength: 5 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (text) => {
        for (const citation of findCitations(text)) {
          assert.ok(citation.range.start >= 0 && citation.range.end <= text.length);
          for (const key of citation.keys) {
            assert.equal(text.slice(key.range.start, key.range.end), key.key);
            assert.equal(text[key.range.start - 1], '@');
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('parses any annotation without throwing and reports problems inside the comment', () => {
    fc.assert(
      fc.property(annotationBody, fc.boolean(), (body, ownLine) => {
        const sentence = 'Supervision cuts reoffending.';
        const text = `${sentence}${ownLine ? '\n' : ' '}<!-- evidence: ${body.replace(/-->/g, '')} -->\n`;
        const context = buildContext(text, { claims: [{ sentence, label: 'direct_causal', cues: [{ text: 'cuts' }] }] });
        for (const problem of context.evidence.problems) {
          assert.ok(problem.range.start >= sentence.length && problem.range.end <= text.length, JSON.stringify(problem));
          assert.ok(problem.range.start <= problem.range.end);
        }
        const sms = context.claims[0].evidence.sms;
        assert.ok(sms === undefined || (Number.isInteger(sms) && sms >= 1 && sms <= 5));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('parses any registry text without throwing, with problems on real lines', () => {
    const yamlPiece = fc.constantFrom('version: 1\n', 'sources:\n', '  a: { title: T, sms: 3 }\n', '  b:\n    sms: 9\n', '&x ', '*x', '[', '{', ': ', '\n', '- ', '"');
    fc.assert(
      fc.property(fc.array(yamlPiece, { maxLength: 15 }).map((p) => p.join('')), (text) => {
        const lines = text.split('\n').length;
        const { problems } = parseRegistry(text, 'r.yaml');
        for (const p of problems) assert.ok(p.line >= 0 && p.line <= lines && p.endLine >= p.line, JSON.stringify(p));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
