#!/usr/bin/env node
'use strict';
// The reader in the real VS Code (code-server's build in headless Chromium): opens a paper with Search Papers,
// then uses the webview itself — Next button, "[" key, Copy Citation Key — checks what it shows, that the webview
// reported no CSP violation, and takes screenshots in the dark, light and high-contrast themes.
//   node scripts/build.mjs && node test/ui/reader/readerInVsCode.cjs
// Prints "Reader UI: N passed, N failed"; screenshots in test-results/reader/.
const path = require('path');
const fs = require('fs');
const os = require('os');
const cs = require('../../../scripts/code-server');
const { checkList, endRun, openPapersView, reportFailure, webviewFrame } = require('../workbench');

const OUT = path.join(cs.ROOT, 'test-results', 'reader');
const sample = JSON.parse(fs.readFileSync(path.join(cs.ROOT, 'data/sample-library.json'), 'utf8'));
const papers = sample.papers;
const index = papers.findIndex((p) => p.id === 'arxiv:2211.17192');
const PAPER = papers[index];
const NEXT = papers[(index + 1) % papers.length];
// [name, colour theme label as the theme picker lists it]
const THEMES = [['dark', 'Dark Modern'], ['light', 'Light Modern'], ['high-contrast', 'Dark High Contrast']];

/** Preferences: Color Theme, through the command palette, as a user does it. */
/** Runs a command from the command palette by clicking the row whose text matches `label`. */
async function runCommand(page, typed, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10000 });
  await input.fill(`>${typed}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().click({ timeout: 10000 });
  return input;
}

async function pickColorTheme(page, theme) {
  const input = await runCommand(page, 'Preferences: Color Theme', /Preferences: Color Theme(?!s)/);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor({ timeout: 10000 });
  await input.fill(theme); // the list is virtualised: filter so the row is rendered
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first();
  await row.click({ timeout: 10000 });
}

const { check, failSetup, counts } = checkList({ stopOnFailure: false });

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'paper-shelf-reader-ui-'));
  const userDataDir = path.join(scratch, 'user-data');
  cs.writeUserSettings(userDataDir, { 'workbench.colorTheme': 'Default Dark Modern' });
  const env = cs.isolatedEnv(scratch);
  const cspErrors = [];
  let server, browser;
  console.log('Reader UI (real VS Code in headless Chromium)');
  try {
    server = await cs.startCodeServer({ scratch, userDataDir, extensionsDir: path.join(scratch, 'extensions'), developmentMode: true, env });
    browser = await cs.launchChromium(env);
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 850 } })).newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text().slice(0, 300));
    });
    await page.goto(cs.workbenchUrl(server.authority, { devPaths: [cs.ROOT] }));
    await openPapersView(page);
    // Open it the way a keyboard user would: Search Papers, type, pick.
    const search = await runCommand(page, 'Paper Shelf: Search Papers', /Search Papers/);
    await search.fill(PAPER.title);
    // The picker first lists the library, then swaps in the ranked results, the only rows with a snippet under the
    // title. Click only then: a click that lands during the swap can reach the extension as an item of the other list.
    const withSnippet = page.locator('.quick-input-list-label-meta', { hasText: /\w/ });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: PAPER.title, has: withSnippet }).first().click({ timeout: 30000 });
    const reader = webviewFrame(page);
    const heading = reader.locator('h1');

    await check('the reader shows the paper, its position and its actions', async () => {
      await heading.filter({ hasText: PAPER.title }).waitFor({ timeout: 60000 });
      const position = await reader.locator('.position').innerText();
      if (position !== `${index + 1} of ${papers.length}`) throw new Error(`position reads "${position}"`);
      await reader.locator('#action-copy').waitFor();
    });
    await check('the Next button shows the next paper in library order', async () => {
      await reader.locator('#action-next').click();
      await heading.filter({ hasText: NEXT.title }).waitFor({ timeout: 15000 });
    });
    await check('"[" in the webview goes back to the previous paper', async () => {
      await reader.locator('h1').click();
      await page.keyboard.press('BracketLeft');
      await heading.filter({ hasText: PAPER.title }).waitFor({ timeout: 15000 });
    });
    await check('Copy Citation Key reports the key in the status bar', async () => {
      await reader.locator('#action-copy').click();
      await page.locator('.statusbar', { hasText: PAPER.citekey }).first().waitFor({ timeout: 10000 });
    });
    await check('Summarize in the reader shows a TL;DR taken from the abstract', async () => {
      await reader.locator('#action-summarize').click({ timeout: 10000 });
      const tldr = reader.locator('.tldr p');
      await tldr.waitFor({ timeout: 120000 });
      const text = (await tldr.innerText()).trim();
      const abstract = PAPER.abstract.replace(/\s+/g, ' ');
      // Extractive, though the summarizer may trim a lead-in such as "In this work": compare the sentence's end.
      const tail = text.replace(/\s+/g, ' ').replace(/\.$/, '').slice(-50);
      if (!text || !abstract.includes(tail)) throw new Error(`TL;DR "${text}" is not from the abstract`);
      await reader.locator('#action-summarize:not([disabled])').waitFor({ timeout: 30000 });
    });
    await check('after its tab was hidden, the rebuilt webview shows the paper again', async () => {
      // No retainContextWhenHidden: hiding the tab discards the webview document; showing it rebuilds it,
      // and the host must answer its new `ready` with the paper.
      await runCommand(page, 'File: New Untitled Text File', /File: New Untitled Text File(?!s)/);
      await page.locator('.tabs-container .tab.active', { hasText: 'Untitled' }).waitFor({ timeout: 10000 });
      await page.waitForFunction(() => document.querySelectorAll('iframe.webview').length === 0, undefined, { timeout: 10000 });
      await page.locator('.tabs-container .tab', { hasText: PAPER.title.slice(0, 20) }).first().click();
      await heading.filter({ hasText: PAPER.title }).waitFor({ timeout: 15000 });
    });
    await check('after a window reload the reader comes back on the same paper (WebviewPanelSerializer)', async () => {
      await page.reload();
      // Which tab is active after a reload depends on how much of the workbench state the browser flushed before
      // unloading (the Untitled file is sometimes in front), so select the reader's restored tab first.
      const tab = page.locator('.tabs-container .tab', { hasText: PAPER.title.slice(0, 20) }).first();
      await tab.waitFor({ timeout: 90000 });
      await tab.click();
      await heading.filter({ hasText: PAPER.title }).waitFor({ timeout: 60000 });
    });
    for (const [name, theme] of THEMES) {
      await check(`screenshot in the ${name} theme`, async () => {
        if (name !== 'dark') await pickColorTheme(page, theme);
        await page.waitForFunction((kind) => document.querySelector('.monaco-workbench')?.classList.contains(kind),
          name === 'high-contrast' ? 'hc-black' : name === 'light' ? 'vs' : 'vs-dark', { timeout: 20000 });
        await page.waitForTimeout(1200);
        const file = path.join(OUT, `vscode-reader-${name}.png`);
        await page.screenshot({ path: file });
        console.log(`    ${path.relative(cs.ROOT, file)}`);
      });
    }
    await check('the webview reported no Content Security Policy violation', async () => {
      if (cspErrors.length) throw new Error(cspErrors.join('\n'));
    });
  } catch (error) {
    failSetup(error);
    await reportFailure({ userDataDir });
  } finally {
    await endRun({ browser, server, scratch, counts, summary: (passed, failed) => `Reader UI: ${passed} passed, ${failed} failed` });
  }
})();
