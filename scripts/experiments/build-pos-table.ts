// Experiment (H4): builds scripts/experiments/pos-table.json, the compact word -> tag table that
// scripts/experiments/pos-tagger.ts ships with. Source: the lexicon of the npm package `brill`
// 3.1.0 (MIT, Titus Wormer; Eric Brill's tagger lexicon, tags listed most frequent first), installed
// outside the repo:
//   npm install --prefix /tmp/h4 brill
//   npx tsx scripts/experiments/build-pos-table.ts            (POS_MODULES overrides /tmp/h4/node_modules)
//   POS_TABLE_MIN=1 npx tsx scripts/experiments/build-pos-table.ts   keep dev words seen once too
// Which words: closed-class words (determiners, prepositions, modals, pronouns...), and the words of
// dev.tsv seen at least POS_TABLE_MIN times (default 2; dev only, its text not its labels). A word is
// left out when the tagger's suffix rules already give it the same tags, so the table holds the
// exceptions only. Deterministic: the same lexicon and dev file give the same bytes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tokenize } from '../../src/core/claims/tokens';
import { CORPUS_DIR, REPO_ROOT, readLabelledTsv } from '../train-claims';
import { KEPT_TAGS, suffixTags } from './pos-tagger';

export const TABLE_PATH = path.join(REPO_ROOT, 'scripts/experiments/pos-table.json');

const CLOSED = new Set(['DT', 'IN', 'CC', 'MD', 'TO', 'PRP', 'PRP$', 'WDT', 'WP', 'WP$', 'WRB', 'EX', 'RP', 'PDT', 'POS']);

// Brill's lists hold every tag a word ever had in its training text, errors included ("the" as VBD,
// "has" as VBN) and without counts; only alternations the rules can use are kept after the first
// (most frequent) tag.
const ALTERNATIVES: Record<string, string[]> = {
  VBN: ['VBD', 'JJ'],
  VBD: ['VBN', 'JJ'],
  JJ: ['VBN', 'VBD', 'NN', 'VB'],
  NN: ['VB', 'VBP', 'JJ', 'VBG'],
  VB: ['VBP', 'NN', 'VBD', 'VBN', 'JJ'],
  VBP: ['VB', 'NN', 'VBD', 'VBN'],
  NNS: ['VBZ'],
  VBZ: ['NNS'],
  VBG: ['NN', 'JJ'],
  JJR: ['RBR'],
  RBR: ['JJR'],
};

/** The word's tags restricted to those the tagger uses, proper nouns folded into nouns, at most three. */
function reduce(tags: string[]): string[] {
  const out: string[] = [];
  for (let t of tags) {
    if (t === 'NNP') t = 'NN';
    if (t === 'NNPS') t = 'NNS';
    if (!KEPT_TAGS.has(t) || out.includes(t)) continue;
    if (out.length > 0 && !(ALTERNATIVES[out[0]] ?? []).includes(t)) continue;
    out.push(t);
    if (out.length === 3) break;
  }
  return out;
}

async function main(): Promise<void> {
  const dir = process.env.POS_MODULES ?? '/tmp/h4/node_modules';
  const { brill } = (await import(path.join(dir, 'brill/index.js'))) as { brill: Record<string, string[]> };
  const devPath = path.join(CORPUS_DIR, 'dev.tsv');
  const min = Number(process.env.POS_TABLE_MIN ?? 2);
  const counts = new Map<string, number>();
  for (const row of readLabelledTsv(devPath)) for (const t of tokenize(row.sentence)) counts.set(t.word, (counts.get(t.word) ?? 0) + 1);
  const lexicon = new Map<string, string[]>();
  for (const [word, tags] of Object.entries(brill)) {
    const lower = word.toLowerCase();
    // Lower-case entries win over capitalised ones ("may" the modal, not "May" the month).
    if (lower !== word && lexicon.has(lower)) continue;
    const r = reduce(tags);
    if (r.length > 0) lexicon.set(lower, r);
  }
  const wanted = new Set<string>();
  for (const [word, tags] of lexicon) if (CLOSED.has(tags[0]) && /^[a-z']+$/.test(word)) wanted.add(word);
  for (const [word, n] of counts) if (n >= min && lexicon.has(word)) wanted.add(word);
  const byClass = new Map<string, string[]>();
  let omitted = 0;
  for (const word of [...wanted].sort()) {
    const tags = lexicon.get(word)!;
    const key = tags.join(' ');
    if (suffixTags(word).join(' ') === key) {
      omitted++;
      continue;
    }
    let list = byClass.get(key);
    if (!list) byClass.set(key, (list = []));
    list.push(word);
  }
  // One line per tag class: "VBN VBD JJ" -> "associated improved reduced ...".
  const table: Record<string, string> = {};
  for (const key of [...byClass.keys()].sort()) table[key] = byClass.get(key)!.join(' ');
  fs.writeFileSync(TABLE_PATH, JSON.stringify(table) + '\n');
  const words = [...byClass.values()].reduce((s, l) => s + l.length, 0);
  console.log(`Wrote ${path.relative(REPO_ROOT, TABLE_PATH)}: ${words} words in ${byClass.size} tag classes, ${fs.statSync(TABLE_PATH).size} bytes (${omitted} more words left to the suffix rules).`);
}

if (require.main === module) main();
