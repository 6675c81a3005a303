import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { LibraryService } from '../../library/libraryService';
import type { Library } from '../../core/library';
import type { Paper } from '../../core/paper';
import { HostToWebviewMessage, NavigateDirection, ReaderActionName, RelatedPaper, WebviewToHostMessage, parseReaderState, parseWebviewMessage } from './protocol';
import { abstractContainsLink, cleanRelatedPapers, externalUrl, positionOf, shortenTitle, toReaderPaper } from './readerModel';
import { createNonce, renderReaderHtml } from './readerHtml';

const MAX_NOTES_CHARS = 100_000;

export const READER_VIEW_TYPE = 'paperShelf.reader';
export const SUMMARIZE_COMMAND = 'paperShelf.summarizePaper';
export const CITE_COMMAND = 'paperShelf.citeInActiveEditor';
/** Context key: a reader panel exists (enables the Previous/Next Paper commands). */
export const READER_OPEN_CONTEXT = 'paperShelf.readerOpen';

/** Oldest messages are dropped past this, so a long session cannot grow the record without bound. */
const MAX_RECORDED_MESSAGES = 1000;
const LIBRARY_WAIT_MS = 10_000;

export type RelatedProvider = (paperId: string) => Promise<RelatedPaper[]>;

export interface ShowOptions {
  /** Keep keyboard focus where it is (e.g. in the tree) instead of moving it to the reader. */
  preserveFocus?: boolean;
}

/**
 * Owns the single reader panel: creates or revives it, keeps it in step with the library, and answers the
 * webview's (validated) messages. The webview is a view only; every decision and every URL comes from here.
 */
export class ReaderPanel implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private webviewReady = false;
  private paperId: string | undefined;
  /** Shown instead of a paper when a revived reader's paper has gone. */
  private emptyMessage: string | undefined;
  private relatedProvider: RelatedProvider | undefined;
  private related: { paperId: string; message: HostToWebviewMessage } | undefined;
  private relatedRequest = 0;
  private readonly runningActions = new Set<string>();
  private readonly shown = new vscode.EventEmitter<string>();
  private readonly messages: HostToWebviewMessage[] = [];
  private readonly disposables: vscode.Disposable[] = [this.shown];

  readonly onDidShowPaper = this.shown.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly libraryService: LibraryService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      libraryService.onDidChange((library) => this.onLibraryChanged(library)),
      // Notes are edited in a normal editor; the reader shows them again as soon as they are saved.
      vscode.workspace.onDidSaveTextDocument((document) => {
        const paper = this.paperId ? libraryService.library.get(this.paperId) : undefined;
        if (paper && document.uri.fsPath === libraryService.notesPath(paper)) void this.postPaper();
      }),
    );
  }

  get currentPaperId(): string | undefined {
    return this.panel ? this.paperId : undefined;
  }

  get sentMessages(): readonly HostToWebviewMessage[] {
    return this.messages;
  }

  async show(paperId: string, options: ShowOptions = {}): Promise<void> {
    const paper = this.libraryService.library.get(paperId) ?? this.libraryService.library.find(paperId);
    if (!paper) {
      void vscode.window.showWarningMessage(`Paper Shelf: no paper "${paperId}" in the library. Reload the library or pick another paper.`);
      return;
    }
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn, options.preserveFocus ?? false);
    } else {
      const panel = vscode.window.createWebviewPanel(
        READER_VIEW_TYPE,
        shortenTitle(paper.title),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: options.preserveFocus ?? false },
        this.webviewOptions(),
      );
      this.attach(panel);
    }
    await this.display(paper);
  }

  /** Previous/Next in library order (wrapping around); from the webview's buttons and keys, or the commands. */
  async navigate(direction: NavigateDirection): Promise<void> {
    if (!this.panel || !this.paperId) return;
    const next = this.libraryService.library.neighbour(this.paperId, direction === 'next' ? 1 : -1);
    if (next && next.id !== this.paperId) await this.show(next.id, { preserveFocus: true });
  }

  setRelatedProvider(provider: RelatedProvider | undefined): void {
    this.relatedProvider = provider;
    this.related = undefined;
    if (this.panel && this.paperId) void this.postPaper();
  }

  /** Called by VS Code after a window reload for a reader that was open; the webview saved `{ paperId }`. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (this.panel) {
      // Only one reader: keep the live one.
      panel.dispose();
      return;
    }
    this.attach(panel);
    const saved = parseReaderState(state);
    const library = await this.loadedLibrary();
    const paper = saved && library.get(saved.paperId);
    if (paper) {
      await this.display(paper);
    } else {
      this.emptyMessage = saved
        ? 'The paper shown here before the reload is no longer in the library. Open a paper from the Papers view.'
        : 'No paper to show. Open a paper from the Papers view or with Search Papers.';
      await this.postPaper();
    }
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      retainContextWhenHidden: false,
      enableFindWidget: true,
      localResourceRoots: [this.webviewRoot],
    };
  }

  private get webviewRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    void vscode.commands.executeCommand('setContext', READER_OPEN_CONTEXT, true);
    this.webviewReady = false;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'papers.svg');
    panel.webview.options = this.webviewOptions();
    panel.webview.html = this.html(panel.webview);
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      panel.onDidChangeViewState(() => {
        // Without retainContextWhenHidden the webview's document is discarded while hidden, and reloaded
        // (sending `ready` again) when shown.
        if (!panel.visible) this.webviewReady = false;
      }),
      panel.onDidDispose(() => this.detach(panel)),
    ];
  }

  private detach(panel: vscode.WebviewPanel): void {
    if (this.panel !== panel) return;
    for (const disposable of this.panelDisposables) disposable.dispose();
    this.panelDisposables = [];
    this.panel = undefined;
    void vscode.commands.executeCommand('setContext', READER_OPEN_CONTEXT, false);
    this.paperId = undefined;
    this.emptyMessage = undefined;
    this.related = undefined;
    this.webviewReady = false;
  }

  private html(webview: vscode.Webview): string {
    return renderReaderHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.webviewRoot, 'reader.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.webviewRoot, 'reader.css')).toString(),
      scriptNonce: createNonce(),
      styleNonce: createNonce(),
    });
  }

  private async display(paper: Paper): Promise<void> {
    if (!this.panel) return;
    if (this.paperId !== paper.id) this.related = undefined;
    this.paperId = paper.id;
    this.emptyMessage = undefined;
    this.panel.title = shortenTitle(paper.title);
    await this.postPaper();
    this.shown.fire(paper.id);
  }

  /** Sends the current paper (if the webview is listening) and asks for its related papers. */
  private async postPaper(): Promise<void> {
    const paperId = this.paperId;
    const library = this.libraryService.library;
    const paper = paperId ? library.get(paperId) : undefined;
    if (!this.panel || !this.webviewReady) return;
    if (!paper) {
      if (this.emptyMessage) this.post({ type: 'empty', message: this.emptyMessage });
      return;
    }
    const [actions, notes] = await Promise.all([this.availableActions(), this.readNotes(paper)]);
    if (this.paperId !== paper.id || !this.webviewReady) return;
    this.post({
      type: 'showPaper',
      paper: notes ? { ...toReaderPaper(paper), notes } : toReaderPaper(paper),
      position: positionOf(library, paper.id),
      actions,
      relatedPending: this.relatedProvider !== undefined,
    });
    for (const action of ['summarize', 'cite'] as const) {
      if (this.runningActions.has(`${action}:${paper.id}`)) this.post({ type: 'actionState', paperId: paper.id, action, running: true });
    }
    if (this.related?.paperId === paper.id) this.post(this.related.message);
    else void this.requestRelated(paper.id);
  }

  /** The paper's notes file, if the user wrote one; a huge file is cut rather than sent whole to the webview. */
  private async readNotes(paper: Paper): Promise<string | undefined> {
    const text = await fs.readFile(this.libraryService.notesPath(paper), 'utf8').catch(() => undefined);
    if (!text?.trim()) return undefined;
    return text.length > MAX_NOTES_CHARS ? `${text.slice(0, MAX_NOTES_CHARS)}\n\n…` : text;
  }

  private async availableActions(): Promise<{ summarize: boolean; cite: boolean }> {
    const commands = new Set(await vscode.commands.getCommands(true));
    return { summarize: commands.has(SUMMARIZE_COMMAND), cite: commands.has(CITE_COMMAND) };
  }

  private async requestRelated(paperId: string): Promise<void> {
    const provider = this.relatedProvider;
    if (!provider) return;
    const request = ++this.relatedRequest;
    let message: HostToWebviewMessage;
    try {
      message = { type: 'relatedPapers', paperId, papers: cleanRelatedPapers(await provider(paperId), paperId) };
    } catch (error) {
      this.log.error(`Related papers for ${paperId} failed: ${errorText(error)}`);
      message = { type: 'relatedPapers', paperId, papers: [], error: `Related papers are unavailable: ${errorText(error)}` };
    }
    if (request !== this.relatedRequest || this.paperId !== paperId || provider !== this.relatedProvider) return;
    this.related = { paperId, message };
    this.post(message);
  }

  private post(message: HostToWebviewMessage): void {
    if (!this.panel) return;
    this.messages.push(message);
    if (this.messages.length > MAX_RECORDED_MESSAGES) this.messages.splice(0, this.messages.length - MAX_RECORDED_MESSAGES);
    void this.panel.webview.postMessage(message);
  }

  private onMessage(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.log.warn(`Ignored a malformed message from the reader webview: ${preview(raw)}`);
      return;
    }
    void this.handle(message).catch((error) => {
      this.log.error(`Reader message ${message.type} failed: ${errorText(error)}`);
      void vscode.window.showErrorMessage(`Paper Shelf: ${errorText(error)}`);
    });
  }

  private async handle(message: WebviewToHostMessage): Promise<void> {
    if (message.type === 'ready') {
      this.webviewReady = true;
      await this.postPaper();
      return;
    }
    if (message.type === 'navigate') return this.navigate(message.direction);
    if (message.type === 'openPaper') {
      if (this.libraryService.library.get(message.paperId)) await this.show(message.paperId, { preserveFocus: true });
      else this.log.warn(`Ignored openPaper for an id that is not in the library: ${message.paperId}`);
      return;
    }
    // The remaining actions act on the shown paper; a click that raced a paper change is dropped.
    const paper = message.paperId === this.paperId ? this.libraryService.library.get(message.paperId) : undefined;
    if (!paper) {
      this.log.warn(`Ignored ${message.type} for ${message.paperId}: it is not the paper shown.`);
      return;
    }
    switch (message.type) {
      case 'copyCitationKey':
        await vscode.env.clipboard.writeText(paper.citekey);
        vscode.window.setStatusBarMessage(`$(check) Copied citation key ${paper.citekey}`, 3000);
        return;
      case 'openExternal': {
        const url = externalUrl(paper, message.target);
        if (url) await vscode.env.openExternal(vscode.Uri.parse(url, true));
        else void vscode.window.showInformationMessage(`Paper Shelf: "${shortenTitle(paper.title)}" has no ${message.target === 'arxiv' ? 'arXiv id' : message.target === 'code' ? 'code link' : 'web link'}.`);
        return;
      }
      case 'openAbstractLink':
        if (abstractContainsLink(paper.abstract, message.href) || abstractContainsLink((await this.readNotes(paper)) ?? '', message.href)) {
          await vscode.env.openExternal(vscode.Uri.parse(message.href, true));
        }
        else this.log.warn(`Ignored a link that is not in the abstract or notes of ${paper.id}: ${message.href}`);
        return;
      case 'summarize':
        return this.runAction('summarize', SUMMARIZE_COMMAND, paper.id);
      case 'cite':
        return this.runAction('cite', CITE_COMMAND, paper.id);
    }
  }

  private async runAction(action: ReaderActionName, command: string, paperId: string): Promise<void> {
    const key = `${action}:${paperId}`;
    if (this.runningActions.has(key)) return;
    this.runningActions.add(key);
    this.post({ type: 'actionState', paperId, action, running: true });
    try {
      await vscode.commands.executeCommand(command, paperId);
    } finally {
      this.runningActions.delete(key);
      if (this.paperId === paperId) this.post({ type: 'actionState', paperId, action, running: false });
    }
  }

  private onLibraryChanged(library: Library): void {
    if (!this.panel || !this.paperId) return;
    const paper = library.get(this.paperId);
    this.related = undefined;
    if (paper) {
      this.panel.title = shortenTitle(paper.title);
      void this.postPaper();
      return;
    }
    const panel = this.panel;
    panel.dispose();
    vscode.window.setStatusBarMessage('$(info) Paper Shelf closed the reader: its paper is no longer in the library.', 5000);
  }

  /** After a window reload the serializer may run before the library file has been read. */
  private async loadedLibrary(): Promise<Library> {
    const current = this.libraryService.library;
    if (current.size > 0) return current;
    return new Promise<Library>((resolve) => {
      const timer = setTimeout(() => {
        subscription.dispose();
        resolve(this.libraryService.library);
      }, LIBRARY_WAIT_MS);
      const subscription = this.libraryService.onDidChange((library) => {
        clearTimeout(timer);
        subscription.dispose();
        resolve(library);
      });
    });
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
