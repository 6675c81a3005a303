import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Paper } from '../../core/paper';
import { formatBibtex } from '../../core/citations/bibtexWriter';
import { CslResources, STYLE_LABELS, formatReferences, parseCitationStyle, referenceListMarkdown, type CitationStyle } from '../../core/citations/format';
import { citedKeys } from '../../core/citations/pandocCitations';
import type { LibraryService } from '../../library/libraryService';
import type { LibrarySearch } from '../../library/librarySearch';
import type { ReaderController } from '../../views/reader/registerReader';
import { paperIdFromArg, paperIdsFromArgs } from '../paper/paperArg';
import { isCitationDocument } from '../../markdown/citationDocuments';
import { OPEN_CITED_PAPER, REPLACE_UNKNOWN_KEY } from '../../markdown/citationProviders';
import { CitationUserError, citePapers } from './citationEdit';
import { pickPapers } from './paperPicker';

export function configuredStyle(): CitationStyle {
  const value = vscode.workspace.getConfiguration('paperShelf.citations').get<string>('style', 'apa');
  return parseCitationStyle(value) ?? 'apa';
}

/** What the cite commands report back, for the integration tests and other extensions. */
export interface CiteResult {
  bibliography?: string;
  added: string[];
  alreadyPresent: string[];
}

export function registerCiteCommands(context: vscode.ExtensionContext, libraryService: LibraryService, search: LibrarySearch, reader: ReaderController): void {
  const library = () => libraryService.library;
  const resources = new CslResources(path.join(context.extensionPath, 'data', 'csl'));
  let lastCitationEditor: vscode.TextEditor | undefined = vscode.window.activeTextEditor && isCitationDocument(vscode.window.activeTextEditor.document) ? vscode.window.activeTextEditor : undefined;

  /** The Markdown editor to cite into: the active one, or the last one used while the tree or reader had focus. */
  const citationEditor = (): vscode.TextEditor | undefined => {
    const active = vscode.window.activeTextEditor;
    if (active && isCitationDocument(active.document)) return active;
    if (lastCitationEditor && !lastCitationEditor.document.isClosed && vscode.window.visibleTextEditors.includes(lastCitationEditor)) return lastCitationEditor;
    return vscode.window.visibleTextEditors.find((editor) => isCitationDocument(editor.document));
  };

  const report = async (error: unknown): Promise<void> => {
    if (error instanceof CitationUserError) {
      const choice = await vscode.window.showErrorMessage(`Paper Shelf: ${error.message}`, ...(error.openFile ? ['Open File'] : []));
      if (choice === 'Open File' && error.openFile) await vscode.window.showTextDocument(error.openFile);
      return;
    }
    void vscode.window.showErrorMessage(`Paper Shelf could not insert the citation: ${(error as Error).message}`);
  };

  const cite = async (editor: vscode.TextEditor, papers: Paper[]): Promise<CiteResult | undefined> => {
    try {
      const result = await citePapers(editor.document, papers, { at: editor.selection.active });
      if (!result.applied) {
        void vscode.window.showErrorMessage('Paper Shelf: VS Code did not apply the citation edit (the document may be read-only).');
        return undefined;
      }
      const file = path.basename(result.bibliography.fsPath);
      const message = result.added.length ? `added ${result.added.map((key) => `@${key}`).join(', ')} to ${file}` : `${file} already has ${papers.length === 1 ? 'this entry' : 'these entries'}`;
      vscode.window.setStatusBarMessage(`$(quote) Paper Shelf: ${message}`, 5000);
      return { bibliography: result.bibliography.fsPath, added: result.added, alreadyPresent: result.alreadyPresent };
    } catch (error) {
      // Not awaited: the message waits for the user, the command's caller should not.
      void report(error);
      return undefined;
    }
  };

  const noEditor = () =>
    void vscode.window.showInformationMessage('Paper Shelf: open a Markdown, Quarto (.qmd) or R Markdown (.Rmd) document to cite into.', 'New Markdown File').then(async (choice) => {
      if (choice) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown' }));
    });

  /** Papers named by a command argument (tree node, selection, id or key), or picked when none is given. */
  const papersFromArgs = async (arg: unknown, selection: unknown, title: string): Promise<Paper[] | undefined> => {
    const ids = paperIdsFromArgs(arg, selection);
    if (ids.length) {
      const papers = ids.map((id) => library().find(id)).filter((paper): paper is Paper => Boolean(paper));
      if (papers.length) return papers;
      void vscode.window.showErrorMessage(`Paper Shelf: no paper "${ids[0]}" in the library.`);
      return undefined;
    }
    return pickPapers(library, search, { title, canPickMany: true });
  };

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor && isCitationDocument(editor.document)) lastCitationEditor = editor;
    }),

    vscode.commands.registerCommand('paperShelf.insertCitation', async (): Promise<CiteResult | undefined> => {
      const editor = citationEditor();
      if (!editor) return noEditor();
      const papers = await pickPapers(library, search, { title: 'Insert Citation (Space or click to pick several, Enter to insert)', canPickMany: true });
      if (!papers?.length) return undefined;
      return cite(editor, papers);
    }),

    vscode.commands.registerCommand('paperShelf.citeInActiveEditor', async (arg?: unknown, selection?: unknown): Promise<CiteResult | undefined> => {
      const editor = citationEditor();
      if (!editor) return noEditor();
      const papers = await papersFromArgs(arg, selection, 'Cite in Active Editor');
      if (!papers?.length) return undefined;
      const result = await cite(editor, papers);
      if (result) await vscode.window.showTextDocument(editor.document, editor.viewColumn);
      return result;
    }),

    vscode.commands.registerCommand('paperShelf.copyFormattedReference', async (arg?: unknown, selection?: unknown): Promise<string | undefined> => {
      const papers = await papersFromArgs(arg, selection, 'Copy Formatted Reference');
      if (!papers?.length) return undefined;
      const style = configuredStyle();
      try {
        const formatted = await formatReferences(papers, style, resources, 'text');
        const text = formatted.entries.join('\n');
        await vscode.env.clipboard.writeText(text);
        vscode.window.setStatusBarMessage(`$(copy) Paper Shelf: copied ${papers.length === 1 ? 'the reference' : `${papers.length} references`} (${STYLE_LABELS[style]})`, 4000);
        return text;
      } catch (error) {
        void vscode.window.showErrorMessage(`Paper Shelf could not format the reference: ${(error as Error).message}`);
        return undefined;
      }
    }),

    vscode.commands.registerCommand('paperShelf.copyBibtex', async (arg?: unknown, selection?: unknown): Promise<string | undefined> => {
      const papers = await papersFromArgs(arg, selection, 'Copy BibTeX');
      if (!papers?.length) return undefined;
      const text = formatBibtex(papers);
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(`$(copy) Paper Shelf: copied BibTeX for ${papers.map((paper) => paper.citekey).join(', ')}`, 4000);
      return text;
    }),

    vscode.commands.registerCommand('paperShelf.insertReferenceList', async (): Promise<string | undefined> => {
      const editor = citationEditor();
      if (!editor) return noEditor();
      const keys = citedKeys(editor.document.getText());
      const papers = keys.map((key) => library().find(key)).filter((paper): paper is Paper => Boolean(paper) && keys.includes(paper!.citekey));
      const missing = keys.filter((key) => !papers.some((paper) => paper.citekey === key));
      if (papers.length === 0) {
        void vscode.window.showInformationMessage(keys.length ? `Paper Shelf: none of the ${keys.length} cited keys is in the library.` : 'Paper Shelf: this document cites no papers yet. Insert a citation first.');
        return undefined;
      }
      const style = configuredStyle();
      try {
        const formatted = await formatReferences(papers, style, resources, 'markdown');
        const text = referenceListMarkdown(formatted.entries);
        const at = editor.selection.active;
        const lead = at.character > 0 ? '\n\n' : '';
        await editor.edit((builder) => builder.insert(at, lead + text));
        if (missing.length) void vscode.window.showWarningMessage(`Paper Shelf: left out ${missing.length} cited ${missing.length === 1 ? 'key' : 'keys'} not in the library: ${missing.join(', ')}.`);
        return text;
      } catch (error) {
        void vscode.window.showErrorMessage(`Paper Shelf could not format the references: ${(error as Error).message}`);
        return undefined;
      }
    }),

    vscode.commands.registerCommand(OPEN_CITED_PAPER, async (arg?: unknown) => {
      const paper = library().find(paperIdFromArg(arg) ?? '');
      if (!paper) return void vscode.window.showErrorMessage(`Paper Shelf: no paper "${String(arg)}" in the library.`);
      await reader.show(paper.id);
    }),

    vscode.commands.registerCommand(REPLACE_UNKNOWN_KEY, async (uri: vscode.Uri, range: vscode.Range, key: string) => {
      const papers = await pickPapers(library, search, { title: `Replace unknown citation key "${key}"`, canPickMany: false, initialQuery: key.replace(/[^\p{L}\p{N}]+/gu, ' ').replace(/(\p{L})(\p{N})/gu, '$1 $2').trim() });
      if (!papers?.length) return;
      const document = await vscode.workspace.openTextDocument(uri);
      try {
        await citePapers(document, papers.slice(0, 1), { replace: range });
      } catch (error) {
        void report(error);
      }
    }),
  );
}
