// STUB — the paper commands feature replaces this file.
import * as vscode from 'vscode';
import type { LibraryService } from '../../library/libraryService';
import type { ReaderController } from '../../views/reader/registerReader';

export function registerPaperCommands(_context: vscode.ExtensionContext, _library: LibraryService, _reader: ReaderController): void {}
