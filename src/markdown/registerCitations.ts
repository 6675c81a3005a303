import * as vscode from 'vscode';
import type { LibraryService } from '../library/libraryService';
import type { LibrarySearch } from '../library/librarySearch';
import type { ReaderController } from '../views/reader/registerReader';
import { registerCiteCommands } from '../commands/cite/registerCiteCommands';
import { BibliographyKeys } from './bibliographyKeys';
import { CITATION_DOCUMENTS, isCitationDocument } from './citationDocuments';
import {
  CitationCompletionProvider,
  CitationDefinitionProvider,
  CitationDiagnostics,
  CitationHoverProvider,
  CitationLinkProvider,
  PAPER_PAGE_SCHEME,
  UnknownKeyQuickFix,
} from './citationProviders';
import { paperPage } from './paperCard';
import { configureNewPaperKeys, DEFAULT_KEY_FORMULA, KeyFormulaError } from '../core/citations/keyFormula';

/**
 * Citations in Markdown, Quarto and R Markdown: completion after `[@`, hover cards, links and definitions,
 * unknown-key diagnostics with a quick fix, and the cite / reference commands.
 */
export function registerCitations(context: vscode.ExtensionContext, libraryService: LibraryService, search: LibrarySearch, reader: ReaderController): CitationDiagnostics {
  const library = () => libraryService.library;
  const bibliographies = new BibliographyKeys();
  const diagnosticsEnabled = () => vscode.workspace.getConfiguration('paperShelf.citations').get<boolean>('diagnostics', true);
  const diagnostics = new CitationDiagnostics(library, bibliographies, diagnosticsEnabled);
  const refreshAll = () => {
    for (const document of vscode.workspace.textDocuments) if (isCitationDocument(document)) diagnostics.schedule(document, 50);
  };

  const applyKeyFormula = () => {
    const formula = vscode.workspace.getConfiguration('paperShelf.citations').get<string>('keyFormula', DEFAULT_KEY_FORMULA);
    try {
      configureNewPaperKeys(formula);
    } catch (error) {
      if (!(error instanceof KeyFormulaError)) throw error;
      configureNewPaperKeys(DEFAULT_KEY_FORMULA);
      void vscode.window.showWarningMessage(`Paper Shelf: ${error.message} New papers get keys from the default formula until it is fixed.`, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'paperShelf.citations.keyFormula');
      });
    }
  };
  applyKeyFormula();

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('paperShelf.citations.keyFormula') && applyKeyFormula()),
    diagnostics,
    vscode.languages.registerCompletionItemProvider(CITATION_DOCUMENTS, new CitationCompletionProvider(library), '@'),
    vscode.languages.registerHoverProvider(CITATION_DOCUMENTS, new CitationHoverProvider(library)),
    vscode.languages.registerDocumentLinkProvider(CITATION_DOCUMENTS, new CitationLinkProvider(library)),
    vscode.languages.registerDefinitionProvider(CITATION_DOCUMENTS, new CitationDefinitionProvider(library, bibliographies)),
    vscode.languages.registerCodeActionsProvider(CITATION_DOCUMENTS, new UnknownKeyQuickFix(), { providedCodeActionKinds: UnknownKeyQuickFix.kinds }),
    vscode.workspace.registerTextDocumentContentProvider(PAPER_PAGE_SCHEME, {
      provideTextDocumentContent: (uri) => {
        const paper = library().get(uri.query) ?? library().find(uri.path.replace(/^\/|\.md$/g, ''));
        return paper ? paperPage(paper) : `# Not in the library\n\nPaper Shelf has no paper for ${uri.path.slice(1)}.\n`;
      },
    }),
    vscode.workspace.onDidOpenTextDocument((document) => isCitationDocument(document) && diagnostics.schedule(document, 50)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (isCitationDocument(event.document)) diagnostics.schedule(event.document);
      // An edited bibliography changes which keys are known.
      else if (/\.(bib|json|ya?ml)$/i.test(event.document.uri.path)) refreshAll();
    }),
    vscode.workspace.onDidSaveTextDocument((document) => /\.(bib|json|ya?ml)$/i.test(document.uri.path) && refreshAll()),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.forget(document)),
    vscode.window.onDidChangeTextEditorSelection((event) => isCitationDocument(event.textEditor.document) && diagnostics.schedule(event.textEditor.document, 600)),
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('paperShelf.citations') && refreshAll()),
    libraryService.onDidChange(() => refreshAll()),
  );
  registerCiteCommands(context, libraryService, search, reader);
  refreshAll();
  return diagnostics;
}
