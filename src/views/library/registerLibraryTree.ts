// STUB — the library tree feature replaces this file.
import * as vscode from 'vscode';
import type { LibraryService } from '../../library/libraryService';
import type { TreeGroupSnapshot } from '../../api';

export interface LibraryTreeController {
  reveal(paperId: string): Promise<void>;
  snapshot(): Promise<TreeGroupSnapshot[]>;
}

export function registerLibraryTree(_context: vscode.ExtensionContext, _library: LibraryService): LibraryTreeController {
  return { reveal: async () => undefined, snapshot: async () => [] };
}
