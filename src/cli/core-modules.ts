// The glossary and registry loaders are being written alongside the CLI; until they land the CLI
// still runs, and says so plainly when a glossary or registry file is asked for.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { ConfigProblem, Glossary } from '../core/types';
import type { EvidenceRegistry } from '../core/claims/registry';

export interface GlossaryLoadModule {
  parseGlossary(text: string, file: string): { glossary: Glossary; problems: ConfigProblem[] };
  mergeGlossaries(layers: Glossary[]): Glossary;
}

export interface DefaultGlossaryModule {
  defaultGlossary(): Glossary;
}

export type RegistryParser = (text: string, file: string) => { registry: EvidenceRegistry; problems: ConfigProblem[] };

let glossaryLoad: GlossaryLoadModule | null | undefined;
let defaultGlossaryModule: DefaultGlossaryModule | null | undefined;
let registryParser: RegistryParser | null | undefined;

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'MODULE_NOT_FOUND';
}

export function loadGlossaryModule(): GlossaryLoadModule | undefined {
  if (glossaryLoad === undefined) {
    try {
      glossaryLoad = require('../core/glossary/load') as GlossaryLoadModule;
    } catch (error) {
      if (!isMissing(error)) throw error;
      glossaryLoad = null;
    }
  }
  return glossaryLoad ?? undefined;
}

export function loadDefaultGlossaryModule(): DefaultGlossaryModule | undefined {
  if (defaultGlossaryModule === undefined) {
    try {
      defaultGlossaryModule = require('../core/glossary/default') as DefaultGlossaryModule;
    } catch (error) {
      if (!isMissing(error)) throw error;
      defaultGlossaryModule = null;
    }
  }
  return defaultGlossaryModule ?? undefined;
}

export function loadRegistryParser(): RegistryParser | undefined {
  if (registryParser === undefined) {
    const registry = require('../core/claims/registry') as { parseRegistry?: RegistryParser };
    registryParser = registry.parseRegistry ?? null;
  }
  return registryParser ?? undefined;
}
