// Bulletin Checker as the extension runs it: checkDocument with the default glossary.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument, CheckCache, type CheckOptions } from '../src/core/check';
import type { Glossary } from '../src/core/types';

export interface OurSetup {
  glossary: Glossary;
  /** Set when the default glossary could not be loaded, so the figures are for an empty one. */
  warning?: string;
}

export function loadOurSetup(repoRoot: string): OurSetup {
  const modulePath = join(repoRoot, 'src/core/glossary/default.ts');
  if (!existsSync(modulePath)) {
    return { glossary: { entries: [] }, warning: 'src/core/glossary/default.ts is absent: timing with an EMPTY glossary' };
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(modulePath) as { defaultGlossary?: () => Glossary };
    if (typeof loaded.defaultGlossary !== 'function') {
      return { glossary: { entries: [] }, warning: 'defaultGlossary() is not exported yet: timing with an EMPTY glossary' };
    }
    return { glossary: loaded.defaultGlossary() };
  } catch (error) {
    return { glossary: { entries: [] }, warning: `defaultGlossary() failed (${String(error)}): timing with an EMPTY glossary` };
  }
}

export function checkWithOurs(text: string, setup: OurSetup, cache?: CheckCache) {
  const options: CheckOptions = { glossary: setup.glossary };
  if (cache) options.cache = cache;
  return checkDocument(text, options);
}

export { CheckCache };
