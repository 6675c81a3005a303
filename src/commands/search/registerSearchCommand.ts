// STUB — the search feature replaces this file.
import * as vscode from 'vscode';
import type { LibrarySearch } from '../../library/librarySearch';
import type { ReaderController } from '../../views/reader/registerReader';

export function registerSearchCommand(_context: vscode.ExtensionContext, _search: LibrarySearch, _reader: ReaderController): void {}
