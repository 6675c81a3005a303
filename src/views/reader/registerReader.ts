// STUB — the reader feature replaces this file.
import * as vscode from 'vscode';
import type { LibraryService } from '../../library/libraryService';
import type { HostToWebviewMessage } from './protocol';

export interface ReaderController {
  /** Opens (or reuses) the reader panel on a paper. */
  show(paperId: string): Promise<void>;
  /** Fires with the paper id whenever the reader shows a paper, so the tree can reveal it. */
  readonly onDidShowPaper: vscode.Event<string>;
  readonly currentPaperId: string | undefined;
  readonly sentMessages: readonly HostToWebviewMessage[];
}

export function registerReader(_context: vscode.ExtensionContext, _library: LibraryService): ReaderController {
  const emitter = new vscode.EventEmitter<string>();
  return { show: async () => undefined, onDidShowPaper: emitter.event, currentPaperId: undefined, sentMessages: [] };
}
