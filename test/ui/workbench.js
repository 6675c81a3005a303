'use strict';
// Playwright steps on VS Code's workbench (code-server in headless Chromium), shared by the UI and VSIX tests.
const fs = require('fs');
const { extensionHostErrors } = require('../../scripts/code-server');

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

/**
 * The named checks of one browser-driven run: each prints ✔ or ✘, and `counts()` feeds the single
 * "LABEL: N passed, N failed" line that npm test reads. With `stopOnFailure`, a failed check ends the run, for
 * steps that depend on the ones before.
 */
function checkList({ stopOnFailure = true } = {}) {
  const results = [];
  return {
    async check(name, body) {
      const started = Date.now();
      try {
        await body();
        results.push(true);
        console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
      } catch (error) {
        results.push(false);
        console.log(`  ✘ ${name}: ${(error && error.message) || error}`);
        if (stopOnFailure) throw error;
      }
    },
    /** An error outside any check (launching the browser or the server) counts as one failure, unless a check already failed. */
    failSetup(error) {
      if (results.includes(false)) return;
      results.push(false);
      console.log(`  ✘ setup: ${(error && error.stack) || error}`);
    },
    counts() {
      const passed = results.filter(Boolean).length;
      return { passed, failed: results.length - passed };
    },
  };
}

/** What a failed run leaves for diagnosis: a screenshot (when a page is open), the extension host's errors, the server log. */
async function reportFailure({ page, screenshot, userDataDir, server }) {
  if (page && screenshot) await page.screenshot({ path: screenshot }).catch(() => undefined);
  for (const line of extensionHostErrors(userDataDir).slice(0, 20)) console.log(`  extension host: ${line}`);
  if (server) console.log(`  code-server log: ${server.logPath}`);
}

/** Closes the browser and code-server, keeps the scratch folder only after a failure, prints the count line, exits. */
async function endRun({ browser, server, scratch, counts, summary }) {
  try { if (browser) await browser.close(); } catch { /* already closed */ }
  if (server) await server.stop();
  const { passed, failed } = counts();
  if (!failed) fs.rmSync(scratch, { recursive: true, force: true });
  console.log(summary(passed, failed));
  process.exit(failed || !passed ? 1 : 0);
}

module.exports = { checkList, endRun, openPapersView, reportFailure, treeRow, webviewFrame };
