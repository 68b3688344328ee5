// Experiment (H5): an upper bound on what real sentence structure could add to the claim classifier.
// A full dependency parser (spaCy, run offline in Python by scripts/experiments/parse-features.py)
// turns each dev sentence into structural feature strings around the lexicon's claim cues and the
// sentence root; this script adds them to the shipped feature vector as extra hashed features and
// runs the same 5-fold cross-validation as `npm run train:claims -- --cv`: same folds (foldOf), shipped
// training settings (CHOSEN, three bags), every model pruned and quantised as shipped
// (serialiseModel + loadModel) and the product rules applied as shipped (the probabilities go
// through classifyWithModel). Dev only: heldout.tsv is never read. Nothing in src/ changes, and the
// parser is not a dependency of the repo: this measures whether structure is worth pursuing at all.
//
//   1. npx tsx scripts/experiments/parse-upper-bound.ts --dump-cues   writes the lexicon's cue spans
//      per dev sentence to $PARSE_DIR/dev-cues.json (default /tmp/h5), for the Python script
//   2. $PARSE_DIR/venv/bin/python scripts/experiments/parse-features.py   writes $PARSE_DIR/dev-parse.json
//   3. npx tsx scripts/experiments/parse-upper-bound.ts                 baseline and weights 0.5, 1, 2
//      PARSE_WEIGHTS='[1]' PARSE_ABLATE=without npx tsx ...             drop one feature group at a time
//      PARSE_WEIGHTS='[1]' PARSE_ABLATE=only npx tsx ...                one feature group at a time (both: the two)
//      PARSE_ONLY='["tag","cue-aux"]' npx tsx ...                       only these groups
//      PARSE_SEEDS='[20190801,11,23]' (default) sets the seeds; each row is the mean over them.
//
// A feature string is "group|name", e.g. "root|stem=reduc" or "cue-aux|causal-verb=may"; the group
// is what the ablation drops. The script checks that its baseline route (vectors scored with
// predictProbabilities, then passed through classifyWithModel) gives the same labels as
// classifyWithModel on the text, so the baseline is the one `--cv` reports.
//
// Result (26 Nov 2026, parser trained on UD English EWT and stopped early: UAS 0.82, LAS 0.78; see
// parse-features.py): three-seed mean macro-F1 baseline 0.7930, parse features x0.5 0.8003, x1 0.8020,
// x2 0.7986; each seed better than the same seed's baseline at x1. No group carries it alone
// (root alone 0.7952, tags alone 0.7921); dropping the root group costs most (0.7983), dropping the
// tags costs nothing. With the parser at LAS 0.64 (step 500) x1 gave 0.7952.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseCues } from '../../src/core/claims/cues';
import { extractFeatures, type FeatureVector } from '../../src/core/claims/features';
import { CLAIM_LABELS } from '../../src/core/claims/model';
import { CHOSEN, readDevOrSkip, score, type LabelledSentence } from '../train-claims';
import { crossValidateVectors, withHashedFeatures } from './cv-common';

const PARSE_DIR = process.env.PARSE_DIR ?? '/tmp/h5';
const CUES_PATH = path.join(PARSE_DIR, 'dev-cues.json');
const PARSE_PATH = path.join(PARSE_DIR, 'dev-parse.json');

interface CueSpan {
  cls: string;
  tense?: string;
  start: number;
  end: number;
  entry: string;
  /** What the lexicon's window rules attached to it, for comparison with the parse. */
  hedged: boolean;
  negated: boolean;
  enabled: boolean;
  passive: boolean;
  adjectival: boolean;
}

/** The lexicon's view of each sentence, so the parser's features are built around the same cue words. */
function dumpCues(dev: LabelledSentence[]): void {
  const out = dev.map((r, i) => {
    const a = analyseCues(r.sentence);
    const spans: CueSpan[] = a.matches.map((m) => ({
      cls: m.cls,
      ...(m.tense ? { tense: m.tense } : {}),
      start: m.start,
      end: m.end,
      entry: m.entry,
      hedged: a.hedgedBy.has(m),
      negated: a.negatedBy.has(m),
      enabled: a.enabledBy.has(m),
      passive: a.passive.has(m),
      adjectival: a.adjectival.has(m),
    }));
    return { row: i, sentence: r.sentence, cues: spans };
  });
  fs.mkdirSync(PARSE_DIR, { recursive: true });
  fs.writeFileSync(CUES_PATH, JSON.stringify(out));
  console.log(`Wrote ${CUES_PATH} (${out.length} sentences).`);
}

interface ParseRow {
  row: number;
  sentence: string;
  features: string[];
}

function loadParses(dev: LabelledSentence[]): string[][] {
  const parsed: ParseRow[] = JSON.parse(fs.readFileSync(PARSE_PATH, 'utf8'));
  if (parsed.length !== dev.length) throw new Error(`${PARSE_PATH}: ${parsed.length} rows, dev has ${dev.length}`);
  return parsed.map((p, i) => {
    if (p.row !== i || p.sentence !== dev[i].sentence) throw new Error(`${PARSE_PATH}: row ${i} is not dev row ${i}`);
    return p.features;
  });
}

const groupOf = (feature: string) => feature.slice(0, feature.indexOf('|'));

/** The shipped vector plus the kept parse features at `weight`, each in its own hashed bucket ("parse|" keeps them apart from cue names). */
function withParse(base: FeatureVector, features: string[], weight: number, keep: (group: string) => boolean): FeatureVector {
  if (weight === 0) return base;
  return withHashedFeatures(base, [...new Set(features)].filter((f) => keep(groupOf(f))), weight, 'parse|', CHOSEN.features.hashBits);
}

interface Row {
  name: string;
  macro: number[];
  perClass: number[][];
}

function report(row: Row): string {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const per = CLAIM_LABELS.map((_, c) => mean(row.perClass.map((p) => p[c])).toFixed(3)).join(' / ');
  return `${row.name.padEnd(30)} mean macro-F1 ${mean(row.macro).toFixed(4)}  (seeds ${row.macro.map((m) => m.toFixed(4)).join(', ')})  F1 ${per}`;
}

function main(): void {
  const dev = readDevOrSkip();
  if (!dev) return;
  if (process.argv.includes('--dump-cues')) return dumpCues(dev);
  const parses = loadParses(dev);
  const seeds: number[] = JSON.parse(process.env.PARSE_SEEDS ?? '[20190801,11,23]');
  const weights: number[] = JSON.parse(process.env.PARSE_WEIGHTS ?? '[0.5,1,2]');
  const only: string[] | undefined = process.env.PARSE_ONLY ? JSON.parse(process.env.PARSE_ONLY) : undefined;
  const groups = [...new Set(parses.flat().map(groupOf))].sort();
  const counts = groups.map((g) => `${g} ${parses.filter((p) => p.some((f) => groupOf(f) === g)).length}`);
  console.log(`parse feature groups (sentences with at least one): ${counts.join(', ')}`);
  const gold = dev.map((r) => r.label);
  const base = dev.map((r) => extractFeatures(r.sentence, CHOSEN.features));
  const t0 = performance.now();
  const run = (name: string, weight: number, keep: (g: string) => boolean, check = false): Row => {
    const vectors = base.map((v, i) => withParse(v, parses[i], weight, keep));
    const row: Row = { name, macro: [], perClass: [] };
    for (const seed of seeds) {
      const s = score(gold, crossValidateVectors(dev, vectors, { ...CHOSEN, seed }, check && seed === seeds[0]).predicted);
      row.macro.push(s.macroF1);
      row.perClass.push(CLAIM_LABELS.map((l) => s.perClassF1[l]));
    }
    console.log(`${report(row)}  [${((performance.now() - t0) / 1000).toFixed(0)} s]`);
    return row;
  };
  const inOnly = (g: string) => !only || only.includes(g);
  // The baseline is deterministic (same folds, same seeds), so ablation runs may skip it with PARSE_BASELINE=0.
  if (process.env.PARSE_BASELINE !== '0') run('baseline (no parse features)', 0, () => false, true);
  const ablate = process.env.PARSE_ABLATE; // 'without', 'only' or 'both': per weight, one row per group
  if (!ablate) for (const w of weights) run(`parse x${w}${only ? ' ' + only.join('+') : ''}`, w, inOnly);
  for (const w of ablate ? weights : []) {
    if (ablate !== 'only') for (const g of groups.filter(inOnly)) run(`x${w} without ${g}`, w, (h) => inOnly(h) && h !== g);
    if (ablate !== 'without') for (const g of groups.filter(inOnly)) run(`x${w} only ${g}`, w, (h) => h === g);
  }
}

if (require.main === module) main();
