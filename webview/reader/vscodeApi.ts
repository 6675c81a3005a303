import type { ReaderState, WebviewToHostMessage } from '../../src/views/reader/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

// acquireVsCodeApi may be called only once per webview.
const api = acquireVsCodeApi();

export function postToHost(message: WebviewToHostMessage): void {
  api.postMessage(message);
}

/** Persisted by VS Code; the panel serializer reads it back after a window reload. */
export function saveState(state: ReaderState): void {
  api.setState(state);
}

/** What an earlier instance of this webview saved (the document is rebuilt whenever the tab is hidden). */
export function loadState(): ReaderState | undefined {
  const state = api.getState() as Partial<ReaderState> | undefined;
  if (!state || typeof state.paperId !== 'string') return undefined;
  return { paperId: state.paperId, scrollY: typeof state.scrollY === 'number' && state.scrollY > 0 ? state.scrollY : undefined };
}
