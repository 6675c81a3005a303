import * as vscode from 'vscode';
import type { LibraryService } from '../../library/libraryService';
import type { TreeGroupSnapshot } from '../../api';
import { GROUP_BY_LABEL, GROUP_BY_MODES, GroupBy, isGroupBy } from '../../core/grouping';
import { LibraryNode } from './libraryTreeModel';
import { LibraryTreeProvider } from './libraryTreeProvider';
import { PendingReveal } from './pendingReveal';
import { promptForFilter } from './treeFilterInput';

export const LIBRARY_VIEW_ID = 'paperShelf.library';
const GROUP_BY_SETTING = 'tree.groupBy';

export interface LibraryTreeController {
  /** Selects the paper in the tree without taking focus; while the view is hidden, as soon as it is shown. */
  reveal(paperId: string): Promise<void>;
  snapshot(): Promise<TreeGroupSnapshot[]>;
  /** Ids of the papers selected in the view, in selection order. */
  selectedPaperIds(): string[];
  /** Files dropped on the tree are handed here (the importer registers itself); without a handler drops are ignored. */
  setDropHandler(handler: ((uris: vscode.Uri[]) => Promise<void>) | undefined): void;
}

function configuredGroupBy(): GroupBy {
  const value = vscode.workspace.getConfiguration('paperShelf').get<string>(GROUP_BY_SETTING);
  return isGroupBy(value) ? value : 'topic';
}

/** Writes the mode where it takes effect: the global setting, unless a workspace value would override it. */
async function saveGroupBy(mode: GroupBy): Promise<void> {
  const config = vscode.workspace.getConfiguration('paperShelf');
  const inspected = config.inspect<string>(GROUP_BY_SETTING);
  const target =
    inspected?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
    : inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await config.update(GROUP_BY_SETTING, mode, target);
}

function commandSuffix(mode: GroupBy): string {
  return mode[0].toUpperCase() + mode.slice(1);
}

export function registerLibraryTree(context: vscode.ExtensionContext, libraryService: LibraryService): LibraryTreeController {
  const provider = new LibraryTreeProvider(libraryService.library.papers, { groupBy: configuredGroupBy(), filter: '' });
  let dropHandler: ((uris: vscode.Uri[]) => Promise<void>) | undefined;
  const dragAndDropController: vscode.TreeDragAndDropController<LibraryNode> = {
    dropMimeTypes: ['text/uri-list'],
    dragMimeTypes: [],
    async handleDrop(_target, data) {
      const list = await data.get('text/uri-list')?.asString();
      const uris = (list ?? '').split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#')).map((line) => vscode.Uri.parse(line));
      if (!uris.length) return;
      if (dropHandler) await dropHandler(uris);
      else void vscode.window.showInformationMessage('Paper Shelf cannot import dropped files in this version. Edit the library file instead (Paper Shelf: Open Library File).');
    },
  };
  const view = vscode.window.createTreeView(LIBRARY_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true, dragAndDropController });

  const updateChrome = () => {
    const model = provider.model;
    const { groupBy, filter } = model.state;
    // With no match the message stays empty: VS Code hides the welcome view ("No papers match…", Clear Filter) under a message.
    view.message = model.isFiltered && model.matchCount > 0 ? `Filter: “${filter.trim()}” — ${model.matchCount} of ${model.totalCount} ${model.totalCount === 1 ? 'paper' : 'papers'}` : undefined;
    view.description = model.isFiltered ? `by ${GROUP_BY_LABEL[groupBy]} · filtered` : `by ${GROUP_BY_LABEL[groupBy]}`;
    void vscode.commands.executeCommand('setContext', 'paperShelf.tree.groupBy', groupBy);
    void vscode.commands.executeCommand('setContext', 'paperShelf.tree.filtered', model.isFiltered);
  };
  const setFilter = (filter: string) => {
    provider.update({ state: { filter } });
    updateChrome();
  };
  updateChrome();

  const groupByCommands = GROUP_BY_MODES.flatMap((mode) => {
    const run = () => saveGroupBy(mode);
    // The "(current)" twin is what the Group By menu shows for the active mode; it is disabled, so it reads as a check mark.
    return [
      vscode.commands.registerCommand(`paperShelf.groupBy${commandSuffix(mode)}`, run),
      vscode.commands.registerCommand(`paperShelf.groupBy${commandSuffix(mode)}.current`, run),
    ];
  });

  context.subscriptions.push(
    provider,
    view,
    ...groupByCommands,
    vscode.commands.registerCommand('paperShelf.filterTree', async (text?: unknown) => {
      // A string argument (keybinding args, other extensions, tests) sets the filter without asking.
      if (typeof text === 'string') return setFilter(text);
      const before = provider.model.state.filter;
      const chosen = await promptForFilter(before, (live) => setFilter(live));
      setFilter(chosen ?? before);
    }),
    vscode.commands.registerCommand('paperShelf.clearTreeFilter', () => setFilter('')),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(`paperShelf.${GROUP_BY_SETTING}`)) return;
      provider.update({ state: { groupBy: configuredGroupBy() } });
      updateChrome();
    }),
    libraryService.onDidChange((library) => {
      provider.update({ papers: library.papers });
      updateChrome();
    }),
  );

  const pendingReveal = new PendingReveal(view, (paperId) => provider.model.nodeForPaper(paperId), provider.onDidChangeTreeData);
  context.subscriptions.push(pendingReveal);

  return {
    async reveal(paperId) {
      await pendingReveal.request(paperId);
    },
    async snapshot() {
      return provider.model.snapshot();
    },
    selectedPaperIds() {
      return view.selection.flatMap((node) => (node.kind === 'paper' ? [node.paperId] : []));
    },
    setDropHandler(handler) {
      dropHandler = handler;
    },
  };
}
