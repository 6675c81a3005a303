import type { Library } from './core/library';
import type { SearchHit } from './core/search/paperIndex';
import type { HostToWebviewMessage } from './views/reader/protocol';

/** One topic/year/venue group as the tree shows it. */
export interface TreeGroupSnapshot {
  label: string;
  /** The description shown next to the group label (the paper count). */
  description: string;
  paperIds: string[];
}

/**
 * What `activate` returns. Other extensions may use it, and the integration tests read the extension's state
 * through it instead of poking at internals.
 */
export interface PaperShelfApi {
  library(): Library;
  /** The tree's top level, built by the same provider that feeds the view. */
  treeSnapshot(): Promise<TreeGroupSnapshot[]>;
  /** Ids of the papers selected in the Papers view (the reader reveals and selects the paper it shows). */
  treeSelection(): string[];
  openPaper(paperId: string): Promise<void>;
  /** Messages the host has posted to the reader webview, oldest first. */
  readerMessages(): readonly HostToWebviewMessage[];
  search(query: string, limit?: number): SearchHit[];
}
