// Builds the reader webview's HTML. A pure function of its inputs (no `vscode` import) so the CSP is unit-tested.
import { randomBytes } from 'node:crypto';

export interface ReaderHtmlOptions {
  /** `webview.cspSource`: the origin VS Code serves local resources from. */
  cspSource: string;
  /** `webview.asWebviewUri(...)` of dist/webview/reader.js and reader.css. */
  scriptUri: string;
  styleUri: string;
  /** Fresh per render; allows exactly our own <script>. */
  scriptNonce: string;
  /**
   * Fresh per render; allows the <style> elements the webview UI toolkit (FAST) creates at run time. FAST reads it
   * from `<meta property="csp-nonce">`. Kept separate from the script nonce so exposing it grants no script rights.
   */
  styleNonce: string;
}

/** 144 random bits, base64url (valid CSP nonce syntax, no characters that need escaping in HTML). */
export function createNonce(): string {
  return randomBytes(18).toString('base64url');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function contentSecurityPolicy(options: Pick<ReaderHtmlOptions, 'cspSource' | 'scriptNonce' | 'styleNonce'>): string {
  return [
    "default-src 'none'",
    `img-src ${options.cspSource}`,
    `font-src ${options.cspSource}`,
    `style-src ${options.cspSource} 'nonce-${options.styleNonce}'`,
    `script-src 'nonce-${options.scriptNonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderReaderHtml(options: ReaderHtmlOptions): string {
  const csp = escapeAttribute(contentSecurityPolicy(options));
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta property="csp-nonce" content="${escapeAttribute(options.styleNonce)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${escapeAttribute(options.styleUri)}">
  <title>Paper Reader</title>
</head>
<body>
  <main id="reader" aria-busy="true">
    <p class="reader-status">Loading paper…</p>
  </main>
  <script nonce="${escapeAttribute(options.scriptNonce)}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>`;
}
