import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LibraryService } from '../../library/libraryService';
import type { LibraryTreeController } from '../../views/library/registerLibraryTree';
import { UNSORTED_TOPIC } from '../../core/paper';
import { writeFileAtomic } from '../../core/libraryStore';
import { paperIdsFromArgs } from '../paper/paperArg';
import { ExportFormat, exportText, papersInScope } from './exportFormats';

const FORMATS: { format: ExportFormat; label: string; extension: string; filter: string }[] = [
  { format: 'bibtex', label: 'BibTeX (.bib)', extension: 'bib', filter: 'BibTeX' },
  { format: 'csl-json', label: 'CSL-JSON (.json)', extension: 'json', filter: 'CSL-JSON' },
  { format: 'markdown', label: 'Markdown reading list (.md)', extension: 'md', filter: 'Markdown' },
];

/** Non-interactive use (other extensions, tests): everything given, nothing asked. */
export interface ExportRequest {
  format: ExportFormat;
  /** "library", "topic:NAME", "tag:NAME", or "papers" with `paperIds`. */
  scope: string;
  paperIds?: string[];
  file: string;
}

export interface ExportOutcome {
  file: string;
  exported: number;
  /** Papers left out of a BibTeX export because their key cannot be a BibTeX key. */
  skipped: string[];
}

export function registerExportCommands(context: vscode.ExtensionContext, libraryService: LibraryService, tree: Pick<LibraryTreeController, 'selectedPaperIds'>): void {
  async function write(request: ExportRequest): Promise<ExportOutcome | undefined> {
    const { papers, title } = papersInScope(libraryService.library.papers, request.scope, request.paperIds);
    if (!papers.length) {
      void vscode.window.showInformationMessage('Paper Shelf: no papers to export in that selection.');
      return undefined;
    }
    const { text, skipped } = exportText(papers, request.format, title);
    // No .bak for exports: the user chose to replace that file in the save dialog.
    await writeFileAtomic(request.file, text, { backup: false });
    return { file: request.file, exported: papers.length - skipped.length, skipped };
  }

  async function interactive(arg: unknown, selection: unknown): Promise<ExportOutcome | undefined> {
    const clicked = paperIdsFromArgs(arg, selection);
    const selected = clicked.length ? clicked : tree.selectedPaperIds();
    const format = await vscode.window.showQuickPick(FORMATS.map((item) => ({ label: item.label, item })), { title: 'Export Papers: format' });
    if (!format) return undefined;
    const papers = libraryService.library.papers;
    const topics = [...new Set(papers.map((paper) => paper.topic ?? UNSORTED_TOPIC))].sort();
    const tags = [...new Set(papers.flatMap((paper) => paper.tags))].sort();
    const scopes = [
      ...(selected.length ? [{ label: `$(checklist) Selected papers (${selected.length})`, scope: 'papers' }] : []),
      { label: `$(library) Whole library (${papers.length})`, scope: 'library' },
      ...topics.map((topic) => ({ label: `$(folder-library) Topic: ${topic}`, scope: `topic:${topic}` })),
      ...tags.map((tag) => ({ label: `$(tag) Tag: ${tag}`, scope: `tag:${tag}` })),
    ];
    const scope = await vscode.window.showQuickPick(scopes, { title: 'Export Papers: which papers', matchOnDescription: true });
    if (!scope) return undefined;
    const base = scope.scope === 'library' ? 'library' : scope.scope === 'papers' ? 'selection' : scope.scope.replace(/^\w+:/, '').replace(/[^\p{L}\p{N}._-]+/gu, '-');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(path.dirname(libraryService.libraryPath));
    const target = await vscode.window.showSaveDialog({
      title: 'Export Papers',
      defaultUri: vscode.Uri.joinPath(folder, `${base}.${format.item.extension}`),
      filters: { [format.item.filter]: [format.item.extension] },
    });
    if (!target) return undefined;
    return write({ format: format.item.format, scope: scope.scope, paperIds: selected, file: target.fsPath });
  }

  context.subscriptions.push(
    vscode.commands.registerCommand('paperShelf.exportPapers', async (arg?: unknown, selection?: unknown) => {
      try {
        const request = typeof arg === 'object' && arg !== null && 'format' in arg && 'file' in arg ? (arg as ExportRequest) : undefined;
        const outcome = request ? await write(request) : await interactive(arg, selection);
        if (!outcome) return undefined;
        const note = outcome.skipped.length ? ` (${outcome.skipped.length} left out: their citation keys cannot be BibTeX keys: ${outcome.skipped.slice(0, 3).join(', ')})` : '';
        if (!request) {
          void vscode.window.showInformationMessage(`Paper Shelf: exported ${outcome.exported} ${outcome.exported === 1 ? 'paper' : 'papers'} to ${path.basename(outcome.file)}${note}.`, 'Open').then((choice) => {
            if (choice) void vscode.window.showTextDocument(vscode.Uri.file(outcome.file));
          });
        }
        return outcome;
      } catch (error) {
        void vscode.window.showErrorMessage(`Paper Shelf: export failed: ${(error as Error).message}`);
        return undefined;
      }
    }),
  );
}
