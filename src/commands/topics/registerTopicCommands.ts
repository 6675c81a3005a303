import * as vscode from 'vscode';
import type { LibraryService } from '../../library/libraryService';
import type { ReaderController } from '../../views/reader/registerReader';
import { organizeLibraryCommand } from './organizeLibrary';
import { movePaperToTopicCommand, renameTopicCommand } from './manualTopicCommands';
import type { PaperEmbeddings } from './paperEmbeddings';
import { modelPaperEmbeddings } from './modelEmbeddings';
import { modelSemanticSource } from './semanticSearchSource';
import type { LibrarySearch } from '../../library/librarySearch';
import { createRelatedProvider } from './relatedProvider';

function reportFailure(action: string) {
  return (error: unknown) => {
    void vscode.window.showErrorMessage(`${action} failed: ${error instanceof Error ? error.message : String(error)}. The library was not changed.`);
    return undefined;
  };
}

/**
 * Topics, related papers and semantic search: "Organize Library into Topics", "Rename Topic", "Move to Topic…",
 * the reader's related-papers list, and the local model as the search's semantic source. Everything keeps working
 * from the papers' words when the model is unavailable.
 */
export function registerTopicCommands(context: vscode.ExtensionContext, libraryService: LibraryService, reader: ReaderController, search?: LibrarySearch, model?: PaperEmbeddings): void {
  const shared = model ?? modelPaperEmbeddings(context);
  const embeddings = () => shared;
  context.subscriptions.push(
    vscode.commands.registerCommand('paperShelf.organizeLibrary', (options?: { cancellation?: vscode.CancellationToken }) =>
      organizeLibraryCommand(libraryService, embeddings(), options?.cancellation).catch(reportFailure('Organizing the library')),
    ),
    vscode.commands.registerCommand('paperShelf.renameTopic', (arg?: unknown, newName?: unknown) =>
      renameTopicCommand(libraryService, arg, typeof newName === 'string' ? newName : undefined).catch(reportFailure('Renaming the topic')),
    ),
    vscode.commands.registerCommand('paperShelf.movePaperToTopic', (arg?: unknown, selection?: unknown, target?: unknown) =>
      movePaperToTopicCommand(libraryService, arg, selection, typeof target === 'string' ? target : undefined).catch(reportFailure('Moving the paper')),
    ),
  );
  reader.setRelatedProvider(createRelatedProvider(() => libraryService.library, embeddings));
  search?.setSemanticSource(modelSemanticSource(context));
}
