#!/usr/bin/env node
'use strict';
// UI test in a real VS Code (code-server's build in headless Chromium, extension in development mode):
// Papers activity-bar entry → a topic group → a paper; the reader webview must show the paper's title.
// Saves screenshots under test-results/. Prints "UI test: N passed, N failed"; exit 0 only if all passed.
const path = require('path');
const fs = require('fs');
const os = require('os');
const cs = require('../../scripts/code-server');
const { checkList, endRun, openPapersView, reportFailure, treeRow, webviewFrame } = require('./workbench');

const OUT = path.resolve(process.env.UI_OUT || path.join(cs.ROOT, 'test-results'));
const sample = JSON.parse(fs.readFileSync(path.join(cs.ROOT, 'data/sample-library.json'), 'utf8'));
const PAPER = sample.papers.find((p) => p.id === 'arxiv:2211.17192');

const { check, failSetup, counts } = checkList();

(async () => {
  const t0 = Date.now();
  fs.mkdirSync(OUT, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'paper-shelf-ui-'));
  const userDataDir = path.join(scratch, 'user-data');
  cs.writeUserSettings(userDataDir);
  const env = cs.isolatedEnv(scratch);
  let server, browser, page;
  console.log('UI test (real VS Code in headless Chromium)');
  try {
    if (!PAPER) throw new Error('the sample library has no paper arxiv:2211.17192');
    const topic = PAPER.topic || 'Unsorted';
    server = await cs.startCodeServer({ scratch, userDataDir, extensionsDir: path.join(scratch, 'extensions'), developmentMode: true, env });
    browser = await cs.launchChromium(env);
    page = await (await browser.newContext({ viewport: { width: 1400, height: 850 } })).newPage();
    await page.goto(cs.workbenchUrl(server.authority, { devPaths: [cs.ROOT] }), { waitUntil: 'domcontentloaded', timeout: 120000 });

    await check('the Papers activity-bar entry opens the tree with topic groups', async () => {
      const rows = await openPapersView(page);
      await treeRow(page, topic).waitFor({ timeout: 30000 });
      const texts = await rows.allInnerTexts();
      if (texts.length < 2) throw new Error(`expected several topic groups, saw ${JSON.stringify(texts)}`);
    });
    await check(`clicking the topic "${topic}" shows its papers`, async () => {
      const group = treeRow(page, topic);
      if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
      await treeRow(page, PAPER.title).waitFor({ timeout: 30000 });
      await page.screenshot({ path: path.join(OUT, 'ui-tree.png') });
    });
    await check('clicking the paper opens the reader showing its title', async () => {
      await treeRow(page, PAPER.title).click();
      const title = webviewFrame(page).getByText(PAPER.title, { exact: true }).first();
      await title.waitFor({ state: 'visible', timeout: 60000 });
      await page.waitForTimeout(500); // let fonts and the toolkit's components settle before the screenshot
      await page.screenshot({ path: path.join(OUT, 'ui-reader.png') });
      const abstractStart = PAPER.abstract.split(/\s+/).slice(0, 6).join(' ');
      const body = await webviewFrame(page).locator('body').innerText();
      if (!body.replace(/\s+/g, ' ').includes(abstractStart)) throw new Error(`reader does not show the abstract ("${abstractStart}...")`);
    });
  } catch (error) {
    failSetup(error);
    await reportFailure({ page, screenshot: path.join(OUT, 'ui-failure.png'), userDataDir, server });
  } finally {
    await endRun({ browser, server, scratch, counts, summary: (passed, failed) => `UI test: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${path.relative(process.cwd(), OUT) || '.'})` });
  }
})();
