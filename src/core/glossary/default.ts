// The glossary shipped with the extension. The core cannot read files (it also runs in a web
// worker), so glossary/default.yaml is parsed at build time (scripts/compile-default-glossary.ts)
// and embedded as data: starting the extension costs no YAML parsing.
import type { Glossary } from '../types';
import { DEFAULT_GLOSSARY, DEFAULT_GLOSSARY_YAML } from '../../generated/default-glossary';
import { parseGlossary, type GlossaryParseResult } from './load';

export const DEFAULT_GLOSSARY_FILE = 'glossary/default.yaml';

/** Parses the shipped YAML afresh, with any problems it has (for tests of the shipped file). */
export function loadDefaultGlossary(): GlossaryParseResult {
  return parseGlossary(DEFAULT_GLOSSARY_YAML, DEFAULT_GLOSSARY_FILE);
}

/** The shipped glossary, as parsed at build time. The same object every time. */
export function defaultGlossary(): Glossary {
  return DEFAULT_GLOSSARY;
}
