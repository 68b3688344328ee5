// Glossary commands: search, show, edit, open, and add the selection as a new entry.
import * as vscode from 'vscode';
import type { GlossaryEntry } from '../core/types';
import { exists, readText } from './configFiles';
import type { KnowledgeBase } from './knowledge';
import { EDIT_ENTRY_COMMAND, renderEntry, SHOW_ENTRY_COMMAND } from './glossaryMarkdown';
import { engine } from './engine';

export const ENTRY_SCHEME = 'bulletin-glossary';

export class GlossaryCommands {
  private readonly entryText = new Map<string, string>();
  private readonly entryChanged = new vscode.EventEmitter<vscode.Uri>();

  constructor(private readonly knowledge: KnowledgeBase) {}

  register(): vscode.Disposable[] {
    return [
      vscode.workspace.registerTextDocumentContentProvider(ENTRY_SCHEME, {
        onDidChange: this.entryChanged.event,
        provideTextDocumentContent: (uri) => this.entryText.get(uri.toString()) ?? 'This glossary entry is no longer loaded.',
      }),
      vscode.commands.registerCommand('bulletinChecker.searchGlossary', (query?: string) => this.search(query)),
      vscode.commands.registerCommand(SHOW_ENTRY_COMMAND, (idOrTerm: string) => this.show(idOrTerm)),
      vscode.commands.registerCommand(EDIT_ENTRY_COMMAND, (idOrTerm: string) => this.edit(idOrTerm)),
      vscode.commands.registerCommand('bulletinChecker.openGlossary', () => this.open()),
      vscode.commands.registerCommand('bulletinChecker.addToGlossary', (args?: { term?: string; definition?: string }) => this.add(args)),
      this.entryChanged,
    ];
  }

  /** The glossary in force for the active bulletin (or the built-in one). */
  async activeGlossaryEntries(): Promise<GlossaryEntry[]> {
    const document = vscode.window.activeTextEditor?.document;
    if (document && document.languageId === 'markdown') return (await this.knowledge.knowledgeFor(document)).glossary.entries;
    return engine().defaultGlossary().entries;
  }

  async find(idOrTerm: string): Promise<GlossaryEntry | undefined> {
    const key = idOrTerm.toLowerCase();
    const entries = await this.activeGlossaryEntries();
    return entries.find((e) => e.id === key || e.term.toLowerCase() === key)
      ?? entries.find((e) => e.aliases.some((a) => a.toLowerCase() === key) || e.acronyms.some((a) => a.toLowerCase() === key));
  }

  /** A QuickPick over every entry; resolves with the chosen entry and the action taken. */
  async search(query?: string): Promise<{ entry: GlossaryEntry; action: string } | undefined> {
    const entries = [...(await this.activeGlossaryEntries())].sort((a, b) => a.term.localeCompare(b.term, 'en-GB'));
    type EntryItem = vscode.QuickPickItem & { entry: GlossaryEntry };
    const items: EntryItem[] = entries.map((entry) => ({
      entry,
      label: entry.term,
      description: [...entry.acronyms, ...entry.aliases].join(', '),
      detail: entry.definition,
    }));
    const picked = await pickOne(items, {
      title: 'Search Glossary',
      placeholder: 'Type a term, an acronym or words from a definition',
      value: query,
    });
    if (!picked) return undefined;
    const entry = picked.entry;
    const editor = vscode.window.activeTextEditor;
    const actions: (vscode.QuickPickItem & { id: string })[] = [
      { id: 'show', label: '$(book) Show entry', detail: entry.definition },
      ...(editor ? [{ id: 'insert', label: `$(insert) Insert “${entry.term}” at the cursor` }] : []),
      { id: 'edit', label: '$(go-to-file) Open the entry in its glossary file' },
    ];
    const action = await pickOne(actions, { title: entry.term, placeholder: 'What would you like to do with this entry?' });
    if (!action) return { entry, action: 'none' };
    if (action.id === 'insert' && editor) {
      await editor.edit((b) => b.replace(editor.selection, entry.term));
    } else if (action.id === 'edit') {
      await this.edit(entry.id);
    } else {
      await this.show(entry.id);
    }
    return { entry, action: action.id };
  }

  /** Shows an entry as a rendered page beside the editor. */
  async show(idOrTerm: string): Promise<boolean> {
    const entry = await this.find(idOrTerm);
    if (!entry) {
      void vscode.window.showWarningMessage(`“${idOrTerm}” is not in the glossary.`);
      return false;
    }
    const uri = vscode.Uri.from({ scheme: ENTRY_SCHEME, path: `/${entry.term.replace(/[\\/]/g, '-')}.md` });
    this.entryText.set(uri.toString(), renderEntry(entry, { commands: false, heading: true }));
    this.entryChanged.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    return true;
  }

  /** Opens the YAML file that defines an entry, at the entry. */
  async edit(idOrTerm: string): Promise<vscode.TextEditor | undefined> {
    const entry = await this.find(idOrTerm);
    if (!entry) return undefined;
    const file = entry.origin?.file;
    const uri = file && /^[a-z][a-z0-9+.-]+:/i.test(file) ? vscode.Uri.parse(file) : this.knowledge.defaultGlossaryUri;
    const position = new vscode.Position(entry.origin?.line ?? 0, entry.origin?.column ?? 0);
    const editor = await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position) });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
    return editor;
  }

  /** Opens the workspace glossary, or the built-in one when the workspace has none. */
  async open(): Promise<vscode.TextEditor> {
    const workspace = await this.knowledge.workspaceGlossaryFor(vscode.window.activeTextEditor?.document);
    const uri = workspace ?? this.knowledge.defaultGlossaryUri;
    return vscode.window.showTextDocument(uri);
  }

  /** Writes the selected text as a new entry into the workspace glossary, as one undoable edit. */
  async add(args?: { term?: string; definition?: string }): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    const selected = editor ? editor.document.getText(editor.selection).replace(/\s+/g, ' ').trim() : '';
    const term = (args?.term ?? selected).trim();
    if (!term) {
      void vscode.window.showInformationMessage('Select a term in the bulletin first, then run “Add Selection to Glossary”.');
      return false;
    }
    if (await this.find(term)) {
      void vscode.window.showInformationMessage(`“${term}” is already in the glossary.`);
      return false;
    }
    const definition = args?.definition ?? (await vscode.window.showInputBox({
      title: `Add “${term}” to the glossary`,
      prompt: 'A short definition in plain English (you can add key messages and sources in the file afterwards)',
      validateInput: (v) => (v.trim() ? undefined : 'A definition helps readers; please write one sentence.'),
    }));
    if (definition === undefined) return false;
    const target = await this.knowledge.targetGlossaryFor(editor?.document);
    if (!target) {
      void vscode.window.showWarningMessage('Open a folder first: new glossary entries are saved in the workspace glossary.');
      return false;
    }
    const entry = { term, definition: definition.trim(), aliases: [] as string[], keyMessages: [] as unknown[], sources: [] as unknown[] };
    const edit = new vscode.WorkspaceEdit();
    if (await exists(target)) {
      const text = (await readText(target)) ?? '';
      const result = engine().appendListItem(text, 'entries', entry);
      if (!result.ok) {
        void vscode.window.showWarningMessage(`Bulletin Checker could not add “${term}”: ${result.reason}.`);
        return false;
      }
      const document = await vscode.workspace.openTextDocument(target);
      edit.insert(target, document.positionAt(result.insertion.offset), result.insertion.text);
    } else {
      edit.createFile(target, { ignoreIfExists: true });
      const header = '# Workspace glossary for Bulletin Checker: entries here add to and override the built-in A–Z.\nversion: 1\n';
      edit.insert(target, new vscode.Position(0, 0), engine().newListFile(header, 'entries', entry));
    }
    const applied = await vscode.workspace.applyEdit(edit);
    if (applied) {
      const document = await vscode.workspace.openTextDocument(target);
      await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    }
    return applied;
  }
}

/** A QuickPick that resolves with the accepted item, also when accepted programmatically. */
function pickOne<T extends vscode.QuickPickItem>(items: T[], options: { title: string; placeholder: string; value?: string }): Promise<T | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<T>();
    pick.items = items;
    pick.title = options.title;
    pick.placeholder = options.placeholder;
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    if (options.value) pick.value = options.value;
    let done = false;
    pick.onDidAccept(() => {
      done = true;
      resolve(pick.selectedItems[0] ?? pick.activeItems[0]);
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!done) resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
