// The one place where host↔webview messages are defined. Imported by src/views/reader (host) and webview/reader.
// (Full protocol and validators: see the reader feature.)
export type HostToWebviewMessage = { type: 'showPaper'; paper: unknown };
export type WebviewToHostMessage = { type: 'ready' };
