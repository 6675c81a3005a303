import * as vscode from 'vscode';
import { shortByline } from '../../core/paper';
import { isSearchMode, type SearchMode } from '../../core/search/hybrid';
import type { SearchHit } from '../../core/search/paperIndex';
import type { LibrarySearch } from '../../library/librarySearch';
import type { ReaderController } from '../../views/reader/registerReader';

interface PaperPick extends vscode.QuickPickItem {
  paperId?: string;
}

const DEBOUNCE_MS = 60;
const RESULT_LIMIT = 50;
const BROWSE_LIMIT = 200;
const PLACEHOLDER = 'Search titles, authors and abstracts — e.g. speculative decoding, author:vaswani, year:2024';

function searchMode(): SearchMode {
  const configured = vscode.workspace.getConfiguration('paperShelf').get<string>('search.mode', 'hybrid');
  return isSearchMode(configured) ? configured : 'hybrid';
}

/** `Paper Shelf: Search Papers` — a QuickPick ranked by LibrarySearch as the user types; Enter opens the reader. */
export function registerSearchCommand(context: vscode.ExtensionContext, search: LibrarySearch, reader: ReaderController): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('paperShelf.searchPapers', (initialQuery?: unknown) =>
      showSearch(search, reader, typeof initialQuery === 'string' ? initialQuery : ''),
    ),
  );
}

async function showSearch(search: LibrarySearch, reader: ReaderController, initialQuery: string): Promise<void> {
  const pick = vscode.window.createQuickPick<PaperPick>();
  pick.title = 'Search Papers';
  pick.placeholder = PLACEHOLDER;
  // Our ranking decides what is shown; VS Code's own fuzzy filter would hide typo and author matches.
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  pick.value = initialQuery;

  let generation = 0;
  let pending: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;

  const update = async (query: string) => {
    const current = ++generation;
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    pick.busy = true;
    try {
      const items = query.trim() ? await resultItems(search, query, controller.signal) : browseItems(search);
      if (current !== generation) return;
      pick.items = items;
    } catch (error) {
      if (current !== generation) return;
      pick.items = [{ label: '$(error) Search failed', detail: (error as Error).message, alwaysShow: true }];
    } finally {
      if (current === generation) pick.busy = false;
    }
  };

  const disposables: vscode.Disposable[] = [
    pick.onDidChangeValue((value) => {
      clearTimeout(timer);
      timer = setTimeout(() => void update(value), DEBOUNCE_MS);
    }),
    pick.onDidAccept(() => {
      const paperId = pick.selectedItems[0]?.paperId ?? pick.activeItems[0]?.paperId;
      if (!paperId) return;
      pick.hide();
      void reader.show(paperId);
    }),
    pick.onDidHide(() => {
      clearTimeout(timer);
      pending?.abort();
      for (const disposable of disposables) disposable.dispose();
      pick.dispose();
    }),
  ];
  pick.show();
  await update(initialQuery);
}

async function resultItems(search: LibrarySearch, query: string, signal: AbortSignal): Promise<PaperPick[]> {
  const requested = searchMode();
  const { hits, notice } = await search.rank(query, { limit: RESULT_LIMIT, mode: requested, signal });
  const items = hits.flatMap((hit) => toItem(search, hit));
  if (!items.length) {
    return [{ label: `$(search-stop) No papers match "${query.trim()}"`, detail: 'Try fewer or shorter words, author:name, title:word or year:2024.', alwaysShow: true }];
  }
  // Only an explicit "semantic" setting deserves a word when the model is not there; hybrid quietly uses words.
  if (notice && requested === 'semantic') items.unshift({ label: notice, kind: vscode.QuickPickItemKind.Separator });
  return items;
}

function toItem(search: LibrarySearch, hit: SearchHit): PaperPick[] {
  const paper = search.library.get(hit.id);
  if (!paper) return [];
  return [{ label: paper.title, description: shortByline(paper), detail: hit.snippet, alwaysShow: true, paperId: paper.id }];
}

/** With nothing typed yet, the list is the library itself, so the picker doubles as a paper browser. */
function browseItems(search: LibrarySearch): PaperPick[] {
  if (!search.library.size) {
    return [{ label: '$(info) Your library has no papers yet', detail: 'Run "Paper Shelf: Restore Sample Library" or import a bibliography.', alwaysShow: true }];
  }
  return search.library.papers.slice(0, BROWSE_LIMIT).map((paper) => ({
    label: paper.title,
    description: shortByline(paper),
    alwaysShow: true,
    paperId: paper.id,
  }));
}
