import * as os from 'node:os';
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { Library } from '../core/library';
import { Paper } from '../core/paper';
import { LibraryFileError, fileExists, readLibraryFile, writeLibraryFile } from '../core/libraryStore';

const LIBRARY_FILE_NAME = 'library.json';

/**
 * Owns the library for the extension host: resolves where it lives, loads it, watches it and saves changes.
 * A file that failed to load is never written back, so a typo in a user's JSON cannot cost them their papers.
 */
export class LibraryService implements vscode.Disposable {
  private current = new Library([]);
  private loadFailed = false;
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly changed = new vscode.EventEmitter<Library>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  readonly onDidChange = this.changed.event;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('paperShelf.libraryPath')) void this.reload();
      }),
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

  private get usesDefaultLocation(): boolean {
    return !vscode.workspace.getConfiguration('paperShelf').get<string>('libraryPath', '').trim();
  }

  async reload(): Promise<Library> {
    const file = this.libraryPath;
    if (this.usesDefaultLocation && !(await fileExists(file))) await this.copySampleTo(file);
    this.watch(file);
    try {
      const { papers, problems } = await readLibraryFile(file);
      this.loadFailed = false;
      this.current = new Library(papers);
      if (problems.length) void this.reportProblems(file, problems.map((problem) => problem.message));
    } catch (error) {
      if (!(error instanceof LibraryFileError)) throw error;
      this.loadFailed = true;
      this.current = new Library([]);
      void this.offerToOpen(file, `Paper Shelf could not load the library ${error.message}. The file was left unchanged.`);
    }
    this.changed.fire(this.current);
    return this.current;
  }

  /** Replaces the library's papers and saves them atomically, keeping the previous file as `.bak`. */
  async update(papers: readonly Paper[]): Promise<void> {
    if (this.loadFailed) throw new Error(`The library file ${this.libraryPath} could not be loaded, so Paper Shelf will not overwrite it. Fix or remove it, then reload.`);
    await writeLibraryFile(this.libraryPath, papers);
    this.current = new Library(papers);
    this.changed.fire(this.current);
  }

  async restoreSample(): Promise<void> {
    const file = this.libraryPath;
    if (await fileExists(file)) await fs.copyFile(file, `${file}.bak`);
    await this.copySampleTo(file);
    await this.reload();
  }

  private async copySampleTo(file: string): Promise<void> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.copyFile(this.sampleLibraryPath, file);
  }

  private watch(file: string): void {
    this.watcher?.dispose();
    const pattern = new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file));
    this.watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const onDisk = () => void this.reload();
    this.watcher.onDidChange(onDisk);
    this.watcher.onDidCreate(onDisk);
    this.watcher.onDidDelete(onDisk);
  }

  private async reportProblems(file: string, messages: string[]): Promise<void> {
    const shown = messages.slice(0, 3).join('; ') + (messages.length > 3 ? `; and ${messages.length - 3} more` : '');
    await this.offerToOpen(file, `Paper Shelf skipped ${messages.length} invalid ${messages.length === 1 ? 'paper' : 'papers'} in ${file}: ${shown}. The valid papers were loaded.`, 'warning');
  }

  private async offerToOpen(file: string, message: string, severity: 'error' | 'warning' = 'error'): Promise<void> {
    const show = severity === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
    if ((await show(message, 'Open Library File')) === 'Open Library File') {
      await vscode.window.showTextDocument(vscode.Uri.file(file));
    }
  }

  dispose(): void {
    this.watcher?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
