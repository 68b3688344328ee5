// Which glossary and registry files apply to each bulletin: the built-in glossary, then any
// .bulletin-glossary.yaml / .bulletin-evidence.yaml from the outermost folder inwards, then the
// files named on the command line. Each config file is read and validated once per run.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ConfigProblem } from '../core/types';
import type { ConfigSpec, ConfigText } from './engine';
import { parseGlossary } from '../core/glossary/load';
import { parseRegistry } from '../core/claims/registry';

export const GLOSSARY_FILE_NAME = '.bulletin-glossary.yaml';
export const REGISTRY_FILE_NAME = '.bulletin-evidence.yaml';

type ConfigKind = 'glossary' | 'registry';

interface Discovered {
  glossaries: string[];
  registries: string[];
}

export type ReadBytes = (file: string) => Promise<Uint8Array>;

export class ConfigResolver {
  /** Spec key → spec; the key is what a worker is told for each file. */
  readonly specs = new Map<string, ConfigSpec>();
  /** One line per problem, each naming its file; an error makes the run exit 2. */
  readonly problems: { line: string; severity: ConfigProblem['severity'] }[] = [];
  private readonly texts = new Map<string, Promise<ConfigText | undefined>>();
  private readonly byDirectory = new Map<string, Promise<Discovered>>();

  constructor(
    private readonly cwd: string,
    private readonly explicit: { glossaryFiles: string[]; registryFiles: string[]; useDefaultGlossary: boolean },
    private readonly readBytes: ReadBytes,
  ) {}

  /** The key of the configuration that applies to `file` (absolute). */
  async keyFor(file: string): Promise<string> {
    const discovered = await this.discover(path.dirname(file));
    const glossaryFiles = [...discovered.glossaries, ...this.explicit.glossaryFiles.map((f) => path.resolve(this.cwd, f))];
    const registryFiles = [...discovered.registries, ...this.explicit.registryFiles.map((f) => path.resolve(this.cwd, f))];
    const key = JSON.stringify([glossaryFiles, registryFiles]);
    if (!this.specs.has(key)) {
      const glossaries = await this.readAll(glossaryFiles, 'glossary');
      const registries = await this.readAll(registryFiles, 'registry');
      this.specs.set(key, { useDefaultGlossary: this.explicit.useDefaultGlossary, glossaries, registries });
    }
    return key;
  }

  private async readAll(files: string[], kind: ConfigKind): Promise<ConfigText[]> {
    const texts: ConfigText[] = [];
    for (const file of files) {
      const text = await this.read(file, kind);
      if (text) texts.push(text);
    }
    return texts;
  }

  private read(file: string, kind: ConfigKind): Promise<ConfigText | undefined> {
    let pending = this.texts.get(file);
    if (!pending) {
      pending = this.readAndValidate(file, kind);
      this.texts.set(file, pending);
    }
    return pending;
  }

  private async readAndValidate(file: string, kind: ConfigKind): Promise<ConfigText | undefined> {
    const shown = displayPath(this.cwd, file);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await this.readBytes(file));
    } catch (error) {
      this.problems.push({ line: `${shown}: cannot read ${kind}: ${describeReadError(error)}`, severity: 'error' });
      return undefined;
    }
    const loaded = { file: shown, text };
    for (const problem of validate(kind, loaded)) this.problems.push({ line: formatConfigProblem(problem), severity: problem.severity });
    return loaded;
  }

  private discover(directory: string): Promise<Discovered> {
    let pending = this.byDirectory.get(directory);
    if (!pending) {
      pending = this.discoverUncached(directory);
      this.byDirectory.set(directory, pending);
    }
    return pending;
  }

  private async discoverUncached(directory: string): Promise<Discovered> {
    const parent = path.dirname(directory);
    const outer = parent === directory ? { glossaries: [], registries: [] } : await this.discover(parent);
    const [glossary, registry] = await Promise.all([
      isFile(path.join(directory, GLOSSARY_FILE_NAME)),
      isFile(path.join(directory, REGISTRY_FILE_NAME)),
    ]);
    if (!glossary && !registry) return outer;
    return {
      glossaries: glossary ? [...outer.glossaries, path.join(directory, GLOSSARY_FILE_NAME)] : outer.glossaries,
      registries: registry ? [...outer.registries, path.join(directory, REGISTRY_FILE_NAME)] : outer.registries,
    };
  }
}

function validate(kind: ConfigKind, config: ConfigText): ConfigProblem[] {
  return kind === 'glossary' ? parseGlossary(config.text, config.file).problems : parseRegistry(config.text, config.file).problems;
}

/** `file:line:column: message`, 1-based as editors and compilers print it. */
export function formatConfigProblem(problem: ConfigProblem): string {
  const label = problem.severity === 'error' ? '' : `${problem.severity}: `;
  return `${problem.file}:${problem.line + 1}:${problem.column + 1}: ${label}${problem.message}`;
}

async function isFile(file: string): Promise<boolean> {
  const stats = await fs.stat(file).catch(() => undefined);
  return stats?.isFile() ?? false;
}

export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (error instanceof TypeError) return 'not valid UTF-8 text';
  return error instanceof Error ? error.message : String(error);
}

/** Relative to the working directory when inside it, with forward slashes; absolute otherwise. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return file.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}
