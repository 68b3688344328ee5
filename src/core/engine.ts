// Everything the editor adapters take from the engine, in one module: the extension loads it on
// first use (src/extension/engine.ts), so that activating the extension does not wait for the
// classifier's tables, the default glossary and the YAML parser to be built.
export { checkDocument, CheckCache } from './check';
export { LineIndex } from './text/lineIndex';
export { allRules } from './rules/index';
export { STUDY_DESIGNS, lookUpDesign, wordingForSms } from './claims/designs';
export { findCitations } from './claims/citations';
export { readAnnotations } from './claims/annotations';
export { claimRows, cueWords, describeEvidence, renderCsvReport, renderMarkdownReport } from './report/claimsReport';
export { appendListItem, newListFile } from './edit/appendYamlEntry';
export { defaultGlossary } from './glossary/default';
export { emptyRegistry, mergeRegistries, parseRegistry } from './claims/registry';
export { mergeGlossaries, parseGlossary } from './glossary/load';
