import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../src/core/text/lineIndex';

// The obvious character-by-character walk, to compare the binary search against.
function slowPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

describe('offset to line and column conversion', () => {
  it('counts LF, CRLF and a lone CR each as one line end', () => {
    const text = 'a\nb\r\nc\rd';
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(lines.position(text.indexOf('b')), { line: 2, column: 1 });
    assert.deepEqual(lines.position(text.indexOf('c')), { line: 3, column: 1 });
    assert.deepEqual(lines.position(text.indexOf('d')), { line: 4, column: 1 });
  });

  it('counts columns in UTF-16 code units, so an emoji takes two', () => {
    const text = 'x😀y';
    assert.deepEqual(new LineIndex(text).position(text.indexOf('y')), { line: 1, column: 4 });
  });

  it('places the end of the text after its last character', () => {
    assert.deepEqual(new LineIndex('ab\n').position(3), { line: 2, column: 1 });
    assert.deepEqual(new LineIndex('').position(0), { line: 1, column: 1 });
  });

  it('agrees with a plain walk for any text made of line ends and other characters', () => {
    const pieces = fc.constantFrom('\n', '\r', '\r\n', 'a', 'é', '😀', ' ');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), fc.nat(), (parts, seed) => {
        const text = parts.join('');
        const offset = text.length === 0 ? 0 : seed % (text.length + 1);
        assert.deepEqual(new LineIndex(text).position(offset), slowPosition(text, offset));
      }),
    );
  });
});
