import * as os from 'node:os';
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { Library } from '../core/library';
import { Paper } from '../core/paper';
import { LibraryFileError, LoadedLibrary, fileExists, readLibraryFile, serializeLibrary, writeFileAtomic, writeLibraryFile } from '../core/libraryStore';
import { notesFileName } from '../commands/userData/notes';

const LIBRARY_FILE_NAME = 'library.json';
/** The shared library of a workspace, meant to be committed with the project and used by co-authors. */
export const WORKSPACE_LIBRARY = path.join('.paper-shelf', 'library.json');

/** Where a paper is kept: the user's own library (default) or the workspace's shared one. */
export type LibraryScope = 'user' | 'workspace';

/**
 * Owns the library for the extension host: resolves where it lives, loads it, watches it and saves changes.
 * The library shown is the user-level file plus, when the open folder has one, `.paper-shelf/library.json`;
 * `update()` writes each paper back to the file it came from. A file that failed to load is never written back,
 * so a typo in a user's JSON cannot cost them their papers.
 */
export class LibraryService implements vscode.Disposable {
  private current = new Library([]);
  private readonly papersIn: Record<LibraryScope, Paper[]> = { user: [], workspace: [] };
  /** User papers hidden because the workspace library has the same id; kept in the user file on save. */
  private shadowedUserPapers: Paper[] = [];
  private readonly scopeById = new Map<string, LibraryScope>();
  private readonly failed = new Set<LibraryScope>();
  /** Entries of each file that are not valid papers: written back untouched so saving never drops them. */
  private readonly unreadableIn: Record<LibraryScope, unknown[]> = { user: [], workspace: [] };
  private workspaceFilePresent = false;
  private watchers: vscode.FileSystemWatcher[] = [];
  /**
   * Per library file, the text the papers in memory were last read from or saved as. A watcher event on a file that
   * still holds it (our own save, or a touch) needs no reload: reloading would re-validate every paper, rebuild
   * the tree and invalidate the search index for nothing.
   */
  private readonly textInMemory = new Map<string, string>();
  /** Counts reloads and saves, so a reload that finishes after a newer one (or a save) leaves their state alone. */
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<Library>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  readonly onDidChange = this.changed.event;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('paperShelf.libraryPath')) void this.reload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
    );
  }

  get library(): Library {
    return this.current;
  }

  get sampleLibraryPath(): string {
    return path.join(this.context.extensionPath, 'data', 'sample-library.json');
  }

  /** The configured library file, or the one in the extension's global storage. */
  get libraryPath(): string {
    const configured = vscode.workspace.getConfiguration('paperShelf').get<string>('libraryPath', '').trim();
    if (!configured) return path.join(this.context.globalStorageUri.fsPath, LIBRARY_FILE_NAME);
    const expanded = configured.replace(/^~(?=$|[\\/])/, os.homedir());
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    return path.isAbsolute(expanded) || !folder ? path.resolve(expanded) : path.resolve(folder, expanded);
  }

  /** `.paper-shelf/library.json` in the first workspace folder (whether or not it exists yet). */
  get workspaceLibraryPath(): string | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    return folder ? path.join(folder, WORKSPACE_LIBRARY) : undefined;
  }

  /** True when the open folder has a workspace library (as of the last load). */
  get hasWorkspaceLibrary(): boolean {
    return this.workspaceFilePresent;
  }

  fileFor(scope: LibraryScope): string {
    return scope === 'workspace' && this.workspaceLibraryPath ? this.workspaceLibraryPath : this.libraryPath;
  }

  /** The paper's personal notes: notes/<citekey>.md next to the library file that holds the paper (may not exist yet). */
  notesPath(paper: Pick<Paper, 'id' | 'citekey'>): string {
    return path.join(path.dirname(this.fileFor(this.scopeOf(paper.id))), 'notes', notesFileName(paper.citekey));
  }

  scopeOf(paperId: string): LibraryScope {
    return this.scopeById.get(paperId) ?? 'user';
  }

  private get usesDefaultLocation(): boolean {
    return !vscode.workspace.getConfiguration('paperShelf').get<string>('libraryPath', '').trim();
  }

  async reload(): Promise<Library> {
    // Reloads overlap (the setting, a watcher event and a save can all start one); only the latest may apply.
    const generation = ++this.generation;
    const userFile = this.libraryPath;
    if (this.usesDefaultLocation && !(await fileExists(userFile))) await this.copySampleTo(userFile);
    const workspaceFile = this.workspaceLibraryPath;
    const workspacePresent = workspaceFile ? await fileExists(workspaceFile) : false;
    const user = await readOrFail(userFile);
    const workspace = workspacePresent && workspaceFile ? await readOrFail(workspaceFile) : undefined;
    if (generation !== this.generation) return this.current;
    this.workspaceFilePresent = workspacePresent;
    this.watch([userFile, workspaceFile]);
    this.papersIn.user = this.apply('user', userFile, user);
    this.papersIn.workspace = workspace && workspaceFile ? this.apply('workspace', workspaceFile, workspace) : [];
    if (!workspace) {
      this.failed.delete('workspace');
      this.unreadableIn.workspace = [];
    }
    // The welcome view tells "could not be loaded" apart from "no papers yet".
    void vscode.commands.executeCommand('setContext', 'paperShelf.libraryLoadFailed', this.failed.has('user'));
    this.rebuild();
    this.changed.fire(this.current);
    return this.current;
  }

  private apply(scope: LibraryScope, file: string, read: LoadedLibrary & { text: string } | LibraryFileError): Paper[] {
    if (read instanceof LibraryFileError) {
      this.textInMemory.delete(file);
      this.failed.add(scope);
      this.unreadableIn[scope] = [];
      void this.offerToOpen(file, `Paper Shelf could not load the library ${read.message}. The file was left unchanged.`);
      return [];
    }
    this.textInMemory.set(file, read.text);
    this.failed.delete(scope);
    this.unreadableIn[scope] = read.unreadable;
    if (read.problems.length) void this.reportProblems(file, read.problems.map((problem) => problem.message));
    return read.papers;
  }

  /** Workspace papers first win an id clash; the user's copy stays in the user file, hidden. */
  private rebuild(): void {
    this.scopeById.clear();
    for (const paper of this.papersIn.workspace) this.scopeById.set(paper.id, 'workspace');
    const visibleUser = this.papersIn.user.filter((paper) => !this.scopeById.has(paper.id));
    this.shadowedUserPapers = this.papersIn.user.filter((paper) => this.scopeById.has(paper.id));
    for (const paper of visibleUser) this.scopeById.set(paper.id, 'user');
    this.papersIn.user = visibleUser;
    this.current = new Library([...visibleUser, ...this.papersIn.workspace]);
  }

  /**
   * Replaces the library's papers and saves them atomically, keeping the previous file as `.bak`. Each paper goes
   * back to the file it came from; new papers go to the user library (see addPapers for the workspace one).
   */
  async update(papers: readonly Paper[]): Promise<void> {
    await this.save(papers, new Map());
  }

  /** Adds new papers to one of the two libraries. */
  async addPapers(papers: readonly Paper[], scope: LibraryScope = 'user'): Promise<void> {
    if (scope === 'workspace' && !this.workspaceLibraryPath) throw new Error('Open a folder to keep a workspace library (.paper-shelf/library.json) in it.');
    await this.save([...this.current.papers, ...papers], new Map(papers.map((paper) => [paper.id, scope])));
  }

  /** Creates an empty `.paper-shelf/library.json` in the open folder, if there is none. */
  async createWorkspaceLibrary(): Promise<string> {
    const file = this.workspaceLibraryPath;
    if (!file) throw new Error('Open a folder first: the workspace library lives in its .paper-shelf folder.');
    if (!(await fileExists(file))) await writeLibraryFile(file, []);
    await this.reload();
    return file;
  }

  private async save(papers: readonly Paper[], newScopes: ReadonlyMap<string, LibraryScope>): Promise<void> {
    const split: Record<LibraryScope, Paper[]> = { user: [], workspace: [] };
    for (const paper of papers) split[newScopes.get(paper.id) ?? this.scopeOf(paper.id)].push(paper);
    const writes: [LibraryScope, Paper[]][] = [];
    for (const scope of ['user', 'workspace'] as const) {
      const next = scope === 'user' ? [...split.user, ...this.shadowedUserPapers] : split.workspace;
      const before = scope === 'user' ? [...this.papersIn.user, ...this.shadowedUserPapers] : this.papersIn.workspace;
      if (JSON.stringify(next) === JSON.stringify(before)) continue;
      if (this.failed.has(scope)) {
        throw new Error(`The library file ${this.fileFor(scope)} could not be loaded, so Paper Shelf will not overwrite it. Fix or remove it, then reload.`);
      }
      if (scope === 'workspace' && !this.workspaceLibraryPath) throw new Error('No folder is open for the workspace library.');
      writes.push([scope, next]);
    }
    this.generation++;
    for (const [scope, next] of writes) {
      const file = this.fileFor(scope);
      const text = serializeLibrary(next, this.unreadableIn[scope]);
      await writeFileAtomic(file, text);
      this.textInMemory.set(file, text);
    }
    if (writes.some(([scope]) => scope === 'workspace')) this.workspaceFilePresent = true;
    this.papersIn.user = [...split.user, ...this.shadowedUserPapers];
    this.papersIn.workspace = split.workspace;
    this.rebuild();
    this.changed.fire(this.current);
  }

  /** Puts the sample library in place of the user library; the library it replaces is kept as `.bak`. */
  async restoreSample(): Promise<void> {
    await this.copySampleTo(this.libraryPath);
    await this.reload();
  }

  private async copySampleTo(file: string): Promise<void> {
    await writeFileAtomic(file, await fs.readFile(this.sampleLibraryPath, 'utf8'));
  }

  private watch(files: (string | undefined)[]): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = files.filter((file): file is string => Boolean(file)).map((file) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
      const onDisk = async () => {
        const text = await fs.readFile(file, 'utf8').catch(() => undefined);
        if (text === undefined || text !== this.textInMemory.get(file)) await this.reload();
      };
      watcher.onDidChange(onDisk);
      watcher.onDidCreate(onDisk);
      watcher.onDidDelete(onDisk);
      return watcher;
    });
  }

  private async reportProblems(file: string, messages: string[]): Promise<void> {
    const shown = messages.slice(0, 3).join('; ') + (messages.length > 3 ? `; and ${messages.length - 3} more` : '');
    await this.offerToOpen(file, `Paper Shelf skipped ${messages.length} invalid ${messages.length === 1 ? 'paper' : 'papers'} in ${file}: ${shown}. The valid papers were loaded; the invalid entries stay in the file for you to fix.`, 'warning');
  }

  private async offerToOpen(file: string, message: string, severity: 'error' | 'warning' = 'error'): Promise<void> {
    const show = severity === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
    if ((await show(message, 'Open Library File')) === 'Open Library File') {
      await vscode.window.showTextDocument(vscode.Uri.file(file));
    }
  }

  dispose(): void {
    for (const watcher of this.watchers) watcher.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** A library file's contents, or why it could not be loaded; other errors (bugs) still throw. */
async function readOrFail(file: string): Promise<LoadedLibrary & { text: string } | LibraryFileError> {
  try {
    return await readLibraryFile(file);
  } catch (error) {
    if (error instanceof LibraryFileError) return error;
    throw error;
  }
}
