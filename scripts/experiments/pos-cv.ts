// Experiment (H4): do part-of-speech features lift the claim classifier? Dev 5-fold cross-validation
// on the same folds as scripts/train-claims.ts, shipped training settings (CHOSEN, 3 bags), every
// model pruned and quantised as shipped, product rules applied as shipped. Each setting is scored
// with three seeds (CHOSEN.seed 20190801, 11, 23) and the mean is reported; the baseline (no POS
// features) runs in the same process on the same folds. Dev only: heldout is never read.
//
//   npx tsx scripts/experiments/pos-cv.ts                       default grid, compact tagger
//   POS_TAGGER=enpos npx tsx scripts/experiments/pos-cv.ts      oracle taggers (see below)
//   POS_GRID='{"cue":true,"weight":1};{"ngram":true,"weight":0.5}' npx tsx scripts/experiments/pos-cv.ts
//   POS_SEEDS='[20190801,11,23,1,2]' ...                        other seeds
//   POS_SIZE=1 ...                                              also the model.json size when trained on all dev
//   BAGS_ONLY='[3,5,10]' npx tsx scripts/experiments/pos-cv.ts  shipped settings with more bagged seeds, no POS
//   POS_RULES='[0.5,0.7]' npx tsx scripts/experiments/pos-cv.ts  tagger-gated product rules on the shipped model (see ruleLabel)
//
// Taggers: `compact` is scripts/experiments/pos-tagger.ts (the shippable one). `enpos` and `wink`
// are the npm packages en-pos 1.0.16 and wink-pos-tagger 2.2.2 (both MIT), used only as reference
// taggers to learn whether better tags would help; they are not repo dependencies: install them with
// `npm install --prefix /tmp/h4 en-pos wink-pos-tagger` (POS_MODULES overrides /tmp/h4/node_modules).
//
// Results (26 Nov 2026, dev only; macro-F1, mean of seeds 20190801 / 11 / 23, 3 bags each; the
// baseline is 0.7930 in every run, so adoption needed >= 0.8010). Nothing cleared the bar:
//   compact tagger   cue 0.7917, main 0.7900, comp 0.7928, modal 0.7929, ngram x0.5 0.7880,
//                    cue+main+comp+modal 0.7905, subj 0.7957 (x0.5 0.7941, x2 0.7926), pred 0.7942,
//                    lex x0.5 0.7903, named stems (control) 0.7914, tagged stems 0.7941,
//                    subj+pred 0.7974 (best; seeds 1 / 2 / 3: 0.7942 against a baseline of 0.7929)
//   en-pos (oracle)  cue 0.7930, main 0.7896, comp 0.7917, modal 0.7942, ngram x0.5 0.7851,
//                    subj 0.7942, subj+pred 0.7996 (seeds 1 / 2 / 3: 0.7951 against 0.7929)
//   wink (oracle)    cue 0.7935, main 0.7912, comp 0.7932, modal 0.7934, ngram x0.5 0.7874, subj+pred 0.7957
//   tagger-gated product rules: veto 0.7943, promote 0.5-0.8 0.7929-0.7930
//   more bags, shipped settings: 5 bags 0.7939, 10 bags 0.7945
// Every row with per-class F1 is in the H4 report; rerun any with POS_GRID.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClaimLabel } from '../../src/core/types';
import { analyseCues } from '../../src/core/claims/cues';
import { extractFeatures, type FeatureVector } from '../../src/core/claims/features';
import { CLAIM_LABELS, serialiseModel } from '../../src/core/claims/model';
import { classifyWithModel } from '../../src/core/claims/classifier';
import { CHOSEN, PRUNE_THRESHOLD, readDevOrSkip, score, trainModel, type LabelledSentence, type TrainSettings } from '../train-claims';
import { crossValidateVectors, passThrough, withHashedFeatures, type Run } from './cv-common';
import { posFeatureNames, stemNames, type PosFeatureOptions } from './pos-features';
import { loadPosTable, tagWords } from './pos-tagger';
import { TABLE_PATH } from './build-pos-table';

const K = CLAIM_LABELS.length;

export interface PosSetting extends PosFeatureOptions {
  /** Value of every POS feature (stems have 1, cue features 2). */
  weight: number;
  tagger?: 'compact' | 'enpos' | 'wink';
  /** Bagged seeds per model (shipped: 3). */
  bags?: number;
}

export interface Tokenised {
  words: string[];
  /** The words as written (case kept), for the reference taggers. */
  raw: string[];
  commaAfter: boolean[];
  /** Per word, what separates it from the next: 0 space, 1 , ; : or a bracket, 2 a hyphen or slash ("team-based"). */
  gaps: number[];
}

/** Tokens of the sentence as the classifier sees them, plus where punctuation separates them. */
export function tokenise(text: string): Tokenised {
  const { tokens } = analyseCues(text);
  const gaps = tokens.map((t, i) => {
    const to = i + 1 < tokens.length ? tokens[i + 1].start : text.length;
    for (let p = t.end; p < to; p++) if (',;:()'.includes(text[p])) return 1;
    const gap = text.slice(t.end, to);
    return gap === '-' || gap === '/' ? 2 : 0;
  });
  return { words: tokens.map((t) => t.word), raw: tokens.map((t) => text.slice(t.start, t.end)), commaAfter: gaps.map((g) => g === 1), gaps };
}

type Tagger = (t: Tokenised) => string[];

/**
 * A reference tagger's input: punctuation goes in as tokens (the taggers use it as context) and its
 * tags are dropped again; `at` gives each word's place in `seq`.
 */
export function taggerInput(t: Tokenised): { seq: string[]; at: number[] } {
  const seq: string[] = [];
  const at: number[] = [];
  t.raw.forEach((w, i) => {
    // Sentence-initial capitals would read as proper nouns; acronyms keep their case.
    at.push(seq.length);
    seq.push(i === 0 && w !== w.toUpperCase() ? w.toLowerCase() : w);
    if (t.commaAfter[i]) seq.push(',');
  });
  return { seq, at };
}

function referenceTagger(name: 'enpos' | 'wink'): Tagger {
  const dir = process.env.POS_MODULES ?? '/tmp/h4/node_modules';
  if (name === 'enpos') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Tag } = require(path.join(dir, 'en-pos'));
    return (t) => {
      const { seq, at } = taggerInput(t);
      const tags: string[] = new Tag(seq).initial().smooth().tags;
      return at.map((i) => tags[i]);
    };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tagger = require(path.join(dir, 'wink-pos-tagger'))();
  return (t) => {
    const { seq, at } = taggerInput(t);
    const tags: { pos: string }[] = tagger.tagRawTokens(seq);
    return at.map((i) => tags[i].pos);
  };
}

function taggerOf(name: PosSetting['tagger']): Tagger {
  if (!name || name === 'compact') {
    const lexicon = loadPosTable(JSON.parse(fs.readFileSync(TABLE_PATH, 'utf8')));
    return (t) => tagWords(lexicon, t.words, t.gaps);
  }
  return referenceTagger(name);
}

/** The shipped vector with the POS features appended (hashed like cue features, under a "pos:" prefix). */
export function posVector(base: FeatureVector, names: string[], weight: number, hashBits: number, stems: string[] = []): FeatureVector {
  // Replacement stems carry the shipped stem weight (1).
  return withHashedFeatures(withHashedFeatures(base, names, weight, 'pos:', hashBits), stems, CHOSEN.features.stemWeight ?? 1, 'pos:', hashBits);
}

/** Kept buckets of a model trained on all of dev, and the size of its model.json, for the budget. */
export function shippedSize(dev: LabelledSentence[], vectors: FeatureVector[], settings: TrainSettings): { bytes: number; buckets: number } {
  const serialised = serialiseModel(trainModel(dev, settings, vectors), PRUNE_THRESHOLD, {
    trainedOn: 'shared/data/causal/pubmed/dev.tsv only',
    rows: dev.length,
    settings,
    pruneThreshold: PRUNE_THRESHOLD,
    command: 'npm run train:claims',
  });
  const bytes = Buffer.byteLength(JSON.stringify(serialised, null, 1) + '\n');
  return { bytes, buckets: Math.round((serialised.weights.length * 3) / 4 / K) };
}

function line(name: string, runs: Run[]): string {
  const mean = runs.reduce((s, r) => s + r.macro, 0) / runs.length;
  const per = CLAIM_LABELS.map((_, c) => (runs.reduce((s, r) => s + r.per[c], 0) / runs.length).toFixed(3)).join(' / ');
  return `${name.padEnd(60)} mean ${mean.toFixed(4)}  seeds ${runs.map((r) => r.macro.toFixed(4)).join(' ')}  F1 ${per}`;
}

const FINITE_TAGS = new Set(['VBD', 'VBZ', 'VBP']);

/**
 * Product rules with the tagger's help, on top of the shipped ones. `veto`: when the shipped
 * bare-verb override made a sentence direct but the tagger reads none of its causal verbs as finite
 * (all participles, adjectives, nouns), keep the label the model gave. `promote` (a threshold, 0 off):
 * when the label is none with probability under it, nothing hedges, negates or questions the
 * sentence, and the tagger reads a causal verb as finite, call it direct.
 */
function ruleLabel(raw: number[], sentence: string, tags: string[], veto: boolean, promote: number): ClaimLabel {
  const toModel = passThrough(CHOSEN.features);
  const shipped = classifyWithModel(toModel(raw), sentence);
  const analysis = analyseCues(sentence);
  const causalVerbs = analysis.matches.filter((m) => m.cls === 'causal-verb');
  const finiteVerb = causalVerbs.some((m) => {
    for (let i = m.first; i < m.last; i++) if (FINITE_TAGS.has(tags[i])) return !analysis.negatedBy.has(m) && !analysis.hedgedBy.has(m) && !analysis.enabledBy.has(m);
    return false;
  });
  if (veto && shipped.label === 'direct_causal') {
    const plain = classifyWithModel(toModel(raw), sentence, { bareVerbOverride: 0 });
    if (plain.label !== 'direct_causal' && !finiteVerb) return plain.label;
  }
  if (promote > 0 && shipped.label === 'none' && shipped.probabilities.none < promote && finiteVerb) {
    const qualified = analysis.matches.some((m) => ['modal', 'hedge', 'can', 'negation', 'purpose', 'whether', 'future-work'].includes(m.cls));
    if (!qualified && analysis.disclaimers.length === 0 && analysis.questionMark < 0) return 'direct_causal';
  }
  return shipped.label;
}

const DEFAULT_GRID: PosSetting[] = [
  { cue: true, weight: 1 },
  { main: true, weight: 1 },
  { comp: true, weight: 1 },
  { modal: true, weight: 1 },
  { ngram: true, weight: 0.5 },
  { cue: true, main: true, comp: true, modal: true, weight: 1 },
  { subj: true, weight: 1 },
  { pred: true, weight: 1 },
  { subj: true, pred: true, weight: 1 },
];

function main(): void {
  const dev = readDevOrSkip();
  if (!dev) return;
  const seeds: number[] = JSON.parse(process.env.POS_SEEDS ?? '[20190801,11,23]');
  const config = CHOSEN.features;
  const base = dev.map((r) => extractFeatures(r.sentence, config));
  const t0 = performance.now();
  const runAll = (vectors: FeatureVector[], patch: Partial<TrainSettings> = {}) =>
    seeds.map((seed) => crossValidateVectors(dev, vectors, { ...CHOSEN, ...patch, seed }));
  const bagsOnly = process.env.BAGS_ONLY;
  if (bagsOnly) {
    for (const bags of JSON.parse(bagsOnly) as number[]) {
      console.log(line(`shipped settings, ${bags} bags`, runAll(base, { bags })) + `  (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
    return;
  }
  const baseline = runAll(base);
  console.log(line('baseline (shipped settings, no POS)', baseline));
  if (process.env.POS_SIZE) {
    const { bytes, buckets } = shippedSize(dev, base, CHOSEN);
    console.log(`${''.padEnd(60)} model.json trained on all dev: ${bytes} bytes, ${buckets} kept buckets`);
  }
  if (process.env.POS_RULES) {
    const lexicon = loadPosTable(JSON.parse(fs.readFileSync(TABLE_PATH, 'utf8')));
    const tags = dev.map((r) => {
      const t = tokenise(r.sentence);
      return tagWords(lexicon, t.words, t.gaps);
    });
    const gold = dev.map((r) => r.label);
    const variants: [string, boolean, number][] = [['veto', true, 0]];
    for (const th of JSON.parse(process.env.POS_RULES) as number[]) variants.push([`promote ${th}`, false, th], [`veto + promote ${th}`, true, th]);
    for (const [name, veto, promote] of variants) {
      const runs = baseline.map((b) => {
        const predicted = b.raw.map((p, i) => ruleLabel(p, dev[i].sentence, tags[i], veto, promote));
        const s = score(gold, predicted);
        return { macro: s.macroF1, per: CLAIM_LABELS.map((l) => s.perClassF1[l]), predicted, raw: b.raw };
      });
      console.log(line(`shipped model, tagger rule: ${name}`, runs));
    }
    return;
  }
  const defaultTagger = (process.env.POS_TAGGER as PosSetting['tagger']) ?? 'compact';
  const grid: PosSetting[] = process.env.POS_GRID ? process.env.POS_GRID.split(';').map((p) => JSON.parse(p)) : DEFAULT_GRID;
  const tokenised = dev.map((r) => tokenise(r.sentence));
  const analyses = dev.map((r) => analyseCues(r.sentence));
  const baseNoStems = dev.map((r) => extractFeatures(r.sentence, { ...config, stemWeight: 0 }));
  const tagCache = new Map<string, string[][]>();
  for (const setting of grid) {
    const taggerName = setting.tagger ?? defaultTagger;
    let tags = tagCache.get(taggerName);
    if (!tags) {
      const tagger = taggerOf(taggerName);
      tagCache.set(taggerName, (tags = tokenised.map(tagger)));
    }
    // With own stems, the shipped vector is built without its hashed stems.
    const start = setting.stems ? baseNoStems : base;
    const vectors = start.map((v, i) =>
      posVector(v, posFeatureNames(tokenised[i].words, tags![i], tokenised[i].commaAfter, analyses[i], setting), setting.weight, config.hashBits,
        setting.stems ? stemNames(tokenised[i].words, tags![i], setting.stems === 'tagged') : []));
    const name = JSON.stringify({ ...setting, tagger: taggerName });
    console.log(line(name, runAll(vectors, setting.bags ? { bags: setting.bags } : {})) + `  (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    if (process.env.POS_SIZE) {
      const { bytes, buckets } = shippedSize(dev, vectors, CHOSEN);
      console.log(`${''.padEnd(60)} model.json trained on all dev: ${bytes} bytes, ${buckets} kept buckets`);
    }
  }
}

if (require.main === module) main();
