import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { runCli } from '../../src/cli/run';
import { artifactLocation } from '../../src/cli/formats/sarif';
import { registerFixtureRules, unregisterFixtureRules } from '../fixtures/cli/fixture-rules';
import { FIXTURES, memoryIo, onlyFixtureRules } from '../fixtures/cli/memory-io';

// The official SARIF 2.1.0 schema, copied with its licence note (see the .LICENCE.md beside it).
const schema = JSON.parse(readFileSync(path.join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8'));

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; helpUri: string; defaultConfiguration: { level: string } }[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
    }[];
  }[];
}

async function sarifFor(targets: string[]): Promise<{ log: SarifLog; code: number }> {
  const io = memoryIo(FIXTURES);
  const code = await runCli([...onlyFixtureRules(), '--no-default-glossary', '--jobs', '1', '--format', 'sarif', ...targets], io);
  return { log: JSON.parse(io.out) as SarifLog, code };
}

describe('SARIF output', () => {
  before(registerFixtureRules);
  after(unregisterFixtureRules);

  // The published schema has a pattern that is invalid with the u flag (a stray ']'), so regexes run without it.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('validates against the SARIF 2.1.0 JSON schema', async () => {
    const { log } = await sarifFor(['project', 'positions']);
    assert.ok(log.runs[0].results.length > 0);
    assert.ok(validate(log), ajv.errorsText(validate.errors, { separator: '\n' }));
  });

  it('the schema check is real: a result without a message fails it', async () => {
    const { log } = await sarifFor(['project']);
    delete (log.runs[0].results[0] as { message?: unknown }).message;
    assert.equal(validate(log), false);
  });

  it('names the tool and its version, and links rule help only to a repository package.json declares', async () => {
    const { log } = await sarifFor(['project']);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'Bulletin Checker');
    assert.equal(driver.version, JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')).version);
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));
    const fixture = driver.rules.find((r) => r.id === 'fixture-error')!;
    if (manifest.repository || manifest.homepage) {
      assert.match(driver.informationUri, /^https:\/\//);
      assert.match(fixture.helpUri, /\/docs\/rules\/fixture-error\.md$/);
    } else {
      // No address is invented when the manifest names none.
      assert.equal(driver.informationUri, undefined);
      assert.equal(fixture.helpUri, undefined);
    }
    assert.equal(fixture.defaultConfiguration.level, 'error');
    assert.equal(driver.rules.find((r) => r.id === 'fixture-note')!.defaultConfiguration.level, 'note');
  });

  it('places results by relative URI under %SRCROOT% with 1-based UTF-16 regions, and ruleIndex pointing at the rule', async () => {
    const { log, code } = await sarifFor(['positions/crlf.md', 'project/b-warnings.md']);
    assert.equal(code, 1);
    const run = log.runs[0];
    const places = run.results.map((r) => {
      const location = r.locations[0].physicalLocation;
      assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
      return [location.artifactLocation.uri, location.artifactLocation.uriBaseId, r.level, location.region];
    });
    const region = (line: number, startColumn: number, endColumn: number) => ({ startLine: line, startColumn, endLine: line, endColumn });
    assert.deepEqual(places, [
      ['positions/crlf.md', '%SRCROOT%', 'error', region(1, 8, 15)],
      ['positions/crlf.md', '%SRCROOT%', 'warning', region(3, 10, 18)],
      ['positions/crlf.md', '%SRCROOT%', 'error', region(3, 24, 31)],
      ['positions/crlf.md', '%SRCROOT%', 'error', region(5, 1, 8)],
      ['project/b-warnings.md', '%SRCROOT%', 'warning', region(3, 8, 16)],
      ['project/b-warnings.md', '%SRCROOT%', 'note', region(3, 23, 31)],
    ]);
  });

  it('records files that could not be checked as notifications and marks the run unsuccessful', async () => {
    const { log, code } = await sarifFor(['project/c-clean.md', 'missing.md']);
    assert.equal(code, 2);
    const invocation = log.runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(invocation.toolExecutionNotifications, [{ level: 'error', message: { text: 'missing.md: cannot read: no such file or directory' } }]);
    assert.ok(validate(log), ajv.errorsText(validate.errors));
  });

  it('percent-encodes paths and uses an absolute file URI outside the working folder', () => {
    assert.deepEqual(artifactLocation('/repo', '/repo/docs/June bulletin #2.md'), { uri: 'docs/June%20bulletin%20%232.md', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation('/repo', '/elsewhere/a.md'), { uri: 'file:///elsewhere/a.md' });
  });
});
