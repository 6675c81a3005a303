import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LibraryScope, LibraryService } from '../../library/libraryService';
import { FORMAT_LABELS, ImportFormat, ImportPreview, ImportRefusedError, formatPreviewSummary, importFiles, previewImport } from '../../core/importers';

/**
 * What `paperShelf.importPapers` accepts besides nothing (then it asks for files): a file Uri, several, or
 * `{files, confirm, scope}` for other extensions, keybindings and tests. `confirm: false` imports without the
 * preview dialog; the command returns what it did either way.
 */
export interface ImportRequest {
  files: (vscode.Uri | string)[];
  confirm?: boolean;
  scope?: LibraryScope;
}

export interface ImportOutcome {
  added: number;
  duplicates: number;
  errors: { line: number; message: string }[];
  /** False when the user cancelled, nothing was new, or the files were refused. */
  imported: boolean;
}

const FILE_FILTERS = {
  'Bibliographies (BibTeX, CSL-JSON, RIS, id lists, HF listings)': ['bib', 'bibtex', 'json', 'ris', 'txt'],
  'All files': ['*'],
};

function toUri(file: vscode.Uri | string): vscode.Uri {
  return typeof file === 'string' ? (/^[a-z][\w+.-]+:\/\//i.test(file) ? vscode.Uri.parse(file) : vscode.Uri.file(file)) : file;
}

export function requestFromArg(arg: unknown, selection?: unknown): ImportRequest | undefined {
  if (arg instanceof vscode.Uri) {
    // From the Explorer's context menu with several files selected, VS Code passes the clicked one and the selection.
    const many = Array.isArray(selection) && selection.every((item) => item instanceof vscode.Uri) ? (selection as vscode.Uri[]) : [arg];
    return { files: many };
  }
  if (Array.isArray(arg) && arg.length && arg.every((item) => item instanceof vscode.Uri || typeof item === 'string')) return { files: arg };
  if (typeof arg === 'object' && arg !== null && Array.isArray((arg as ImportRequest).files)) return arg as ImportRequest;
  return undefined;
}

export class ImportFlow {
  private readonly log: vscode.OutputChannel;

  constructor(private readonly libraryService: LibraryService, log: vscode.OutputChannel) {
    this.log = log;
  }

  async run(request: ImportRequest | undefined): Promise<ImportOutcome> {
    const nothing: ImportOutcome = { added: 0, duplicates: 0, errors: [], imported: false };
    const uris = request?.files.map(toUri) ?? (await vscode.window.showOpenDialog({ canSelectMany: true, openLabel: 'Preview Import', title: 'Import Papers', filters: FILE_FILTERS }));
    if (!uris?.length) return nothing;
    const local = uris.filter((uri) => uri.scheme === 'file');
    if (local.length < uris.length) {
      void vscode.window.showErrorMessage('Paper Shelf imports files from disk only. Save the bibliography locally first, then import it.');
      if (!local.length) return nothing;
    }
    const files = local.map((uri) => uri.fsPath);
    let preview: ImportPreview;
    let format: ImportFormat;
    try {
      [preview, format] = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Paper Shelf: reading ${files.length === 1 ? path.basename(files[0]) : `${files.length} files`}…`, cancellable: false },
        async () => {
          const parsed = await importFiles(files);
          return [previewImport(this.libraryService.library.papers, parsed), parsed.format] as const;
        },
      );
    } catch (error) {
      if (error instanceof ImportRefusedError) {
        void vscode.window.showErrorMessage(`Paper Shelf cannot import ${error.message}`);
        return nothing;
      }
      throw error;
    }
    const outcome: ImportOutcome = { added: preview.added, duplicates: preview.duplicates, errors: preview.errors, imported: false };
    this.writeLog(files, preview);
    const summary = formatPreviewSummary(preview);
    if (!preview.added) {
      void vscode.window.showInformationMessage(`Paper Shelf: nothing new to import — ${summary}.`, ...(preview.errors.length ? ['Show Details'] : [])).then((choice) => choice && this.log.show());
      return outcome;
    }
    let scope: LibraryScope = request?.scope ?? 'user';
    if (request?.confirm !== false) {
      const choice = await this.confirm(files, format, preview, summary);
      if (!choice) return outcome;
      scope = choice;
    }
    await this.libraryService.addPapers(preview.papers, scope);
    outcome.imported = true;
    const where = scope === 'workspace' ? 'the workspace library' : 'your library';
    void vscode.window
      .showInformationMessage(`Paper Shelf: imported ${preview.added} ${preview.added === 1 ? 'paper' : 'papers'} into ${where}.`, ...(preview.errors.length || preview.duplicates ? ['Show Details'] : []))
      .then((choice) => choice && this.log.show());
    return outcome;
  }

  /** The modal preview: Import (or Import into Workspace Library) / Cancel. Resolves to the chosen library or undefined. */
  private async confirm(files: string[], format: ImportFormat, preview: ImportPreview, summary: string): Promise<LibraryScope | undefined> {
    const lines = [
      `${files.map((file) => path.basename(file)).join(', ')} (${FORMAT_LABELS[format]})`,
      ...preview.errors.slice(0, 5).map((error) => `line ${error.line}: ${error.message}`),
      ...(preview.errors.length > 5 ? [`… ${preview.errors.length - 5} more problems (listed in the "Paper Shelf Import" output after importing)`] : []),
      ...preview.duplicateEntries.slice(0, 3).map((entry) => `duplicate (same ${entry.reason}): ${entry.title}`),
      'Nothing is written unless you choose Import.',
    ];
    const importUser = 'Import';
    const importWorkspace = 'Import into Workspace Library';
    const buttons = this.libraryService.hasWorkspaceLibrary ? [importUser, importWorkspace] : [importUser];
    const choice = await vscode.window.showInformationMessage(`Import papers? ${summary}`, { modal: true, detail: lines.join('\n') }, ...buttons);
    return choice === importUser ? 'user' : choice === importWorkspace ? 'workspace' : undefined;
  }

  private writeLog(files: string[], preview: ImportPreview): void {
    this.log.appendLine(`[${new Date().toLocaleTimeString()}] ${files.join(', ')}: ${formatPreviewSummary(preview)}`);
    for (const error of preview.errors) this.log.appendLine(`  line ${error.line}: ${error.message}`);
    for (const entry of preview.duplicateEntries) this.log.appendLine(`  line ${entry.line}: duplicate of ${entry.existingId} (same ${entry.reason}): ${entry.title}`);
  }
}
