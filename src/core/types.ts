// The shared vocabulary of the checking engine. Every front door (extension, web, CLI) speaks in
// these types; nothing here may import `vscode` or a Node-only module.

/** Severity as a writer sees it; adapters map it onto their own levels. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A half-open range of UTF-16 code-unit offsets into the whole document text: [start, end). */
export interface TextRange {
  start: number;
  end: number;
}

export interface TextEdit {
  range: TextRange;
  newText: string;
}

/** A change the writer may choose to apply. Edits never overlap and are relative to the checked text. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Preferred fixes are offered first and bound to the "auto fix" key. */
  isPreferred?: boolean;
}

export interface Finding {
  ruleId: string;
  range: TextRange;
  severity: Severity;
  /** One line, shown in the Problems panel and CLI output. */
  message: string;
  /** Markdown shown in the hover: why this was flagged and what would resolve it. */
  explanation: string;
  fixes: Fix[];
  /** Rule-specific facts an adapter may show (e.g. the claim classification). Plain JSON only. */
  data?: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Prose model
// ---------------------------------------------------------------------------------------------

export type ProseBlockKind =
  | 'paragraph'
  | 'heading'
  | 'listItem'
  | 'tableCell'
  | 'blockquote'
  | 'footnote';

/** A run of prose: a paragraph, heading, list item's paragraph, table cell and so on. */
export interface ProseBlock {
  kind: ProseBlockKind;
  /** Covers the block's source lines, markers included. */
  range: TextRange;
}

/** An HTML comment anywhere in the document (suppressions and evidence annotations live here). */
export interface HtmlComment {
  /** The whole `<!-- … -->`. */
  range: TextRange;
  /** Text between `<!--` and `-->`, trimmed. */
  body: string;
  /** Offset of `body`'s first character in the document. */
  bodyStart: number;
}

export interface FrontMatter {
  /** The whole block including the `---` fences. */
  range: TextRange;
  /** Parsed YAML, or undefined when it failed to parse. */
  data: unknown;
  error?: { message: string; range: TextRange };
}

export interface ProseModel {
  text: string;
  /**
   * Same length as `text`; every character that is not prose (code, markup, URLs, HTML, front
   * matter) is replaced by a space, line breaks are kept. Rules search this, so offsets found in it
   * are document offsets.
   */
  masked: string;
  blocks: ProseBlock[];
  frontMatter: FrontMatter | undefined;
  comments: HtmlComment[];
  /** Code blocks and code spans, fences and backticks included, in document order. */
  codeRanges?: TextRange[];
}

export interface Sentence {
  range: TextRange;
  /** The masked text of the sentence (same length as the range). */
  text: string;
  /** Index into ProseModel.blocks. */
  blockIndex: number;
}

// ---------------------------------------------------------------------------------------------
// Glossary
// ---------------------------------------------------------------------------------------------

/** `causal`, `association`, `mixed`, `theory`, or a Maryland Scientific Methods Scale level. */
export type EvidenceStrength = 'causal' | 'association' | 'mixed' | 'theory' | 1 | 2 | 3 | 4 | 5;

export interface Source {
  title: string;
  url?: string;
  year?: number;
}

export interface KeyMessage {
  message: string;
  evidence: EvidenceStrength;
  sources: Source[];
}

export interface DiscouragedForm {
  form: string;
  preferred: string;
  /** The preferred form's plural when simple rules get it wrong. */
  preferredPlural?: string;
  reason: string;
}

/** Where an entry was defined, so "Edit in glossary" can open it. */
export interface SourceLocation {
  file: string;
  /** 0-based. */
  line: number;
  /** 0-based. */
  column: number;
}

export interface GlossaryEntry {
  /** Stable key: the term lower-cased, used for overriding and related links. */
  id: string;
  term: string;
  /** Spelling variants and synonyms, matched case-insensitively. */
  aliases: string[];
  /** Acronyms, matched case-sensitively (e.g. "RNR"). */
  acronyms: string[];
  /** When true the term itself and its aliases are matched case-sensitively too. */
  caseSensitive: boolean;
  /** Acronyms should be spelled out before their first use. */
  defineOnFirstUse: boolean;
  definition: string;
  keyMessages: KeyMessage[];
  sources: Source[];
  /** Terms (or ids) of related entries. */
  related: string[];
  discouraged: DiscouragedForm[];
  examples?: { flag: string[]; pass: string[] };
  origin?: SourceLocation;
}

export interface Glossary {
  entries: GlossaryEntry[];
}

/** A problem in a glossary or registry file, positioned for a diagnostic in that file. */
export interface ConfigProblem {
  file: string;
  /** 0-based line and column. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  message: string;
}

export interface TermMatch {
  range: TextRange;
  entryId: string;
  /** What matched, as written in the document. */
  text: string;
  /** Which form of the entry matched. */
  form: 'term' | 'alias' | 'acronym' | 'discouraged';
  /** The entry's canonical spelling of the matched form (for inconsistency checks). */
  canonical: string;
  /** Present when the word carries an ending the glossary form lacks ("offenders", "desisting"). */
  inflection?: TermInflection;
}

/** An ending on a matched form: the last `suffix.length` characters of the match are the ending. */
export interface TermInflection {
  kind: 'plural' | 'possessive' | 'plural-possessive' | 'verb';
  /** The ending as written, e.g. "s", "'s", "ies", "ing". */
  suffix: string;
  /** Characters of the form dropped before the ending ("y" of "strategy" in "strategies"). */
  restore: string;
}

// ---------------------------------------------------------------------------------------------
// Causal claims
// ---------------------------------------------------------------------------------------------

export type ClaimLabel = 'none' | 'correlational' | 'conditional_causal' | 'direct_causal';

export type CueKind =
  | 'causal'
  | 'association'
  | 'hedge'
  | 'negation'
  | 'question'
  | 'future-work'
  | 'disclaimer'
  | 'design';

/** Offsets relative to the classified sentence text. */
export interface Cue {
  start: number;
  end: number;
  text: string;
  kind: CueKind;
}

export interface ClaimClassification {
  label: ClaimLabel;
  /** Probability of each label, summing to 1. */
  probabilities: Record<ClaimLabel, number>;
  /** The words carrying the claim (highlight these), relative to the sentence. */
  cues: Cue[];
  /** Supporting evidence for the decision: hedges, negation, question, disclaimer… */
  signals: Cue[];
}

export interface EvidenceSupport {
  /** Where the support came from. */
  origin: 'front-matter' | 'sentence' | 'annotation' | 'citation' | 'none';
  design?: string;
  sms?: number;
  source?: string;
  range?: TextRange;
}

export type ClaimStatus = 'unsupported' | 'hedged' | 'supported' | 'associational';

export interface Claim {
  sentence: Sentence;
  classification: ClaimClassification;
  status: ClaimStatus;
  evidence: EvidenceSupport;
}
