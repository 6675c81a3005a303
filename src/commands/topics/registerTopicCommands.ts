import * as vscode from 'vscode';
import type { LibraryService } from '../../library/libraryService';
import type { ReaderController } from '../../views/reader/registerReader';
import { organizeLibraryCommand } from './organizeLibrary';
import { movePaperToTopicCommand, renameTopicCommand } from './manualTopicCommands';
import type { PaperEmbeddings } from './paperEmbeddings';
import { modelPaperEmbeddings } from './modelEmbeddings';
import { createRelatedProvider } from './relatedProvider';

function reportFailure(action: string) {
  return (error: unknown) => {
    void vscode.window.showErrorMessage(`${action} failed: ${error instanceof Error ? error.message : String(error)}. The library was not changed.`);
    return undefined;
  };
}

/**
 * Topics and related papers: "Organize Library into Topics", "Rename Topic", "Move to Topic…", and the reader's
 * related-papers list. `embeddings` is the local model when it is available; without it everything works from
 * the papers' words.
 */
export function registerTopicCommands(context: vscode.ExtensionContext, libraryService: LibraryService, reader: ReaderController, model?: PaperEmbeddings): void {
  const shared = model ?? modelPaperEmbeddings(context);
  const embeddings = () => shared;
  context.subscriptions.push(
    vscode.commands.registerCommand('paperShelf.organizeLibrary', () => organizeLibraryCommand(libraryService, embeddings()).catch(reportFailure('Organizing the library'))),
    vscode.commands.registerCommand('paperShelf.renameTopic', (arg?: unknown, newName?: unknown) =>
      renameTopicCommand(libraryService, arg, typeof newName === 'string' ? newName : undefined).catch(reportFailure('Renaming the topic')),
    ),
    vscode.commands.registerCommand('paperShelf.movePaperToTopic', (arg?: unknown, selection?: unknown, target?: unknown) =>
      movePaperToTopicCommand(libraryService, arg, selection, typeof target === 'string' ? target : undefined).catch(reportFailure('Moving the paper')),
    ),
  );
  reader.setRelatedProvider(createRelatedProvider(() => libraryService.library, embeddings));
}
