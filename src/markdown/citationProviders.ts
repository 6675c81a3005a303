import * as vscode from 'vscode';
import type { Library } from '../core/library';
import type { Paper } from '../core/paper';
import { completionContext, findCitations, keyAt, type FoundCitations } from '../core/citations/pandocCitations';
import { completionDocumentation, hoverCard } from './paperCard';
import type { BibliographyKeys } from './bibliographyKeys';

export const OPEN_CITED_PAPER = 'paperShelf.openCitedPaper';
export const REPLACE_UNKNOWN_KEY = 'paperShelf.replaceUnknownCitationKey';
export const UNKNOWN_KEY_CODE = 'paper-shelf-unknown-citekey';

/** Parsing is cheap, but hover, links and diagnostics ask for the same document version over and over. */
class CitationCache {
  private readonly cache = new WeakMap<vscode.TextDocument, { version: number; found: FoundCitations }>();
  get(document: vscode.TextDocument): FoundCitations {
    const hit = this.cache.get(document);
    if (hit && hit.version === document.version) return hit.found;
    const found = findCitations(document.getText());
    this.cache.set(document, { version: document.version, found });
    return found;
  }
}

export const citationCache = new CitationCache();

function keyRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

export class CitationCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly library: () => Library) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const line = document.lineAt(position.line).text;
    const context = completionContext(line, position.character);
    if (!context) return undefined;
    // Replace the whole key under the cursor, including characters after it.
    let end = position.character;
    while (end < line.length && /[\p{L}\p{N}_:.#$%&\-+?<>~/]/u.test(line[end])) end++;
    const range = new vscode.Range(position.line, context.keyStart, position.line, end);
    const inserting = new vscode.Range(position.line, context.keyStart, position.line, position.character);
    return this.library().papers.map((paper, index) => completionItem(paper, index, { inserting, replacing: range }));
  }
}

function completionItem(paper: Paper, index: number, range: { inserting: vscode.Range; replacing: vscode.Range }): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: paper.citekey, description: paper.year ? String(paper.year) : undefined }, vscode.CompletionItemKind.Reference);
  item.detail = paper.title;
  item.documentation = new vscode.MarkdownString(completionDocumentation(paper));
  // VS Code filters on filterText: the key, then title and author words, so "[@speculative" or "[@Leviathan" match.
  item.filterText = `${paper.citekey} ${paper.title} ${paper.authors.join(' ')}`;
  item.insertText = paper.citekey;
  item.range = range;
  item.sortText = String(index).padStart(6, '0');
  return item;
}

export class CitationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly library: () => Library) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const ref = keyAt(citationCache.get(document), document.offsetAt(position));
    if (!ref) return undefined;
    const paper = this.library().find(ref.key);
    if (!paper || paper.citekey !== ref.key) return undefined;
    const markdown = new vscode.MarkdownString(hoverCard(paper, OPEN_CITED_PAPER), true);
    markdown.isTrusted = { enabledCommands: [OPEN_CITED_PAPER] };
    return new vscode.Hover(markdown, keyRange(document, ref.start, ref.end));
  }
}

/** Ctrl/Cmd+click on a cited key opens the paper in the reader. */
export class CitationLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly library: () => Library) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const library = this.library();
    const links: vscode.DocumentLink[] = [];
    for (const ref of citationCache.get(document).keys) {
      const paper = library.find(ref.key);
      if (!paper || paper.citekey !== ref.key) continue;
      const target = vscode.Uri.parse(`command:${OPEN_CITED_PAPER}?${encodeURIComponent(JSON.stringify([paper.id]))}`);
      const link = new vscode.DocumentLink(keyRange(document, ref.start + 1, ref.end), target);
      link.tooltip = `Open "${paper.title}" in the Paper Shelf reader`;
      links.push(link);
    }
    return links;
  }
}

/**
 * Go to Definition: the key's entry in the document's bibliography file when it has one, else a read-only
 * page about the paper (a definition cannot open a webview; the page links to the reader).
 */
export class CitationDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly library: () => Library, private readonly bibliographies: BibliographyKeys) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    const ref = keyAt(citationCache.get(document), document.offsetAt(position));
    if (!ref) return undefined;
    const entry = await this.bibliographies.locate(document, ref.key);
    if (entry) return entry;
    const paper = this.library().find(ref.key);
    if (!paper || paper.citekey !== ref.key) return undefined;
    return new vscode.Location(paperPageUri(paper), new vscode.Position(0, 0));
  }
}

export const PAPER_PAGE_SCHEME = 'paper-shelf-paper';

export function paperPageUri(paper: Paper): vscode.Uri {
  return vscode.Uri.from({ scheme: PAPER_PAGE_SCHEME, path: `/${paper.citekey}.md`, query: paper.id });
}

/** Unknown keys: cited, but neither in the library nor in the document's bibliography files. */
export class CitationDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('paperShelf.citations');
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly library: () => Library, private readonly bibliographies: BibliographyKeys, private readonly enabled: () => boolean) {}

  schedule(document: vscode.TextDocument, delay = 400): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.update(document);
    }, delay));
  }

  async update(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
    if (document.isClosed || !this.enabled()) {
      this.collection.delete(document.uri);
      return [];
    }
    const library = this.library();
    const found = citationCache.get(document);
    const known = await this.bibliographies.keys(document);
    const diagnostics: vscode.Diagnostic[] = [];
    // The key under the cursor may still be being typed ("[@lev"): it is checked once the cursor leaves it.
    const editor = vscode.window.activeTextEditor;
    const cursor = editor?.document === document ? document.offsetAt(editor.selection.active) : -1;
    for (const ref of found.keys) {
      if (cursor >= ref.start && cursor <= ref.end) continue;
      const paper = library.find(ref.key);
      if ((paper && paper.citekey === ref.key) || known.has(ref.key)) continue;
      const diagnostic = new vscode.Diagnostic(
        keyRange(document, ref.start, ref.end),
        `Unknown citation key "${ref.key}": it is not in the Paper Shelf library or in this document's bibliography.`,
        vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = 'Paper Shelf';
      diagnostic.code = UNKNOWN_KEY_CODE;
      diagnostics.push(diagnostic);
    }
    this.collection.set(document.uri, diagnostics);
    return diagnostics;
  }

  forget(document: vscode.TextDocument): void {
    this.collection.delete(document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.collection.dispose();
  }
}

export class UnknownKeyQuickFix implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return context.diagnostics
      .filter((diagnostic) => diagnostic.code === UNKNOWN_KEY_CODE)
      .map((diagnostic) => {
        const key = document.getText(diagnostic.range).replace(/^@\{?|\}$/g, '');
        const action = new vscode.CodeAction(`Search the Paper Shelf library for "${key}"…`, vscode.CodeActionKind.QuickFix);
        const keyOnly = new vscode.Range(diagnostic.range.start.translate(0, 1), diagnostic.range.end);
        action.command = { command: REPLACE_UNKNOWN_KEY, title: action.title, arguments: [document.uri, keyOnly, key] };
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        return action;
      });
  }
}
