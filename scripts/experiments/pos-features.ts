// Experiment (H4): part-of-speech features for the claim classifier. Given a sentence's word tokens
// (src/core/claims/tokens.ts), one Penn-style tag per token and the cue analysis, names the
// features that read sentence structure. Used by scripts/experiments/pos-cv.ts; nothing in src/
// uses it yet. Feature families (each switched on by its key in PosFeatureOptions):
//   ngram   coarse tag bigrams and trigrams of the whole sentence ("N V D", "M B N")
//   cue     the tag of each claim word and its coarse neighbours ("reduc:VBD", "causal-verb:N_VBD_D")
//   main    the main verb (first finite verb after an opening adverbial clause): tag, stem, subject shape
//   comp    the first finite verb of a "that"-clause under a reporting verb ("suggest that X reduces")
//   modal   modal + base verb, "to" + base verb, with the verb's stem
//   pred    the predicate after a form of be or have: its tag and the preposition that follows ("be:JJR:than")
//   subj    the head noun of the main verb's subject, alone and paired with the verb's stem or cue class
import { crudeStem } from '../../src/core/claims/features';
import { isCausal, type CueAnalysis, type CueMatch } from '../../src/core/claims/cues';

export interface PosFeatureOptions {
  ngram?: boolean;
  cue?: boolean;
  main?: boolean;
  comp?: boolean;
  modal?: boolean;
  /** The main verb's subject head ("the effect of X was": effect), alone and paired with the verb. */
  subj?: boolean;
  /** Predicate shape after be/have: "was higher than", "is high among", "had more", "were different from". */
  pred?: boolean;
  /** Stem unigrams and bigrams, named ("named": as shipped, for checking) or unigrams carrying the coarse tag ("tagged"). */
  stems?: 'named' | 'tagged';
  /** Every word's stem with its tag ("reduc:VBD", "effect:NN") beside the plain stems. */
  lex?: boolean;
  /** Keep only features whose name starts with one of these ("stag:", "comp-cue:"); absent keeps all. */
  prefixes?: string[];
}

/** One letter per coarse class, so tag n-grams stay few: finite verbs share V, participles P, base forms B. */
export function coarse(tag: string): string {
  switch (tag) {
    case 'NN': case 'NNS': case 'NNP': case 'NNPS': case 'FW': return 'N';
    case 'PRP': case 'EX': return 'N';
    case 'CD': return 'C';
    case 'VBD': case 'VBZ': case 'VBP': return 'V';
    case 'VB': return 'B';
    case 'VBN': return 'P';
    case 'VBG': return 'G';
    case 'MD': return 'M';
    case 'JJ': case 'JJR': case 'JJS': return 'J';
    case 'RB': case 'RBR': case 'RBS': case 'RP': return 'R';
    case 'DT': case 'PDT': case 'PRP$': case 'WP$': return 'D';
    case 'IN': return 'I';
    case 'TO': return 'T';
    case 'CC': return '&';
    case 'WDT': case 'WP': case 'WRB': return 'W';
    default: return 'X';
  }
}

const FINITE = new Set(['VBD', 'VBZ', 'VBP', 'MD']);
const REPORTING = new Set(['suggest', 'show', 'indicate', 'demonstrate', 'confirm', 'reveal', 'support', 'find', 'conclude',
  'found', 'shown', 'note', 'observe', 'report', 'propose', 'hypothesize', 'hypothesise', 'believe', 'imply', 'establish']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const HAVE_FORMS = new Set(['has', 'have', 'had']);
const OPENERS = new Set(['although', 'though', 'while', 'whereas', 'because', 'since', 'if', 'when', 'given', 'despite', 'in',
  'among', 'for', 'after', 'compared', 'as', 'unlike', 'with', 'by', 'using', 'at', 'during', 'overall', 'however', 'moreover',
  'furthermore', 'therefore', 'thus', 'hence', 'finally', 'conclusions', 'conclusion', 'together', 'based', 'following']);

/** Lemma-ish key for a word: crudeStem, with "found"/"shown" folded onto their reporting base. */
function reportingBase(word: string): string | undefined {
  if (REPORTING.has(word)) return word === 'found' ? 'find' : word === 'shown' ? 'show' : word;
  for (const suffix of ['s', 'es', 'ed', 'd']) {
    if (word.endsWith(suffix) && REPORTING.has(word.slice(0, -suffix.length))) return word.slice(0, -suffix.length);
  }
  return undefined;
}

/**
 * Feature names for one sentence. `words` are the lower-case tokens, `tags` one tag per token,
 * `commaAfter[i]` whether punctuation (, ; : or brackets) separates token i from token i+1.
 */
export function posFeatureNames(words: string[], tags: string[], commaAfter: boolean[], analysis: CueAnalysis, o: PosFeatureOptions): string[] {
  const names: string[] = [];
  const n = words.length;
  const c = tags.map(coarse);
  // Commas go into the coarse sequence: clause boundaries are structure.
  if (o.ngram) {
    const seq: string[] = ['^'];
    for (let i = 0; i < n; i++) {
      seq.push(c[i]);
      if (commaAfter[i]) seq.push(',');
    }
    seq.push('$');
    for (let i = 0; i + 1 < seq.length; i++) {
      names.push(`tg2:${seq[i]}${seq[i + 1]}`);
      if (i + 2 < seq.length) names.push(`tg3:${seq[i]}${seq[i + 1]}${seq[i + 2]}`);
    }
  }
  const claimWords = analysis.matches.filter((m) => isCausal(m) || m.cls === 'association' || m.cls === 'likelihood');
  if (o.cue) {
    for (const m of claimWords) {
      const head = headOf(m, tags);
      const t = tags[head];
      const before = m.first > 0 ? (commaAfter[m.first - 1] ? ',' : c[m.first - 1]) : '^';
      const after = m.last < n ? (commaAfter[m.last - 1] ? ',' : c[m.last]) : '$';
      names.push(`ctag:${m.cls}:${t}`, `stag:${crudeStem(words[head])}:${t}`, `cctx:${m.cls}:${before}_${t}_${after}`);
    }
  }
  let mainIndex = -1;
  if (o.main || o.comp || o.subj) {
    let from = 0;
    if (n > 0 && OPENERS.has(words[0])) {
      for (let i = 0; i < n - 1; i++) if (commaAfter[i]) { from = i + 1; break; }
    }
    for (let i = from; i < n; i++) if (FINITE.has(tags[i])) { mainIndex = i; break; }
  }
  if (o.main) {
    if (mainIndex < 0) names.push('main:none');
    else {
      const t = tags[mainIndex];
      const m = claimWords.find((x) => x.first <= mainIndex && mainIndex < x.last);
      names.push(`main:${t}`, `main:${crudeStem(words[mainIndex])}:${t}`);
      if (m) names.push(`main-cue:${m.cls}:${t}`);
      // The main verb's first complement word: an object NP after a causal verb is "X reduced Y".
      if (mainIndex + 1 < n) names.push(`main>${t}:${c[mainIndex + 1]}`);
      // What the subject holds: a causal noun ("the effect of X was"), an association noun, a pronoun.
      const subject = claimWords.filter((x) => x.last <= mainIndex).map((x) => x.cls);
      for (const cls of new Set(subject)) names.push(`subj:${cls}`);
      if (mainIndex === 0) names.push('subj:empty');
    }
  }
  if (o.pred) {
    for (let i = 0; i < n; i++) {
      const verb = BE_FORMS.has(words[i]) ? 'be' : HAVE_FORMS.has(words[i]) ? 'have' : '';
      if (!verb || commaAfter[i]) continue;
      let j = i + 1;
      while (j < n && c[j] === 'R' && !commaAfter[j - 1]) j++;
      if (j >= n) continue;
      // The preposition after the predicate word (skip one more modifier: "higher in", "more likely than").
      let k = j + 1;
      if (k < n && !commaAfter[j] && (c[k] === 'J' || c[k] === 'N') && tags[k] !== 'NNS') k++;
      const prep = k < n && !commaAfter[k - 1] && (c[k] === 'I' || c[k] === 'T') ? words[k] : '-';
      names.push(`pred:${verb}:${tags[j]}`, `pred:${verb}:${tags[j]}:${prep}`);
    }
  }
  if (o.lex) for (let i = 0; i < n; i++) names.push(`lex:${crudeStem(words[i])}:${tags[i]}`);
  if (o.subj && mainIndex > 0) {
    // Head: the last noun before the first preposition of the subject ("the effect of X on Y" -> effect).
    let head = -1;
    for (let i = 0; i < mainIndex; i++) {
      if (commaAfter[i]) head = -1;
      else if (c[i] === 'N') head = i;
      else if (c[i] === 'I' && head >= 0) break;
    }
    if (head >= 0) {
      const verb = crudeStem(words[mainIndex]);
      const m = claimWords.find((x) => x.first <= mainIndex && mainIndex < x.last);
      const h = crudeStem(words[head]);
      names.push(`svh:${h}`, `sv:${h}>${verb}`);
      if (m) names.push(`sv-cls:${h}>${m.cls}:${tags[mainIndex]}`);
    }
  }
  if (o.comp) {
    for (let i = 0; i < n; i++) {
      if (!tags[i].startsWith('VB') || reportingBase(words[i]) === undefined) continue;
      let j = i + 1;
      if (j < n && words[j] === 'that') j++;
      else if (j < n && c[j] !== 'D' && c[j] !== 'N' && c[j] !== 'J') continue;
      for (; j < n && j < i + 15; j++) {
        if (!FINITE.has(tags[j])) continue;
        const m = claimWords.find((x) => x.first <= j && j < x.last);
        names.push(`comp:${tags[j]}`, `comp:${crudeStem(words[j])}:${tags[j]}`);
        // Modal then claim word in the clause: "suggest that X may reduce".
        const k = j + (j + 1 < n && c[j + 1] === 'R' ? 2 : 1);
        const next = claimWords.find((x) => x.first === k);
        if (m) names.push(`comp-cue:${m.cls}:${tags[j]}`);
        if (tags[j] === 'MD' && next) names.push(`comp-md:${next.cls}`);
        break;
      }
      break;
    }
  }
  if (o.modal) {
    for (let i = 0; i < n; i++) {
      if (tags[i] !== 'MD' && tags[i] !== 'TO') continue;
      let j = i + 1;
      while (j < n && c[j] === 'R') j++;
      if (j < n && tags[j] === 'VB') {
        const m = claimWords.find((x) => x.first === j);
        names.push(`${tags[i]}-vb:${crudeStem(words[j])}`);
        if (m) names.push(`${tags[i]}-vb-cue:${m.cls}`);
      } else if (j < n && tags[i] === 'MD' && (words[j] === 'be' || words[j] === 'have')) {
        names.push(`md-${words[j]}:${j + 1 < n ? tags[j + 1] : '$'}`);
      }
    }
  }
  return o.prefixes ? names.filter((x) => o.prefixes!.some((p) => x.startsWith(p))) : names;
}

/** Stem unigrams and bigrams as the shipped features have them (numbers as <num>), optionally tag-marked unigrams. */
export function stemNames(words: string[], tags: string[], tagged: boolean): string[] {
  const names: string[] = [];
  const stems = words.map((w) => (w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57 ? '<num>' : crudeStem(w)));
  let previous = '<s>';
  for (let i = 0; i <= stems.length; i++) {
    const stem = i < stems.length ? stems[i] : '</s>';
    if (i < stems.length) names.push(tagged ? `su:${stem}/${coarse(tags[i])}` : `su:${stem}`);
    names.push(`sb:${previous}_${stem}`);
    previous = stem;
  }
  return names;
}

/** The word of a multi-word cue that carries its part of speech: the first verb, else the first word. */
function headOf(m: CueMatch, tags: string[]): number {
  for (let i = m.first; i < m.last; i++) if (tags[i].startsWith('VB') || tags[i] === 'MD') return i;
  return m.first;
}
