import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LibraryService } from '../../library/libraryService';
import type { Paper } from '../../core/paper';
import { validateMetadataEdit, metadataEditText } from './metadataEdit';
import { notesFileName } from './notes';

/**
 * "Edit Metadata": the paper's editable fields open as a JSON document; saving it (Ctrl+S) validates and applies
 * the edit, closing the editor discards it. An invalid edit is explained and nothing is written.
 */
export class MetadataEditor implements vscode.Disposable {
  private readonly folder: string;
  /** Edit file → id of the paper it edits. */
  private readonly editing = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(context: vscode.ExtensionContext, private readonly libraryService: LibraryService) {
    this.folder = path.join(context.globalStorageUri.fsPath, 'metadata-edits');
    this.disposables.push(vscode.workspace.onDidSaveTextDocument((document) => void this.onSave(document)));
  }

  async open(paper: Paper): Promise<string> {
    await fs.mkdir(this.folder, { recursive: true });
    const file = path.join(this.folder, notesFileName(paper.citekey).replace(/\.md$/, '.paper.json'));
    await fs.writeFile(file, metadataEditText(paper));
    this.editing.set(file, paper.id);
    await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
    vscode.window.setStatusBarMessage('$(edit) Edit the fields, then save (Ctrl+S) to apply; close the editor to discard.', 8000);
    return file;
  }

  private async onSave(document: vscode.TextDocument): Promise<void> {
    const paperId = this.editing.get(document.uri.fsPath);
    if (!paperId) return;
    const original = this.libraryService.library.get(paperId);
    if (!original) {
      void vscode.window.showErrorMessage('Paper Shelf: the paper being edited is no longer in the library; the edit was not applied.');
      return;
    }
    const result = validateMetadataEdit(original, document.getText(), this.libraryService.library.papers);
    if (typeof result === 'string') {
      void vscode.window.showErrorMessage(`Paper Shelf: the edit was not applied: ${result}. Fix it and save again, or close the editor to discard.`);
      return;
    }
    try {
      await this.libraryService.update(this.libraryService.library.papers.map((paper) => (paper.id === paperId ? result : paper)));
    } catch (error) {
      void vscode.window.showErrorMessage(`Paper Shelf: saving the edit failed: ${(error as Error).message}`);
      return;
    }
    this.editing.delete(document.uri.fsPath);
    vscode.window.setStatusBarMessage(`$(check) Saved the metadata of “${result.title}”`, 4000);
    if (vscode.window.activeTextEditor?.document === document) await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await fs.rm(document.uri.fsPath, { force: true });
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
