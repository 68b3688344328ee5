// The glossary shipped with the extension. The core cannot read files (it also runs in a web
// worker), so glossary/default.yaml is embedded at build time by scripts/embed-default-glossary.mjs.
import type { Glossary } from '../types';
import { DEFAULT_GLOSSARY_YAML } from '../../generated/default-glossary';
import { parseGlossary, type GlossaryParseResult } from './load';

export const DEFAULT_GLOSSARY_FILE = 'glossary/default.yaml';

let loaded: GlossaryParseResult | undefined;

/** The shipped glossary with any problems it has, parsed on first use and then kept. */
export function loadDefaultGlossary(): GlossaryParseResult {
  loaded ??= parseGlossary(DEFAULT_GLOSSARY_YAML, DEFAULT_GLOSSARY_FILE);
  return loaded;
}

export function defaultGlossary(): Glossary {
  return loadDefaultGlossary().glossary;
}
