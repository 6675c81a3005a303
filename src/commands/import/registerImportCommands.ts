import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LibraryService } from '../../library/libraryService';
import type { LibraryTreeController } from '../../views/library/registerLibraryTree';
import type { ReaderController } from '../../views/reader/registerReader';
import { ImportFlow, requestFromArg } from './importCommand';
import { LinkedBibliographies } from './linkedBibliographies';
import { registerUserDataCommands } from '../userData/registerUserDataCommands';
import { registerExportCommands } from '../export/registerExportCommands';

/**
 * Bring-your-own-papers: import (command, drag and drop on the tree), linked bibliographies, the workspace
 * library, the user's own data on papers (tags, status, star, notes, metadata, delete) and export.
 */
export function registerImportCommands(context: vscode.ExtensionContext, libraryService: LibraryService, tree: Pick<LibraryTreeController, 'setDropHandler' | 'selectedPaperIds'>, reader: Pick<ReaderController, 'currentPaperId'>): void {
  const log = vscode.window.createOutputChannel('Paper Shelf Import');
  const importFlow = new ImportFlow(libraryService, log);
  const linked = new LinkedBibliographies(libraryService, log);
  context.subscriptions.push(log, linked);

  tree.setDropHandler(async (uris) => {
    await importFlow.run({ files: uris });
  });

  // Linked files are brought in step once the library has loaded, then whenever they change.
  const firstLoad = libraryService.onDidChange(() => {
    firstLoad.dispose();
    void linked.start();
  });
  context.subscriptions.push(firstLoad);

  const bibliographyFilters = { 'BibTeX or CSL-JSON': ['bib', 'bibtex', 'json'] };

  context.subscriptions.push(
    vscode.commands.registerCommand('paperShelf.importPapers', (arg?: unknown, selection?: unknown) => importFlow.run(requestFromArg(arg, selection))),

    vscode.commands.registerCommand('paperShelf.linkBibliography', async (arg?: unknown) => {
      const given = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.file(arg) : undefined;
      const uri = given ?? (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Link', title: 'Link a Bibliography (kept in step when it changes)', filters: bibliographyFilters }))?.[0];
      if (!uri) return undefined;
      if (uri.scheme !== 'file') {
        void vscode.window.showErrorMessage('Paper Shelf can only link a bibliography file on disk.');
        return undefined;
      }
      const result = await linked.link(uri.fsPath);
      if (result) void vscode.window.showInformationMessage(`Paper Shelf linked ${path.basename(uri.fsPath)}: ${result.added} added, ${result.updated} updated${result.errors.length ? `, ${result.errors.length} entries with errors (see the "Paper Shelf Import" output)` : ''}. It is re-read whenever it changes.`);
      return result;
    }),

    vscode.commands.registerCommand('paperShelf.unlinkBibliography', async (arg?: unknown, options?: unknown) => {
      const paths = linked.paths;
      if (!paths.length) {
        void vscode.window.showInformationMessage('Paper Shelf: no bibliography is linked. Use "Link Bibliography…" to follow a .bib or CSL-JSON file.');
        return;
      }
      const file = typeof arg === 'string' ? path.resolve(arg) : arg instanceof vscode.Uri ? arg.fsPath
        : (await vscode.window.showQuickPick(paths.map((item) => ({ label: path.basename(item), description: item, file: item })), { title: 'Unlink Bibliography' }))?.file;
      if (!file) return;
      // {removePapers: boolean} answers the question without asking (other extensions, tests).
      const given = typeof options === 'object' && options !== null && typeof (options as { removePapers?: unknown }).removePapers === 'boolean' ? (options as { removePapers: boolean }).removePapers : undefined;
      if (given !== undefined) {
        await linked.unlink(file, given);
        return;
      }
      const count = libraryService.library.papers.filter((paper) => paper.linkedFrom === file).length;
      const keep = 'Keep the Papers';
      const remove = 'Remove the Papers';
      const choice = await vscode.window.showWarningMessage(`Stop following ${path.basename(file)}?`, { modal: true, detail: `${count} ${count === 1 ? 'paper comes' : 'papers come'} from it. Keep them as ordinary papers (with your tags, status and notes), or remove them from the library. The file itself is not touched.` }, keep, remove);
      if (!choice) return;
      await linked.unlink(file, choice === remove);
    }),

    vscode.commands.registerCommand('paperShelf.syncLinkedBibliographies', async () => {
      if (!linked.paths.length) {
        void vscode.window.showInformationMessage('Paper Shelf: no bibliography is linked.');
        return;
      }
      for (const file of linked.paths) await linked.sync(file);
    }),

    vscode.commands.registerCommand('paperShelf.createWorkspaceLibrary', async () => {
      try {
        const file = await libraryService.createWorkspaceLibrary();
        void vscode.window.showInformationMessage(`Paper Shelf: the workspace library is ${vscode.workspace.asRelativePath(file)}. Commit it to share papers with co-authors; imports can go there.`);
      } catch (error) {
        void vscode.window.showErrorMessage(`Paper Shelf: ${(error as Error).message}`);
      }
    }),
  );

  registerUserDataCommands(context, libraryService, tree, reader);
  registerExportCommands(context, libraryService, tree);
}
