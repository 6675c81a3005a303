#!/usr/bin/env node
'use strict';
// Installs the packaged .vsix the way a user does (code-server --install-extension) into a fresh extensions dir,
// then starts that VS Code (no development mode) and checks the extension activates: the Papers view lists the
// sample library's topic groups and a paper opens in the reader. Run scripts/package.sh first.
// Prints "VSIX test: N passed, N failed"; exit 0 only if all passed.
const path = require('path');
const fs = require('fs');
const os = require('os');
const cs = require('../../scripts/code-server');
const { checkList, endRun, openPapersView, reportFailure, treeRow, webviewFrame } = require('../ui/workbench');

const pkg = JSON.parse(fs.readFileSync(path.join(cs.ROOT, 'package.json'), 'utf8'));
const VSIX = path.resolve(process.argv[2] || path.join(cs.ROOT, `${pkg.name}-${pkg.version}.vsix`));
const OUT = path.resolve(process.env.UI_OUT || path.join(cs.ROOT, 'test-results'));
const sample = JSON.parse(fs.readFileSync(path.join(cs.ROOT, 'data/sample-library.json'), 'utf8'));

const { check, failSetup, counts } = checkList();

(async () => {
  const t0 = Date.now();
  fs.mkdirSync(OUT, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'paper-shelf-vsix-'));
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  cs.writeUserSettings(userDataDir);
  const env = cs.isolatedEnv(scratch);
  let server, browser, page;
  console.log(`VSIX test (${path.relative(process.cwd(), VSIX)} installed into a real VS Code)`);
  try {
    await check('code-server --install-extension installs the .vsix', async () => {
      if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} not found: run npm run package first`);
      await cs.installVsix(VSIX, { scratch, userDataDir, extensionsDir });
      const folder = fs.readdirSync(extensionsDir).find((name) => name.toLowerCase() === `${cs.EXTENSION_ID}-${pkg.version}`);
      if (!folder) throw new Error(`no ${cs.EXTENSION_ID}-${pkg.version} in ${fs.readdirSync(extensionsDir).join(', ')}`);
      for (const file of ['package.json', pkg.main, 'data/sample-library.json']) {
        if (!fs.existsSync(path.join(extensionsDir, folder, file))) throw new Error(`installed extension lacks ${file}`);
      }
      for (const leaked of ['src', 'test', 'node_modules', 'scripts']) {
        if (fs.existsSync(path.join(extensionsDir, folder, leaked))) throw new Error(`the .vsix ships ${leaked}/ (see .vscodeignore)`);
      }
    });
    server = await cs.startCodeServer({ scratch, userDataDir, extensionsDir, developmentMode: false, env });
    browser = await cs.launchChromium(env);
    page = await (await browser.newContext({ viewport: { width: 1400, height: 850 } })).newPage();
    await page.goto(cs.workbenchUrl(server.authority), { waitUntil: 'domcontentloaded', timeout: 120000 });
    const topics = [...new Set(sample.papers.map((p) => p.topic || 'Unsorted'))];
    await check('the installed extension activates: the Papers view lists the topic groups', async () => {
      const rows = await openPapersView(page);
      await treeRow(page, topics[0]).waitFor({ timeout: 30000 });
      const texts = await rows.allInnerTexts();
      const shown = topics.filter((topic) => texts.some((text) => text.includes(topic)));
      if (shown.length < 2) throw new Error(`expected topic groups, saw ${JSON.stringify(texts.slice(0, 5))}`);
      await page.screenshot({ path: path.join(OUT, 'vsix-tree.png') });
    });
    await check('a paper opens in the reader from the installed bundle', async () => {
      const paper = sample.papers.find((p) => (p.topic || 'Unsorted') === topics[0]);
      const group = treeRow(page, topics[0]);
      if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
      await treeRow(page, paper.title).click({ timeout: 30000 });
      await webviewFrame(page).getByText(paper.title, { exact: true }).first().waitFor({ state: 'visible', timeout: 60000 });
      await page.screenshot({ path: path.join(OUT, 'vsix-reader.png') });
    });
  } catch (error) {
    failSetup(error);
    await reportFailure({ page, screenshot: path.join(OUT, 'vsix-failure.png'), userDataDir, server });
  } finally {
    await endRun({ browser, server, scratch, counts, summary: (passed, failed) => `VSIX test: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)` });
  }
})();
