import * as vscode from 'vscode';
import type { LibraryService } from '../../library/libraryService';
import type { ReaderController } from '../../views/reader/registerReader';
import type { Paper } from '../../core/paper';
import { arxivAbsUrl, paperLink } from '../../core/paper';
import { fileExists } from '../../core/libraryStore';
import { paperIdFromArg } from './paperArg';
import { pickPaper } from './pickPaper';

export function registerPaperCommands(context: vscode.ExtensionContext, libraryService: LibraryService, reader: ReaderController): void {
  /** The paper given as argument, else the one in the reader, else one the user picks. */
  async function targetPaper(arg: unknown, pickTitle: string, fits?: (paper: Paper) => boolean): Promise<Paper | undefined> {
    const library = libraryService.library;
    const reference = paperIdFromArg(arg);
    if (reference) {
      const paper = library.find(reference);
      if (!paper) void vscode.window.showErrorMessage(`Paper Shelf: no paper "${reference}" in the library. Reload the library if the file changed.`);
      return paper;
    }
    const shown = reader.currentPaperId ? library.get(reader.currentPaperId) : undefined;
    if (shown && (!fits || fits(shown))) return shown;
    return pickPaper(library, pickTitle, fits);
  }

  context.subscriptions.push(
    vscode.commands.registerCommand('paperShelf.openPaper', async (arg?: unknown) => {
      const reference = paperIdFromArg(arg);
      if (!reference) return vscode.commands.executeCommand('paperShelf.searchPapers');
      const paper = await targetPaper(reference, 'Open Paper');
      if (paper) await reader.show(paper.id);
    }),

    vscode.commands.registerCommand('paperShelf.copyCitationKey', async (arg?: unknown) => {
      const paper = await targetPaper(arg, 'Copy Citation Key');
      if (!paper) return;
      await vscode.env.clipboard.writeText(paper.citekey);
      vscode.window.setStatusBarMessage(`$(copy) Copied @${paper.citekey}`, 4000);
    }),

    vscode.commands.registerCommand('paperShelf.openOnArxiv', async (arg?: unknown) => {
      const paper = await targetPaper(arg, 'Open on arXiv');
      if (!paper) return;
      if (paper.arxivId) {
        await vscode.env.openExternal(vscode.Uri.parse(arxivAbsUrl(paper.arxivId)));
        return;
      }
      const link = paperLink(paper);
      const action = link ? 'Open Paper Link' : undefined;
      const message = `“${paper.title}” has no arXiv id${link ? `; it has a link: ${link}` : ''}.`;
      const choice = await vscode.window.showInformationMessage(message, ...(action ? [action] : []));
      if (choice === action && link) await vscode.env.openExternal(vscode.Uri.parse(link));
    }),

    vscode.commands.registerCommand('paperShelf.reloadLibrary', async () => {
      const library = await libraryService.reload();
      vscode.window.setStatusBarMessage(`$(refresh) Paper Shelf: ${library.size} ${library.size === 1 ? 'paper' : 'papers'} loaded`, 4000);
    }),

    vscode.commands.registerCommand('paperShelf.openLibraryFile', async () => {
      const file = libraryService.libraryPath;
      if (!(await fileExists(file))) {
        const choice = await vscode.window.showErrorMessage(`Paper Shelf: the library file ${file} does not exist. Restore the sample library there, or set paperShelf.libraryPath to an existing file.`, 'Restore Sample Library', 'Open Settings');
        if (choice === 'Restore Sample Library') await vscode.commands.executeCommand('paperShelf.restoreSampleLibrary');
        if (choice === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'paperShelf.libraryPath');
        return;
      }
      await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
    }),

    vscode.commands.registerCommand('paperShelf.restoreSampleLibrary', async () => {
      const file = libraryService.libraryPath;
      const exists = await fileExists(file);
      const detail = exists
        ? `The current file ${file} will be replaced. Its content is kept as ${file}.bak (replacing any older backup there).`
        : `The sample library will be written to ${file}.`;
      const restore = 'Restore Sample Library';
      const choice = await vscode.window.showWarningMessage('Replace your library with the sample library?', { modal: true, detail }, restore);
      if (choice !== restore) return;
      try {
        await libraryService.restoreSample();
        vscode.window.setStatusBarMessage(`Paper Shelf: sample library restored (${libraryService.library.size} papers)`, 4000);
      } catch (error) {
        void vscode.window.showErrorMessage(`Paper Shelf could not restore the sample library to ${file}: ${(error as Error).message}`);
      }
    }),
  );
}
