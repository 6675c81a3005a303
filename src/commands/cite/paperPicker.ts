import * as vscode from 'vscode';
import type { Library } from '../../core/library';
import type { Paper } from '../../core/paper';
import { foldAccents } from '../../core/text/fold';
import type { LibrarySearch } from '../../library/librarySearch';

interface PaperItem extends vscode.QuickPickItem {
  paper: Paper;
}

function itemFor(paper: Paper): PaperItem {
  const who = paper.authors.length > 3 ? `${paper.authors.slice(0, 3).join(', ')} et al.` : paper.authors.join(', ');
  return {
    label: paper.title,
    description: `@${paper.citekey}`,
    detail: [who, paper.year ? String(paper.year) : undefined, paper.venue].filter(Boolean).join(' · '),
    // The library search already chose these; VS Code's own label filter would hide abstract-only matches.
    alwaysShow: true,
    paper,
  };
}

function norm(text: string): string {
  return foldAccents(text).toLowerCase();
}

/** Library search first; words found in key, title or authors as a fallback (and for a search index still building). */
async function matchingPapers(library: Library, search: LibrarySearch, query: string, limit: number): Promise<Paper[]> {
  const trimmed = query.trim().replace(/^@/, '');
  if (!trimmed) return library.papers.slice(0, limit);
  const exact = library.find(trimmed);
  let hits: { id: string }[] = [];
  try {
    hits = await Promise.resolve(search.search(trimmed, limit));
  } catch {
    hits = [];
  }
  const found = hits.map((hit) => library.get(hit.id)).filter((paper): paper is Paper => Boolean(paper));
  const words = norm(trimmed).split(/\s+/);
  const simple = library.papers.filter((paper) => {
    const haystack = norm(`${paper.citekey} ${paper.title} ${paper.authors.join(' ')} ${paper.year ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
  const ordered = [...(exact ? [exact] : []), ...found, ...simple];
  return [...new Map(ordered.map((paper) => [paper.id, paper])).values()].slice(0, limit);
}

export interface PickOptions {
  title: string;
  canPickMany: boolean;
  initialQuery?: string;
  placeholder?: string;
}

/** A QuickPick backed by the library search; with canPickMany, picks survive changes of the query. */
export async function pickPapers(library: () => Library, search: LibrarySearch, options: PickOptions): Promise<Paper[] | undefined> {
  if (library().size === 0) {
    const choice = await vscode.window.showInformationMessage('Your Paper Shelf library is empty, so there is nothing to cite yet.', 'Restore Sample Library');
    if (choice) await vscode.commands.executeCommand('paperShelf.restoreSampleLibrary');
    return undefined;
  }
  const picker = vscode.window.createQuickPick<PaperItem>();
  picker.title = options.title;
  picker.placeholder = options.placeholder ?? 'Search the library by title, author, year or key';
  picker.canSelectMany = options.canPickMany;
  picker.matchOnDescription = true;
  picker.matchOnDetail = true;
  const chosen = new Map<string, Paper>();
  let generation = 0;
  const refresh = async () => {
    const mine = ++generation;
    picker.busy = true;
    const papers = await matchingPapers(library(), search, picker.value, 50);
    if (mine !== generation) return;
    const pinned = [...chosen.values()].filter((paper) => !papers.some((candidate) => candidate.id === paper.id));
    const items = [...pinned, ...papers].map(itemFor);
    picker.items = items;
    if (options.canPickMany) picker.selectedItems = items.filter((item) => chosen.has(item.paper.id));
    // Enter with nothing ticked cites the highlighted paper, so keep one highlighted.
    if (items.length) picker.activeItems = [items[0]];
    picker.busy = false;
  };
  return new Promise((resolve) => {
    const disposables: vscode.Disposable[] = [
      picker.onDidChangeValue(() => void refresh()),
      picker.onDidChangeSelection((items) => {
        if (!options.canPickMany) return;
        const visible = new Set(picker.items.map((item) => item.paper.id));
        for (const id of visible) chosen.delete(id);
        for (const item of items) chosen.set(item.paper.id, item.paper);
      }),
      picker.onDidAccept(() => {
        const result = options.canPickMany ? [...chosen.values()] : picker.selectedItems.map((item) => item.paper);
        if (result.length === 0 && picker.activeItems[0]) result.push(picker.activeItems[0].paper);
        resolve(result);
        picker.hide();
      }),
      picker.onDidHide(() => {
        resolve(undefined);
        for (const disposable of disposables) disposable.dispose();
        picker.dispose();
      }),
    ];
    picker.value = options.initialQuery ?? '';
    void refresh();
    picker.show();
  });
}
