// The glossary and evidence registry in force for each bulletin: the built-in glossary, then any
// `.bulletin-glossary.yaml` found above the bulletin (outermost first), then the files named in
// settings. Layers are merged entry by entry; merged results are reused while no file changed, so
// the engine's per-glossary term index is built once.
import * as vscode from 'vscode';
import type { ConfigProblem, Glossary } from '../core/types';
import { ConfigFileCache, exists } from './configFiles';
import type { Log } from './log';
import { readSettings } from './settings';
import { engine } from './engine';
import type { EvidenceRegistry } from '../core/claims/registry';

export const GLOSSARY_FILE_NAME = '.bulletin-glossary.yaml';
export const REGISTRY_FILE_NAME = '.bulletin-evidence.yaml';

export interface Knowledge {
  glossary: Glossary;
  registry: EvidenceRegistry;
  glossaryFiles: vscode.Uri[];
  registryFiles: vscode.Uri[];
}

export class KnowledgeBase implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  readonly problems = vscode.languages.createDiagnosticCollection('bulletin-checker-config');
  private readonly glossaries: ConfigFileCache<Glossary>;
  private readonly registries: ConfigFileCache<EvidenceRegistry>;
  private readonly merged = new Map<string, Knowledge>();
  private readonly found = new Map<string, boolean>();
  private readonly disposables: vscode.Disposable[] = [];
  private changeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly extensionUri: vscode.Uri,
    log: Log,
  ) {
    this.glossaries = new ConfigFileCache('glossary', (text, file) => {
      const { glossary, problems } = engine().parseGlossary(text, file);
      return { value: glossary, problems, usable: isUsable(text, glossary.entries.length, problems) };
    }, this.problems, log);
    this.registries = new ConfigFileCache('evidence registry', (text, file) => {
      const { registry, problems } = engine().parseRegistry(text, file);
      return { value: registry, problems, usable: isUsable(text, registry.entries.size, problems) };
    }, this.problems, log);

    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${GLOSSARY_FILE_NAME},${REGISTRY_FILE_NAME},*.yaml,*.yml}`);
    const onFile = (uri: vscode.Uri) => this.fileChanged(uri);
    this.disposables.push(
      watcher,
      watcher.onDidChange(onFile),
      watcher.onDidCreate(onFile),
      watcher.onDidDelete(onFile),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.isKnowledgeFile(e.document.uri)) this.fileChanged(e.document.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('bulletinChecker')) this.invalidate();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()),
    );
  }

  /** The glossary and registry for a bulletin. */
  knowledgeFor(document: vscode.TextDocument): Promise<Knowledge> {
    return this.knowledgeForUri(document.uri);
  }

  /** The same for a bulletin that is not open in an editor. */
  async knowledgeForUri(uri: vscode.Uri): Promise<Knowledge> {
    const settings = readSettings(uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    const glossaryFiles = [
      ...(await this.findUpward(uri, folder, GLOSSARY_FILE_NAME)),
      ...resolveAll(settings.glossaryFiles, folder),
    ];
    const registryFiles = [
      ...(await this.findUpward(uri, folder, REGISTRY_FILE_NAME)),
      ...resolveAll(settings.evidenceRegistryFiles, folder),
    ];

    const glossaryLayers: { value: Glossary; generation: number; uri: string }[] = [];
    for (const uri of glossaryFiles) {
      const loaded = await this.glossaries.load(uri);
      if (loaded) glossaryLayers.push({ value: loaded.parsed.value, generation: loaded.generation, uri: uri.toString() });
    }
    const registryLayers: { value: EvidenceRegistry; generation: number; uri: string }[] = [];
    for (const uri of registryFiles) {
      const loaded = await this.registries.load(uri);
      if (loaded) registryLayers.push({ value: loaded.parsed.value, generation: loaded.generation, uri: uri.toString() });
    }

    const key = JSON.stringify([
      settings.useDefaultGlossary,
      glossaryLayers.map((l) => [l.uri, l.generation]),
      registryLayers.map((l) => [l.uri, l.generation]),
    ]);
    let knowledge = this.merged.get(key);
    if (!knowledge) {
      const { defaultGlossary, mergeGlossaries, mergeRegistries, emptyRegistry } = engine();
      const base = settings.useDefaultGlossary ? [defaultGlossary()] : [];
      knowledge = {
        glossary: mergeGlossaries([...base, ...glossaryLayers.map((l) => l.value)]),
        registry: registryLayers.length ? mergeRegistries(registryLayers.map((l) => l.value)) : emptyRegistry(),
        glossaryFiles: glossaryFiles.filter((u) => glossaryLayers.some((l) => l.uri === u.toString())),
        registryFiles: registryFiles.filter((u) => registryLayers.some((l) => l.uri === u.toString())),
      };
      this.merged.set(key, knowledge);
    }
    return knowledge;
  }

  /**
   * The glossary file a new entry for this bulletin should go into: the first file named in
   * settings, else the nearest `.bulletin-glossary.yaml` above the bulletin, else a new one at the
   * workspace folder's root.
   */
  async targetGlossaryFor(document?: vscode.TextDocument): Promise<vscode.Uri | undefined> {
    const folder = (document && vscode.workspace.getWorkspaceFolder(document.uri)) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) return undefined;
    const configured = readSettings(folder.uri).glossaryFiles[0];
    if (configured) return resolve(configured, folder);
    // Look afresh: the user may have just created the file, before the watcher has said so.
    const upward = document ? await this.findUpward(document.uri, folder, GLOSSARY_FILE_NAME, true) : [];
    return upward[upward.length - 1] ?? vscode.Uri.joinPath(folder.uri, GLOSSARY_FILE_NAME);
  }

  /** The workspace glossary "Open Glossary" shows, if the workspace has one. */
  async workspaceGlossaryFor(document?: vscode.TextDocument): Promise<vscode.Uri | undefined> {
    const target = await this.targetGlossaryFor(document);
    return target && (await exists(target)) ? target : undefined;
  }

  /** Where the built-in glossary lives inside the extension, for "Edit in glossary". */
  get defaultGlossaryUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'glossary', 'default.yaml');
  }

  private isKnowledgeFile(uri: vscode.Uri): boolean {
    const path = uri.path;
    if (path.endsWith('/' + GLOSSARY_FILE_NAME) || path.endsWith('/' + REGISTRY_FILE_NAME)) return true;
    const settings = readSettings(uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return [...settings.glossaryFiles, ...settings.evidenceRegistryFiles].some((f) => resolve(f, folder).toString() === uri.toString());
  }

  private fileChanged(uri: vscode.Uri): void {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    if (name === GLOSSARY_FILE_NAME || name === REGISTRY_FILE_NAME) this.found.clear();
    if (!this.isKnowledgeFile(uri)) return;
    this.invalidate();
  }

  // Coalesce bursts (typing in a glossary, a branch switch) into one re-check.
  private invalidate(): void {
    this.found.clear();
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      this.merged.clear();
      this.changed.fire();
    }, 150);
  }

  private async findUpward(document: vscode.Uri, folder: vscode.WorkspaceFolder | undefined, name: string, fresh = false): Promise<vscode.Uri[]> {
    if (!folder || document.scheme === 'untitled') return [];
    const root = folder.uri.path.replace(/\/$/, '');
    const hits: vscode.Uri[] = [];
    let dir = document.path.slice(0, document.path.lastIndexOf('/'));
    while (dir.length >= root.length && dir.startsWith(root)) {
      const candidate = document.with({ path: `${dir}/${name}` });
      const key = candidate.toString();
      let present = fresh ? undefined : this.found.get(key);
      if (present === undefined) {
        present = await exists(candidate);
        this.found.set(key, present);
      }
      if (present) hits.unshift(candidate);
      if (dir === root) break;
      dir = dir.slice(0, dir.lastIndexOf('/'));
    }
    return hits;
  }

  dispose(): void {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    for (const d of this.disposables) d.dispose();
    this.problems.dispose();
    this.glossaries.dispose();
    this.registries.dispose();
    this.changed.dispose();
  }
}

// A file is unusable when it has errors and yielded nothing; an empty file is simply empty.
function isUsable(text: string, loadedCount: number, problems: ConfigProblem[]): boolean {
  return loadedCount > 0 || !problems.some((p) => p.severity === 'error') || text.trim() === '';
}

function resolve(file: string, folder: vscode.WorkspaceFolder | undefined): vscode.Uri {
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) && !/^[a-z]:[\\/]/i.test(file)) return vscode.Uri.parse(file);
  if (file.startsWith('/') || !folder) return vscode.Uri.file(file);
  return vscode.Uri.joinPath(folder.uri, file);
}

function resolveAll(files: string[], folder: vscode.WorkspaceFolder | undefined): vscode.Uri[] {
  return files.filter((f) => f.trim()).map((f) => resolve(f, folder));
}
