// The tree's shape without VS Code: which groups and papers exist, their ids, parents and counts.
// The vscode adapter (registerLibraryTree.ts) only turns these nodes into TreeItems.
import type { Paper } from '../../core/paper';
import { GroupBy, groupPapers } from '../../core/grouping';
import { createPaperFilter } from '../../core/paperFilter';

export class GroupNode {
  readonly kind = 'group' as const;
  private built: readonly PaperNode[] | undefined;

  constructor(
    /** Stable across reloads for the same mode, key and filter, so VS Code keeps the group's expansion state. */
    readonly id: string,
    readonly groupBy: GroupBy,
    readonly key: string,
    readonly label: string,
    readonly papers: readonly Paper[],
  ) {}

  /** Paper nodes are made when VS Code first asks (the group is expanded), so a 10,000-paper tree builds cheaply. */
  get children(): readonly PaperNode[] {
    return (this.built ??= this.papers.map((paper) => ({ kind: 'paper', id: `${this.id}/${paper.id}`, paperId: paper.id, paper, parent: this })));
  }
}

export interface PaperNode {
  readonly kind: 'paper';
  /** Unique in the tree even when a paper sits in several (tag) groups. */
  readonly id: string;
  /** Commands run from the tree's context menu receive this node; paperIdFromArg reads `paperId`. */
  readonly paperId: string;
  readonly paper: Paper;
  readonly parent: GroupNode;
}

export type LibraryNode = GroupNode | PaperNode;

export interface LibraryTreeState {
  groupBy: GroupBy;
  /** Free text as typed; blank means no filter. */
  filter: string;
}

export class LibraryTreeModel {
  readonly groups: readonly GroupNode[];
  /** Papers that pass the filter (each counted once, even if shown in several groups). */
  readonly matchCount: number;
  readonly totalCount: number;
  private readonly firstGroupByPaper = new Map<string, GroupNode>();

  constructor(papers: readonly Paper[], readonly state: LibraryTreeState) {
    const filter = createPaperFilter(state.filter);
    const shown = filter ? papers.filter(filter) : papers;
    this.totalCount = papers.length;
    this.matchCount = shown.length;
    // A filtered view gets its own ids so its groups open expanded instead of inheriting the unfiltered state.
    const scope = filter ? `filter:${state.filter.trim()}|` : '';
    this.groups = groupPapers(shown, state.groupBy).map((group) => {
      const node = new GroupNode(`${scope}group:${state.groupBy}:${group.key}`, state.groupBy, group.key, group.label, group.papers);
      for (const paper of group.papers) if (!this.firstGroupByPaper.has(paper.id)) this.firstGroupByPaper.set(paper.id, node);
      return node;
    });
  }

  get isFiltered(): boolean {
    return this.state.filter.trim() !== '';
  }

  children(node?: LibraryNode): readonly LibraryNode[] {
    if (!node) return this.groups;
    return node.kind === 'group' ? node.children : [];
  }

  parent(node: LibraryNode): GroupNode | undefined {
    return node.kind === 'paper' ? node.parent : undefined;
  }

  /** Where `reveal` goes: the paper's first group in display order. */
  nodeForPaper(paperId: string): PaperNode | undefined {
    return this.firstGroupByPaper.get(paperId)?.children.find((node) => node.paperId === paperId);
  }

  /** The top level as the API and the integration tests see it. */
  snapshot(): { label: string; description: string; paperIds: string[] }[] {
    return this.groups.map((group) => ({ label: group.label, description: groupDescription(group), paperIds: group.papers.map((paper) => paper.id) }));
  }
}

export function groupDescription(group: GroupNode): string {
  return String(group.papers.length);
}

/**
 * The `viewItem` of a paper row: "paper", ".arxiv" when it has an arXiv id, its reading status, then ".starred"
 * and ".stub" (metadata missing) when they apply, e.g. "paper.arxiv.unread" or "paper.read.starred". Menus match
 * with regexes such as `viewItem =~ /^paper\b/`, `viewItem =~ /^paper\.arxiv\b/`, `viewItem =~ /\.(unread|reading)\b/`
 * or `viewItem =~ /\.starred\b/`; new facts are appended as ".name".
 */
export function paperContextValue(paper: Paper): string {
  return ['paper', ...(paper.arxivId ? ['arxiv'] : []), paper.status, ...(paper.starred ? ['starred'] : []), ...(paper.metadataMissing ? ['stub'] : [])].join('.');
}
