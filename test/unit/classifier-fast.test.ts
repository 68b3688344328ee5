// The classifier's fast route (numeric scan, reused buffers, remembered hashes) against plain
// references: a string tokenizer written the obvious way, and the named feature route.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifySentence, getDefaultModel } from '../../src/core/claims/classifier';
import { analyseCues, CueScan } from '../../src/core/claims/cues';
import { collectFeatures, extractFeatures, FeatureBuffer, type FeatureConfig } from '../../src/core/claims/features';
import { CLAIM_LABELS, predictProbabilities, scoreFeatures, type LinearModel } from '../../src/core/claims/model';
import { knownWordId, tokenize, WordScan } from '../../src/core/claims/tokens';

/** The tokenizer's rule spelt out with strings: word characters, inner apostrophes, lower case. */
function referenceTokens(text: string): { word: string; start: number; end: number }[] {
  const isWord = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    if (!isWord(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i++;
    for (;;) {
      if (i < text.length && isWord(text.charCodeAt(i))) i++;
      else if (i + 1 < text.length && (text[i] === "'" || text[i] === '\u2019') && isWord(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    tokens.push({ word: text.slice(start, i).toLowerCase().replace(/\u2019/g, "'"), start, end: i });
  }
  return tokens;
}

const EDGE_CASES = [
  '',
  ' ',
  '?',
  'It didn\u2019t cut reoffending.',
  "Rock'n'roll isn't 'quoted' here'",
  'İstanbul İİ reduced crime; ÇAĞ and straße.',
  'Ǆemal ǅ ǆ, Ÿ ÿ, × ÷ are not letters.',
  'x'.repeat(5000) + ' reduces ' + 'é'.repeat(300),
  'Programmes reduce reoffending; trust cut harm; rates lower.',
  'We linked 3,000 cases to nDelius records.',
  'Does supervision cut reoffending? It does not prove causation.',
  'Makes a difference to whether people reoffend.',
  'Further research is needed to establish whether tagging could reduce reoffending.',
  'The relationship between A and B; relationships drive change.',
  'Was reduced, the reduced risk, reduced by 12%.',
  "?start, it's?, x'?y, end?",
  "Is it\u2019?",
  // Plain ASCII up to 4096 characters takes the byte path; longer, the general one.
  "Programmes didn't reduce it? ".repeat(141).slice(0, 4096),
  "Programmes didn't reduce it? ".repeat(142),
];

function corpusSentences(): string[] {
  const file = path.join(__dirname, '../fixtures/claims/in-domain.tsv');
  const rows = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l, i) => l.trim() && !l.startsWith('#') && !(i === 0 && l.startsWith('label\t')));
  return rows.map((l) => l.slice(l.indexOf('\t') + 1));
}

describe('claim tokenizer (fast scan)', () => {
  it('gives the words a plain string tokenizer gives, including two-unit lower case and curly apostrophes', () => {
    for (const text of [...EDGE_CASES, ...corpusSentences()]) assert.deepEqual(tokenize(text), referenceTokens(text), text);
  });

  it('notes the first question mark as indexOf does', () => {
    const scan = new WordScan();
    for (const text of [...EDGE_CASES, ...corpusSentences()]) assert.equal(scan.scan(text).questionMark, text.indexOf('?'), text);
  });

  it('finds vocabulary words by id and leaves other words at -1', () => {
    const scan = new WordScan().scan("Tagging didn't REDUCE reoffending with caseloads");
    const ids = Array.from(scan.id.subarray(0, scan.count));
    assert.deepEqual(ids, ['tagging', "didn't", 'reduce', 'reoffending', 'with', 'caseloads'].map(knownWordId));
    assert.ok(ids[1] >= 0 && ids[2] >= 0 && ids[4] >= 0);
    assert.equal(ids[3], -1);
  });

  it('gives the same words after a huge sentence has grown and shrunk its buffers', () => {
    const scan = new WordScan();
    const small = 'Smaller caseloads may reduce reoffending.';
    const words = (s: WordScan) => Array.from({ length: s.count }, (_, i) => [s.word(i), s.start[i], s.end[i]]);
    const before = words(scan.scan(small));
    scan.scan('word '.repeat(200_000));
    assert.equal(scan.count, 200_000);
    assert.deepEqual(words(scan.scan(small)), before);
  });
});

describe('claim features (fast route)', () => {
  const configs: FeatureConfig[] = [
    getDefaultModel().config,
    { hashBits: 18, charMin: 2, charMax: 5, wordWeight: 1, charWeight: 1, cueWeight: 2, stemWeight: 1, skipWeight: 0.5, structure: 7 },
    { hashBits: 12, charMin: 1, charMax: 3, wordWeight: 0.5, charWeight: 0.7, cueWeight: 1, wordTrigrams: false, structure: 2 },
  ];

  it('builds the vector the named route builds, for every sentence and configuration', () => {
    for (const config of configs) {
      for (const text of [...EDGE_CASES, ...corpusSentences()]) {
        assert.deepEqual(extractFeatures(text, config), extractFeatures(text, config, analyseCues(text)), text);
      }
    }
  });

  it('strips the suffix crudeStem strips, at every length around the three-letter minimum', () => {
    const suffixes = ['ations', 'ation', 'ingly', 'edly', 'ing', 'ies', 'ied', 'ed', 'es', 'ly', 's', 'e'];
    const endings = [...suffixes, ...suffixes.map((x) => x.slice(1)), ...suffixes.map((x) => 'x' + x.slice(1)), 'tions', 'ngly', 'dly', 'ng'];
    const words: string[] = [];
    for (const ending of endings) for (let k = 0; k <= 6; k++) words.push('b'.repeat(k) + ending);
    const config = { hashBits: 18, charMin: 2, charMax: 5, wordWeight: 0, charWeight: 0, cueWeight: 0, stemWeight: 1, skipWeight: 1 };
    for (const word of words) assert.deepEqual(extractFeatures(word, config), extractFeatures(word, config, analyseCues(word)), word);
  });

  it('scores a reused buffer as predictProbabilities scores the vector, to the last bit', () => {
    const model = getDefaultModel();
    const scan = new CueScan();
    const buffer = new FeatureBuffer();
    for (const text of corpusSentences().slice(0, 40)) {
      collectFeatures(scan.analyse(text), model.config, buffer);
      const vector = extractFeatures(text, model.config, analyseCues(text));
      assert.deepEqual(scoreFeatures(model, buffer.indices, buffer.values, buffer.count), predictProbabilities(model, vector), text);
    }
  });

  it('scores four labels as the general softmax does', () => {
    const k = CLAIM_LABELS.length;
    const weights = new Int8Array(16 * k).map((_, i) => ((i * 37) % 255) - 127);
    const model: LinearModel = { labels: CLAIM_LABELS, config: configs[0], weights, scale: 0.013, bias: Float64Array.from([0.1, -0.2, 0.05, 0]) };
    const indices = [3, 7, 3, 15, 0];
    const values = [1, 2, 0.5, 1, 3];
    const sums = [0, 0, 0, 0];
    for (let i = 0; i < indices.length; i++) for (let c = 0; c < k; c++) sums[c] += weights[indices[i] * k + c] * values[i];
    const scores = sums.map((s, c) => s * model.scale + model.bias[c]);
    const max = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(s - max));
    const total = exps.reduce((a, b) => a + b, 0);
    assert.deepEqual(predictProbabilities(model, { indices, values }), exps.map((e) => e / total));
  });
});

describe('claim classifier (reused scratch)', () => {
  it('classifies a sentence the same before and after others, long or short', () => {
    const text = 'Electronic monitoring did not reduce reoffending, and the reduced risk was not causal.';
    const first = classifySentence(text);
    for (const other of ['x '.repeat(100_000), ...EDGE_CASES]) classifySentence(other);
    assert.deepEqual(classifySentence(text), first);
  });
});
