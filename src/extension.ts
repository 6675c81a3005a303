import * as vscode from 'vscode';
import type { PaperShelfApi } from './api';
import { LibraryService } from './library/libraryService';
import { LibrarySearch } from './library/librarySearch';
import { registerLibraryTree } from './views/library/registerLibraryTree';
import { registerReader } from './views/reader/registerReader';
import { registerSearchCommand } from './commands/search/registerSearchCommand';
import { registerPaperCommands } from './commands/paper/registerPaperCommands';
import { registerTopicCommands } from './commands/topics/registerTopicCommands';
import { registerCitations } from './markdown/registerCitations';
import { registerImportCommands } from './commands/import/registerImportCommands';
import { registerSummarizeCommands } from './commands/summarize/registerSummarizeCommands';

export async function activate(context: vscode.ExtensionContext): Promise<PaperShelfApi> {
  const libraryService = new LibraryService(context);
  context.subscriptions.push(libraryService);
  const search = new LibrarySearch(() => libraryService.library);

  const reader = registerReader(context, libraryService);
  const tree = registerLibraryTree(context, libraryService);
  reader.onDidShowPaper((paperId) => void tree.reveal(paperId));
  registerSearchCommand(context, search, reader);
  registerPaperCommands(context, libraryService, reader);
  registerTopicCommands(context, libraryService, reader, search);
  registerCitations(context, libraryService, search, reader);
  registerImportCommands(context, libraryService, tree, reader);
  registerSummarizeCommands(context, libraryService, reader);

  await libraryService.reload();

  return {
    library: () => libraryService.library,
    treeSnapshot: () => tree.snapshot(),
    treeSelection: () => tree.selectedPaperIds(),
    openPaper: (paperId) => reader.show(paperId),
    readerMessages: () => reader.sentMessages,
    search: (query, limit) => search.search(query, limit),
  };
}

export function deactivate(): void {}
