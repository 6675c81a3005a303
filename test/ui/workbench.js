'use strict';
// Playwright steps on VS Code's workbench (code-server in headless Chromium), shared by the UI and VSIX tests.

/** Clicks the "Papers" activity-bar entry and waits for the tree's first rows; returns the rows' texts. */
async function openPapersView(page, timeout = 90000) {
  const entry = page.locator('.activitybar [aria-label^="Papers"]').first();
  await entry.waitFor({ timeout });
  // A second click on an already open container would close it.
  const viewRows = page.locator('[id="workbench.view.extension.paperShelf"] .monaco-list-row');
  if (!(await viewRows.first().isVisible().catch(() => false))) await entry.click();
  await viewRows.first().waitFor({ timeout: 60000 });
  return viewRows;
}

/** The row of the Papers tree whose text contains `text` (topic group or paper). */
function treeRow(page, text) {
  return page.locator('[id="workbench.view.extension.paperShelf"] .monaco-list-row', { hasText: text }).first();
}

/** The reader webview's document: VS Code nests it as iframe.webview.ready → iframe#active-frame. */
function webviewFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

module.exports = { openPapersView, treeRow, webviewFrame };
