// Token-by-token checks of the annotation grammar, run through the same TextMate engine VS Code uses.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = path.resolve(__dirname, '../..');
const injection = JSON.parse(fs.readFileSync(path.join(root, 'syntaxes/bulletin-annotations.tmLanguage.json'), 'utf8'));
// A stand-in for VS Code's Markdown grammar: the injection only needs its scope name to attach.
const markdownStandIn = { scopeName: 'text.html.markdown', patterns: [{ match: '.', name: 'text.markdown.char' }] };

let grammar: textmate.IGrammar;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'text.html.markdown') return textmate.parseRawGrammar(JSON.stringify(markdownStandIn), 'markdown.json');
      if (scopeName === injection.scopeName) return textmate.parseRawGrammar(JSON.stringify(injection), 'injection.json');
      return null;
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [injection.scopeName] : undefined),
  });
  const loaded = await registry.loadGrammar('text.html.markdown');
  assert.ok(loaded);
  grammar = loaded;
});

/** The innermost scope of each non-blank token, as [text, scope]. */
function tokens(line: string): [string, string][] {
  const result = grammar.tokenizeLine(line, textmate.INITIAL);
  return result.tokens
    .map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]] as [string, string])
    .filter(([text]) => text.trim() !== '');
}

function scopeOf(line: string, text: string): string | undefined {
  return tokens(line).find(([t]) => t === text)?.[1];
}

describe('the annotation grammar', () => {
  const annotation = 'Reoffending fell. <!-- evidence: sms=4; design="regression discontinuity"; source="@smith2021" -->';

  it('colours the evidence keyword, each key, the SMS level and the values', () => {
    assert.equal(scopeOf(annotation, 'evidence'), 'keyword.other.evidence.bulletin');
    assert.equal(scopeOf(annotation, 'sms'), 'variable.other.key.sms.bulletin');
    assert.equal(scopeOf(annotation, '4'), 'constant.numeric.sms.bulletin');
    assert.equal(scopeOf(annotation, 'design'), 'variable.other.key.bulletin');
    assert.equal(scopeOf(annotation, '"regression discontinuity"'), 'string.quoted.double.bulletin');
    assert.equal(scopeOf(annotation, 'smith2021'), 'entity.name.citation-key.bulletin');
    assert.equal(scopeOf(annotation, '-->'), 'punctuation.definition.comment.end.bulletin');
  });

  it('leaves the prose before the annotation to Markdown', () => {
    assert.equal(scopeOf(annotation, 'R'), 'text.markdown.char');
  });

  it('marks an SMS level outside 1–5 as invalid', () => {
    assert.equal(scopeOf('<!-- evidence: sms=7 -->', '7'), 'invalid.illegal.sms.bulletin');
    assert.equal(scopeOf('<!-- evidence: sms=high -->', 'high'), 'invalid.illegal.sms.bulletin');
  });

  it('colours citation keys inside Pandoc citations, including several in one bracket', () => {
    const line = 'Completion was higher [see @smith2021, p. 4; @jones2019].';
    assert.equal(scopeOf(line, 'smith2021'), 'entity.name.citation-key.bulletin');
    assert.equal(scopeOf(line, 'jones2019'), 'entity.name.citation-key.bulletin');
    assert.equal(scopeOf(line, '['), 'punctuation.definition.citation.begin.bulletin');
  });

  it('does not treat an e-mail address or an ordinary link as a citation', () => {
    const line = 'Write to research@example.org or see [the report](https://example.org).';
    assert.ok(!tokens(line).some(([, scope]) => scope.includes('citation')));
  });

  it('colours suppression comments, their rule names and the reason', () => {
    const line = '<!-- bulletin-checker-disable-next-line unsupported-causal-claim -- quoting the press release -->';
    assert.equal(scopeOf(line, 'bulletin-checker-disable-next-line'), 'keyword.control.suppression.bulletin');
    assert.equal(scopeOf(line, 'unsupported-causal-claim'), 'entity.name.tag.rule.bulletin');
    assert.ok(tokens(line).some(([t, s]) => s === 'comment.line.reason.bulletin' && t.includes('quoting the press release')));
  });

  it('leaves ordinary HTML comments alone', () => {
    assert.ok(!tokens('<!-- a note to self -->').some(([, scope]) => scope.endsWith('.bulletin')));
  });
});
