import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import validateGlossary from '../../src/core/glossary/validate-glossary.generated';

const root = join(__dirname, '../..');

describe('glossary schema', () => {
  it('has a precompiled validator that matches glossary.schema.json', () => {
    // Exits non-zero (and the test fails) when someone edits the schema without regenerating.
    const output = execFileSync(process.execPath, [join(root, 'scripts/generate-glossary-validator.mjs'), '--check'], { encoding: 'utf8' });
    assert.match(output, /matches the schema/);
  });

  it('accepts the test glossary and the shipped default glossary', () => {
    for (const file of ['test/fixtures/glossaries/small.yaml', 'glossary/default.yaml']) {
      const valid = validateGlossary(parse(readFileSync(join(root, file), 'utf8')));
      assert.equal(valid, true, `${file}: ${JSON.stringify(validateGlossary.errors)}`);
    }
  });

  it('rejects what the format forbids', () => {
    const entry = { term: 'Desistance', definition: 'Stopping offending.' };
    const invalid: unknown[] = [
      { entries: [{ term: 'Desistance' }] },
      { entries: [{ ...entry, keyMessages: [{ message: 'm', evidence: 'strong' }] }] },
      { entries: [{ ...entry, keyMessages: [{ message: 'm', evidence: 6 }] }] },
      { entries: [{ ...entry, aliases: 'desist' }] },
      { entries: [{ ...entry, aliases: [''] }] },
      { entries: [{ ...entry, discouraged: [{ form: 'offender', preferred: 'person on probation' }] }] },
      { entries: [{ ...entry, sources: [{ title: 'T', url: 'javascript:alert(1)' }] }] },
      { version: 2, entries: [] },
    ];
    for (const data of invalid) assert.equal(validateGlossary(data), false, JSON.stringify(data));
    assert.equal(validateGlossary({ version: 1, entries: [{ ...entry, keyMessages: [{ message: 'm', evidence: 3 }] }] }), true);
  });

  it('describes every field in British English for the editor', () => {
    const schema = readFileSync(join(root, 'glossary/glossary.schema.json'), 'utf8');
    assert.doesNotMatch(schema, /\b(?:color|behavior|organization|capitalization|recognize)\b/i);
    const entryProperties = JSON.parse(schema).definitions.entry.properties as Record<string, { description?: string; $ref?: string }>;
    for (const [name, property] of Object.entries(entryProperties)) {
      assert.ok(property.description || property.$ref === '#/definitions/sources', `${name} has no description`);
    }
  });
});
