import * as vscode from 'vscode';
import type { Paper, ReadingStatus } from '../../core/paper';
import { shortByline } from '../../core/paper';
import { STATUS_LABEL } from '../../core/grouping';
import { filterHighlights } from '../../core/paperFilter';
import { GroupNode, LibraryNode, LibraryTreeModel, LibraryTreeState, PaperNode, groupDescription, paperContextValue } from './libraryTreeModel';
import { paperTooltipMarkdown } from './paperTooltip';

const STATUS_ICON: Record<ReadingStatus, vscode.ThemeIcon> = {
  unread: new vscode.ThemeIcon('circle-outline'),
  reading: new vscode.ThemeIcon('book', new vscode.ThemeColor('charts.blue')),
  read: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
};

const GROUP_ICON: Record<GroupNode['groupBy'], string> = { topic: 'folder-library', year: 'calendar', venue: 'organization', tag: 'tag', status: 'checklist' };

/** Feeds the Papers view from a LibraryTreeModel, rebuilt whenever the papers, the grouping or the filter change. */
export class LibraryTreeProvider implements vscode.TreeDataProvider<LibraryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LibraryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private current: LibraryTreeModel;

  constructor(private papers: readonly Paper[], state: LibraryTreeState) {
    this.current = new LibraryTreeModel(papers, state);
  }

  get model(): LibraryTreeModel {
    return this.current;
  }

  update(change: { papers?: readonly Paper[]; state?: Partial<LibraryTreeState> }): void {
    if (change.papers) this.papers = change.papers;
    this.current = new LibraryTreeModel(this.papers, { ...this.current.state, ...change.state });
    this.changed.fire(undefined);
  }

  getChildren(node?: LibraryNode): LibraryNode[] {
    return [...this.current.children(node)];
  }

  getParent(node: LibraryNode): GroupNode | undefined {
    return this.current.parent(node);
  }

  getTreeItem(node: LibraryNode): vscode.TreeItem {
    if (node.kind === 'group') return this.groupItem(node);
    const item = paperItem(node);
    if (this.current.isFiltered) item.label = { label: node.paper.title, highlights: filterHighlights(node.paper.title, this.current.state.filter) };
    return item;
  }

  private groupItem(group: GroupNode): vscode.TreeItem {
    // Filtered groups are few and what the user is looking for, so they open; otherwise only the first one does.
    const expanded = this.current.isFiltered || group === this.current.groups[0];
    const item = new vscode.TreeItem(group.label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = group.id;
    item.description = groupDescription(group);
    item.tooltip = `${group.label}: ${group.papers.length} ${group.papers.length === 1 ? 'paper' : 'papers'}`;
    item.iconPath = new vscode.ThemeIcon(GROUP_ICON[group.groupBy]);
    item.contextValue = `group.${group.groupBy}`;
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function paperItem(node: PaperNode): vscode.TreeItem {
  const { paper } = node;
  const item = new vscode.TreeItem(paper.title, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  // Import (issue 5): a star for starred papers, and id-only stubs say their metadata is missing.
  item.description = `${paper.starred ? '★ ' : ''}${shortByline(paper)}${paper.metadataMissing ? ' · metadata missing' : ''}`;
  const tooltip = new vscode.MarkdownString(paperTooltipMarkdown(paper));
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  item.tooltip = tooltip;
  item.iconPath = STATUS_ICON[paper.status] ?? STATUS_ICON.unread;
  item.contextValue = paperContextValue(paper);
  item.command = { command: 'paperShelf.openPaper', title: 'Open Paper', arguments: [paper.id] };
  item.accessibilityInformation = { label: `${paper.title}, ${shortByline(paper)}, ${STATUS_LABEL[paper.status] ?? paper.status}` };
  return item;
}
