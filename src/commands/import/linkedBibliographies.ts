import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LibraryService } from '../../library/libraryService';
import { ImportRefusedError, LinkedMergeResult, importFiles, mergeLinkedBibliography } from '../../core/importers';

const SETTING = 'linkedBibliographies';

function linkedPaths(): string[] {
  const value = vscode.workspace.getConfiguration('paperShelf').get<unknown>(SETTING, []);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => path.resolve(item)) : [];
}

async function saveLinkedPaths(paths: string[]): Promise<void> {
  await vscode.workspace.getConfiguration('paperShelf').update(SETTING, paths, vscode.ConfigurationTarget.Global);
}

/**
 * Linked bibliographies (setting paperShelf.linkedBibliographies): .bib or CSL-JSON files that are re-read when
 * they change, e.g. a Better BibTeX auto-export. The merge keeps the user's tags, status, star, topic and notes
 * for entries that stay (core: mergeLinkedBibliography).
 */
export class LinkedBibliographies implements vscode.Disposable {
  private watchers = new Map<string, vscode.FileSystemWatcher>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Running totals while `link` is in progress. */
  private readonly tallies = new Map<string, LinkedMergeResult>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly libraryService: LibraryService, private readonly log: vscode.OutputChannel) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`paperShelf.${SETTING}`)) void this.start();
      }),
    );
  }

  get paths(): string[] {
    return linkedPaths();
  }

  /** Watches every linked file and brings the library in step with each one. */
  async start(): Promise<void> {
    const wanted = new Set(linkedPaths());
    for (const [file, watcher] of this.watchers) {
      if (!wanted.has(file)) {
        watcher.dispose();
        this.watchers.delete(file);
      }
    }
    for (const file of wanted) {
      if (this.watchers.has(file)) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
      const changed = () => this.scheduleSync(file);
      watcher.onDidChange(changed);
      watcher.onDidCreate(changed);
      this.watchers.set(file, watcher);
    }
    await Promise.all([...wanted].map((file) => this.sync(file, { quiet: true })));
  }

  /** Exporters write in several steps; wait for the file to settle before reading it. */
  private scheduleSync(file: string): void {
    clearTimeout(this.timers.get(file));
    this.timers.set(file, setTimeout(() => void this.sync(file, { quiet: true }), 400));
  }

  /** Re-reads one linked file; serialised so two syncs never interleave their library writes. */
  sync(file: string, options: { quiet?: boolean } = {}): Promise<LinkedMergeResult | undefined> {
    const run = this.queue.then(() => this.syncNow(file, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async syncNow(file: string, options: { quiet?: boolean }): Promise<LinkedMergeResult | undefined> {
    let result: LinkedMergeResult;
    try {
      result = mergeLinkedBibliography(this.libraryService.library.papers, file, await importFiles([file]));
    } catch (error) {
      const reason = error instanceof ImportRefusedError ? error.message : (error as Error).message;
      // A linked file that is briefly missing (an exporter replacing it) leaves the library as it is.
      this.log.appendLine(`[${new Date().toLocaleTimeString()}] linked ${file}: not read (${reason}); the library was left unchanged`);
      if (!options.quiet) void vscode.window.showErrorMessage(`Paper Shelf could not read the linked bibliography ${reason}. The library was left unchanged.`);
      return undefined;
    }
    const changed = result.added || result.updated || result.removed;
    if (changed) await this.libraryService.update(result.papers);
    const tally = this.tallies.get(file);
    if (tally) {
      tally.added += result.added;
      tally.updated += result.updated;
      tally.removed += result.removed;
      tally.duplicates = result.duplicates;
    }
    const summary = `${path.basename(file)}: ${result.added} added, ${result.updated} updated, ${result.removed} removed${result.duplicates ? `, ${result.duplicates} already in the library` : ''}${result.errors.length ? `, ${result.errors.length} entries with errors` : ''}`;
    this.log.appendLine(`[${new Date().toLocaleTimeString()}] linked ${summary}`);
    for (const error of result.errors) this.log.appendLine(`  line ${error.line}: ${error.message}`);
    if (!options.quiet || changed) vscode.window.setStatusBarMessage(`$(link) Paper Shelf: ${summary}`, 6000);
    return result;
  }

  /**
   * Follows a new file and returns what linking it did. Saving the setting also triggers a sync (configuration
   * listener), so the counts of every sync of this file until linking is done are added up.
   */
  async link(file: string): Promise<LinkedMergeResult | undefined> {
    const absolute = path.resolve(file);
    const total: LinkedMergeResult = { papers: [], added: 0, updated: 0, removed: 0, duplicates: 0, errors: [] };
    this.tallies.set(absolute, total);
    try {
      const paths = linkedPaths();
      if (!paths.includes(absolute)) await saveLinkedPaths([...paths, absolute]);
      await this.start();
      const last = await this.sync(absolute);
      if (!last) return undefined;
      return { ...total, papers: last.papers, errors: last.errors };
    } finally {
      this.tallies.delete(absolute);
    }
  }

  /** Stops following a file; its papers stay in the library as ordinary papers unless `removePapers`. */
  async unlink(file: string, removePapers: boolean): Promise<void> {
    await saveLinkedPaths(linkedPaths().filter((item) => item !== file));
    await this.start();
    await this.queue;
    const papers = this.libraryService.library.papers;
    const next = removePapers
      ? papers.filter((paper) => paper.linkedFrom !== file)
      : papers.map((paper) => {
          if (paper.linkedFrom !== file) return paper;
          const { linkedFrom: _dropped, ...rest } = paper;
          return rest;
        });
    await this.libraryService.update(next);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const watcher of this.watchers.values()) watcher.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
