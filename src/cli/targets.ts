// Command-line targets (files, directories, globs) → the bulletins to check, in a stable order.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import fastGlob from 'fast-glob';

export interface ResolvedTargets {
  /** Absolute paths: named files in the order given, each directory's or glob's matches sorted. */
  files: string[];
  /** One line each, naming the target; any of these makes the run exit 2. */
  problems: string[];
}

const MARKDOWN_IN_DIRECTORY = '**/*.{md,markdown}';
const IGNORE = ['**/node_modules/**'];

export async function resolveTargets(targets: readonly string[], cwd: string): Promise<ResolvedTargets> {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };

  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    const stats = await fs.stat(absolute).catch((error: NodeJS.ErrnoException) => error);
    if (!(stats instanceof Error)) {
      if (stats.isDirectory()) {
        const found = await globSorted(MARKDOWN_IN_DIRECTORY, absolute).catch((error: Error) => error);
        if (found instanceof Error) problems.push(`${target}: cannot read: ${found.message}`);
        else if (found.length === 0) problems.push(`${target}: no Markdown files (*.md, *.markdown) in this directory`);
        else found.forEach(add);
      } else if (stats.isFile()) {
        add(absolute);
      } else {
        // Reading a FIFO or device could block for ever, so it is refused up front.
        problems.push(`${target}: cannot read: not a regular file`);
      }
      continue;
    }
    if (fastGlob.isDynamicPattern(target)) {
      const found = await globSorted(target.split(path.sep).join('/'), cwd).catch((error: Error) => error);
      if (found instanceof Error) problems.push(`${target}: cannot read: ${found.message}`);
      else if (found.length === 0) problems.push(`${target}: no files match this pattern`);
      else found.forEach(add);
      continue;
    }
    problems.push(`${target}: cannot read: ${await describeMissing(absolute, stats)}`);
  }
  return { files, problems };
}

async function globSorted(pattern: string, cwd: string): Promise<string[]> {
  const found = await fastGlob(pattern, { cwd, absolute: true, onlyFiles: true, ignore: IGNORE, dot: false, followSymbolicLinks: true });
  return found.map((file) => path.normalize(file)).sort(compareCodeUnits);
}

// Plain code-unit order, so the same tree gives the same order on every machine and locale.
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function describeMissing(absolute: string, error: NodeJS.ErrnoException): Promise<string> {
  if (error.code === 'ENOENT') {
    const link = await fs.lstat(absolute).catch(() => undefined);
    return link?.isSymbolicLink() ? 'symbolic link to a missing file' : 'no such file or directory';
  }
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
  return error.message;
}
