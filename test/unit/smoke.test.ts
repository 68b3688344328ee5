import * as assert from 'node:assert/strict';
import { checkDocument } from '../../src/core/check';

describe('checkDocument', () => {
  it('returns no findings for an empty document', () => {
    const result = checkDocument('');
    assert.deepEqual(result.findings, []);
  });
});
