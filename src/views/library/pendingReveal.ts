import * as vscode from 'vscode';
import type { LibraryNode, PaperNode } from './libraryTreeModel';

/** Waits before trying again after a reveal that did not select the paper. */
const RETRY_DELAYS_MS = [100, 300, 1000, 3000];

/**
 * Selects the reader's paper in the Papers view, as soon as that can work. VS Code reveals nothing while the view is
 * hidden, and rejects a reveal that races a refresh of the tree, whether ours (the library reloaded) or VS Code's own
 * catching up with it (microsoft/vscode#96089). So a request stays pending until the paper is selected: it is tried
 * again after a short delay, when the tree changes and when the view is shown. The user selecting something else
 * ends it.
 */
export class PendingReveal implements vscode.Disposable {
  private paperId: string | undefined;
  private retries = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly view: vscode.TreeView<LibraryNode>,
    private readonly nodeFor: (paperId: string) => PaperNode | undefined,
    onTreeChange: vscode.Event<unknown>,
  ) {
    this.subscriptions = [
      onTreeChange(() => this.retryNow()),
      view.onDidChangeVisibility((event) => {
        if (event.visible) this.retryNow();
      }),
      view.onDidChangeSelection((event) => {
        if (this.paperId && event.selection.length && !this.isSelected(this.paperId, event.selection)) this.cancel();
      }),
    ];
  }

  request(paperId: string): Promise<void> {
    this.paperId = paperId;
    this.retries = 0;
    return this.attempt();
  }

  private retryNow(): void {
    this.retries = 0;
    void this.attempt();
  }

  private async attempt(): Promise<void> {
    clearTimeout(this.timer);
    const paperId = this.paperId;
    if (!paperId || !this.view.visible) return;
    const node = this.nodeFor(paperId);
    if (!node) return this.cancel();
    try {
      await this.view.reveal(node, { select: true, focus: false });
    } catch {
      // Raced a refresh; tried again below.
    }
    if (this.paperId !== paperId) return;
    if (this.isSelected(paperId, this.view.selection)) return this.cancel();
    if (this.retries < RETRY_DELAYS_MS.length) this.timer = setTimeout(() => void this.attempt(), RETRY_DELAYS_MS[this.retries++]);
  }

  private isSelected(paperId: string, selection: readonly LibraryNode[]): boolean {
    return selection.some((node) => node.kind === 'paper' && node.paperId === paperId);
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.paperId = undefined;
  }

  dispose(): void {
    this.cancel();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
