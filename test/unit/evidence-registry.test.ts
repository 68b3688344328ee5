import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { mergeRegistries, parseRegistry } from '../../src/core/claims/registry';

const root = join(__dirname, '..', '..');

describe('evidence registry', () => {
  it('loads sources with their design, SMS level and where each was defined', () => {
    const text = [
      'version: 1',
      'sources:',
      '  okafor2021:',
      '    title: Random allocation to enhanced supervision',
      '    authors: [Okafor, Lindqvist]',
      '    year: 2021',
      '    url: https://example.org/okafor2021',
      '    design: randomised controlled trial',
      '    sms: 5',
      '  brennan2022: { title: Caseload thresholds, design: regression discontinuity }',
    ].join('\n');
    const { registry, problems } = parseRegistry(text, 'evidence.yaml');
    assert.deepEqual(problems, []);
    const okafor = registry.entries.get('okafor2021');
    assert.equal(okafor?.sms, 5);
    assert.deepEqual(okafor?.authors, ['Okafor', 'Lindqvist']);
    assert.deepEqual(okafor?.origin, { file: 'evidence.yaml', line: 2, column: 2 });
    assert.equal(registry.entries.get('brennan2022')?.sms, 4, 'SMS level implied by the design');
  });

  it('skips a bad entry with a positioned problem and keeps the rest', () => {
    const text = ['version: 1', 'sources:', '  good: { title: Good study, sms: 3 }', '  bad: { title: Bad study, sms: 7 }'].join('\n');
    const { registry, problems } = parseRegistry(text, 'r.yaml');
    assert.deepEqual([...registry.entries.keys()], ['good']);
    assert.equal(problems.length, 1);
    const [problem] = problems;
    assert.equal(problem.severity, 'error');
    assert.match(problem.message, /Source “bad” skipped: `sms` must be a whole number from 1 to 5.*not “7”/);
    assert.deepEqual([problem.line, problem.column, problem.endLine, problem.endColumn], [3, 32, 3, 33]);
  });

  it('warns about an unknown design and suggests the closest', () => {
    const { registry, problems } = parseRegistry('version: 1\nsources:\n  x: { title: T, design: regresion discontinuity }\n', 'r.yaml');
    assert.equal(problems[0].severity, 'warning');
    assert.match(problems[0].message, /unknown design “regresion discontinuity” \(did you mean “regression discontinuity”\?\)/);
    assert.ok(registry.entries.has('x'));
    assert.match(problems[1].message, /gives no `sms` or known `design`/);
  });

  it('warns about unknown fields, suggesting the intended one', () => {
    const { problems } = parseRegistry('version: 1\nsources:\n  x: { title: T, sms: 2, yaer: 2020 }\n', 'r.yaml');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /unknown field “yaer” \(did you mean “year”\?\)/);
  });

  it('reports YAML syntax errors at their position', () => {
    const { problems } = parseRegistry('version: 1\nsources:\n  x: { title: T\n', 'r.yaml');
    assert.ok(problems.length >= 1);
    assert.match(problems[0].message, /^YAML syntax error/);
    assert.ok(problems[0].line >= 2);
  });

  it('requires version 1 and a sources mapping', () => {
    assert.match(parseRegistry('version: 2\nsources: {}\n', 'r.yaml').problems[0].message, /`version` must be 1, not “2”/);
    assert.match(parseRegistry('version: 1\n', 'r.yaml').problems[0].message, /needs a `sources:` mapping/);
    assert.match(parseRegistry('- a\n- b\n', 'r.yaml').problems[0].message, /must be a mapping/);
  });

  it('refuses an alias bomb quickly with a clear problem', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`);
    }
    lines.push('version: 1', 'sources: { x: { title: *l } }');
    const started = Date.now();
    const { registry, problems } = parseRegistry(lines.join('\n'), 'bomb.yaml');
    assert.ok(Date.now() - started < 1000, 'answers within a second');
    assert.equal(registry.entries.size, 0);
    assert.match(problems[0].message, /too many YAML aliases/);
  });

  it('lets later registries override earlier ones key by key', () => {
    const a = parseRegistry('version: 1\nsources:\n  x: { title: Old, sms: 1 }\n  y: { title: Y, sms: 2 }\n', 'a.yaml').registry;
    const b = parseRegistry('version: 1\nsources:\n  x: { title: New, sms: 4 }\n', 'b.yaml').registry;
    const merged = mergeRegistries([a, b]);
    assert.equal(merged.entries.get('x')?.title, 'New');
    assert.equal(merged.entries.get('y')?.sms, 2);
  });

  it('loads the example registry fixture and agrees with the JSON Schema about it', function () {
    const fixture = join(root, 'test', 'fixtures', 'registry', 'evidence.yaml');
    if (!existsSync(fixture)) this.skip();
    const text = readFileSync(fixture, 'utf8');
    const { registry, problems } = parseRegistry(text, fixture);
    assert.deepEqual(
      problems.filter((p) => p.severity === 'error'),
      [],
    );
    assert.ok(registry.entries.size >= 4);
    const schema = JSON.parse(readFileSync(join(root, 'glossary', 'registry.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate(parseYaml(text)), JSON.stringify(validate.errors));
    assert.equal(validate({ version: 1, sources: { x: { title: 'T', sms: 9 } } }), false);
    assert.equal(validate({ version: 1, sources: { x: { sms: 2 } } }), false, 'title is required');
  });
});
