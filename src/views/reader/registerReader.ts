import * as vscode from 'vscode';
import type { LibraryService } from '../../library/libraryService';
import type { HostToWebviewMessage } from './protocol';
import { READER_VIEW_TYPE, ReaderPanel, RelatedProvider, ShowOptions } from './readerPanel';

export type { RelatedProvider, ShowOptions } from './readerPanel';

export interface ReaderController {
  /** Opens (or reuses) the reader panel on a paper. */
  show(paperId: string, options?: ShowOptions): Promise<void>;
  /** Fires with the paper id whenever the reader shows a paper, so the tree can reveal it. */
  readonly onDidShowPaper: vscode.Event<string>;
  readonly currentPaperId: string | undefined;
  /** Every message posted to the webview, oldest first (the integration tests read it through the API). */
  readonly sentMessages: readonly HostToWebviewMessage[];
  /** Lets the related-papers feature fill the reader's "Related papers" list; `undefined` removes it. */
  setRelatedProvider(provider: RelatedProvider | undefined): void;
}

export function registerReader(context: vscode.ExtensionContext, library: LibraryService): ReaderController {
  const log = vscode.window.createOutputChannel('Paper Shelf Reader', { log: true });
  const reader = new ReaderPanel(context.extensionUri, library, log);
  context.subscriptions.push(
    log,
    reader,
    vscode.window.registerWebviewPanelSerializer(READER_VIEW_TYPE, reader),
    vscode.commands.registerCommand('paperShelf.reader.previousPaper', () => reader.navigate('previous')),
    vscode.commands.registerCommand('paperShelf.reader.nextPaper', () => reader.navigate('next')),
  );
  return {
    show: (paperId, options) => reader.show(paperId, options),
    onDidShowPaper: reader.onDidShowPaper,
    get currentPaperId() {
      return reader.currentPaperId;
    },
    get sentMessages() {
      return reader.sentMessages;
    },
    setRelatedProvider: (provider) => reader.setRelatedProvider(provider),
  };
}
