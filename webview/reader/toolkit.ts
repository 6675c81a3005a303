// The ONLY module that touches @vscode/webview-ui-toolkit (deprecated upstream). Swapping UI kits means changing
// this file (and the element names' styles in reader.css); nothing outside webview/ knows the toolkit exists.
//
// vscode-tag and vscode-badge are deliberately not used: their template has a `style="${binding}"` attribute that
// Chrome reports as a CSP violation under our strict `style-src` (no 'unsafe-inline'; toolkit issue #545). Tags and
// badges are drawn by reader.css with the same theme colours (--vscode-badge-*) instead.
import { provideVSCodeDesignSystem, vsCodeButton, vsCodeDivider, vsCodeLink, vsCodeProgressRing } from '@vscode/webview-ui-toolkit';

export function registerToolkit(): void {
  provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeDivider(), vsCodeLink(), vsCodeProgressRing());
}

/** Element names of the UI kit components the reader uses. */
export const ui = {
  button: 'vscode-button',
  link: 'vscode-link',
  divider: 'vscode-divider',
  progressRing: 'vscode-progress-ring',
} as const;
