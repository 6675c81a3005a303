// Renders the built reader webview in headless Chromium, outside VS Code, with a fake acquireVsCodeApi and VS Code's
// theme variables, checks it (CSP violations, sanitizing, keyboard) and saves screenshots under test-results/reader/.
//   node scripts/build.mjs && node --import tsx test/ui/reader/readerScreenshots.ts
// Needs /usr/bin/chromium (Debian package `chromium`).
import { createServer, Server } from 'node:http';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, Page } from 'playwright-core';
import { createNonce, renderReaderHtml } from '../../../src/views/reader/readerHtml';
import { toReaderPaper } from '../../../src/views/reader/readerModel';
import type { HostToWebviewMessage } from '../../../src/views/reader/protocol';
import type { Paper } from '../../../src/core/paper';
import { PREVIEW_THEMES, PreviewTheme } from './themes';

const root = path.resolve(__dirname, '../../..');
const outDir = path.join(root, 'test-results', 'reader');
const failures: string[] = [];
let passed = 0;

function check(condition: boolean, what: string): void {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${what}`);
  if (condition) passed++;
  else failures.push(what);
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

async function main(): Promise<void> {
  const bundle = path.join(root, 'dist', 'webview');
  await fs.access(path.join(bundle, 'reader.js')).catch(() => {
    throw new Error('dist/webview/reader.js is missing: run `node scripts/build.mjs` first.');
  });
  // Resources come from another origin than the page, as in VS Code (webview origin vs. cspSource).
  const resources = createServer(async (request, response) => {
    const file = path.join(bundle, path.basename(new URL(request.url ?? '/', 'http://x').pathname));
    try {
      const body = await fs.readFile(file);
      response.writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : 'text/javascript', 'access-control-allow-origin': '*' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  const resourceOrigin = await listen(resources);
  const pages = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      renderReaderHtml({
        cspSource: resourceOrigin,
        scriptUri: `${resourceOrigin}/reader.js`,
        styleUri: `${resourceOrigin}/reader.css`,
        scriptNonce: createNonce(),
        styleNonce: createNonce(),
      }),
    );
  });
  const pageOrigin = await listen(pages);

  const library = JSON.parse(await fs.readFile(path.join(root, 'data', 'sample-library.json'), 'utf8'));
  const papers: Paper[] = (Array.isArray(library) ? library : library.papers).map((paper: Paper) => ({ ...paper, tags: paper.tags ?? [], status: paper.status ?? 'unread' }));
  const paper = papers.find((candidate) => candidate.codeUrl && candidate.authors.length > 4) ?? papers[0];
  const withSummary: Paper = { ...paper, summary: paper.abstract.split(/(?<=\.)\s+/)[1] ?? paper.abstract };
  const showPaper: HostToWebviewMessage = {
    type: 'showPaper',
    paper: toReaderPaper(withSummary),
    position: { index: papers.indexOf(paper), total: papers.length },
    actions: { summarize: true, cite: true },
    relatedPending: true,
  };
  const related: HostToWebviewMessage = {
    type: 'relatedPapers',
    paperId: paper.id,
    papers: papers
      .filter((other) => other.id !== paper.id)
      .slice(0, 5)
      .map((other, index) => ({ id: other.id, title: other.title, byline: `${other.authors[0]} et al. · ${other.year}`, score: 0.82 - index * 0.07 })),
  };

  await fs.mkdir(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    for (const theme of PREVIEW_THEMES) {
      const page = await openReader(browser, pageOrigin, theme);
      await send(page, showPaper);
      await send(page, related);
      await page.waitForSelector('.related-list li');
      await page.waitForTimeout(150);
      const file = path.join(outDir, `reader-${theme.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`     screenshot ${path.relative(root, file)}`);
      check((await page.textContent('h1')) === paper.title, `${theme.name}: title rendered`);
      check((await page.locator('.tldr p').textContent()) === withSummary.summary, `${theme.name}: TL;DR rendered`);
      check((await page.locator('vscode-button:visible').count()) === 6, `${theme.name}: 6 buttons visible`);
      await expectNoViolations(page, theme.name);
      if (theme.name === 'dark') {
        // A reader beside an editor is often narrow: the toolbar must wrap, not overflow.
        await page.setViewportSize({ width: 480, height: 900 });
        await page.screenshot({ path: path.join(outDir, 'reader-dark-narrow.png') });
        check(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'narrow: no horizontal overflow');
        await page.setViewportSize({ width: 900, height: 1000 });
        await keyboardChecks(page, paper.id);
      }
      await page.close();
    }
    const page = await openReader(browser, pageOrigin, PREVIEW_THEMES[1]);
    await hostileAbstract(page);
    await send(page, { type: 'empty', message: 'The paper shown here before the reload is no longer in the library.' });
    await page.screenshot({ path: path.join(outDir, 'reader-empty-dark.png') });
    check((await page.textContent('h1')) === 'No paper', 'empty state shown');
    await expectNoViolations(page, 'hostile abstract + empty state', /^(script|style)-src-attr /);
  } finally {
    await browser.close();
    resources.close();
    pages.close();
  }
  for (const failure of failures) console.log(`  failed: ${failure}`);
  console.log(`Reader preview: ${passed} passed, ${failures.length} failed (screenshots in ${path.relative(root, outDir)})`);
  process.exitCode = failures.length || !passed ? 1 : 0;
}

async function openReader(browser: import('playwright-core').Browser, url: string, theme: PreviewTheme): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  // tsx keeps function names with a `__name` helper that does not exist in the page.
  await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
  await page.addInitScript((theme: PreviewTheme) => {
    const win = window as unknown as Record<string, unknown>;
    win.__sent = [];
    win.__violations = [];
    win.__state = undefined;
    win.acquireVsCodeApi = () => ({
      postMessage: (message: unknown) => (win.__sent as unknown[]).push(message),
      getState: () => win.__state,
      setState: (state: unknown) => (win.__state = state),
    });
    document.addEventListener('securitypolicyviolation', (event) =>
      (win.__violations as string[]).push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
    );
    // VS Code sets these from its side before the page's own scripts run (CSSOM, so the CSP does not apply).
    document.addEventListener('DOMContentLoaded', () => {
      for (const [name, value] of Object.entries(theme.variables)) document.documentElement.style.setProperty(name, value);
      document.body.classList.add(theme.bodyClass);
      document.body.setAttribute('data-vscode-theme-kind', theme.bodyClass);
    });
  }, theme);
  await page.goto(url);
  await page.waitForFunction(() => ((window as unknown as { __sent: { type: string }[] }).__sent ?? []).some((message) => message.type === 'ready'));
  return page;
}

function send(page: Page, message: HostToWebviewMessage): Promise<void> {
  return page.evaluate((message) => window.postMessage(message, '*'), message);
}

function sent(page: Page): Promise<{ type: string; [key: string]: unknown }[]> {
  return page.evaluate(() => (window as unknown as { __sent: { type: string }[] }).__sent);
}

/**
 * `expected` matches violations that are the CSP doing its job on hostile input (DOMPurify's inert parse of
 * `onerror=`/`style=` attributes is reported, though nothing would run even without the CSP).
 */
async function expectNoViolations(page: Page, label: string, expected?: RegExp): Promise<void> {
  const all = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  if (expected) console.log(`     ${all.filter((violation) => expected.test(violation)).length} expected violation(s) from hostile markup`);
  const violations = expected ? all.filter((violation) => !expected.test(violation)) : all;
  check(violations.length === 0, `${label}: no CSP violations${violations.length ? ` (${violations.join('; ')})` : ''}`);
}

async function keyboardChecks(page: Page, paperId: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const order: string[] = [];
  for (let i = 0; i < 16; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return active ? `${active.tagName.toLowerCase()}:${(active.getAttribute('aria-label') ?? active.textContent ?? '').trim().slice(0, 24)}` : 'none';
    }));
  }
  console.log(`     tab order: ${order.join(' | ')}`);
  for (const expected of ['Previous paper', 'Next paper', 'Open this paper on arXiv', 'Copy citation key', 'Summarize this paper', 'Cite this paper', 'arxiv.org/abs/', 'Code']) {
    check(order.some((entry) => entry.includes(expected)), `Tab reaches "${expected}"`);
  }
  check(order.some((entry) => entry.startsWith('vscode-link:') && !['arxiv.org', 'Code', 'Web page'].some((label) => entry.includes(label))), 'Tab reaches the related papers');
  // Focus ring on a button.
  await page.focus('#action-copy');
  await page.screenshot({ path: path.join(outDir, 'reader-dark-focus.png'), clip: { x: 0, y: 0, width: 900, height: 140 } });
  await page.click('#action-copy');
  await page.locator('.links vscode-link').first().click();
  await page.locator('.related-list vscode-link').first().click();
  await page.focus('h1').catch(() => undefined);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('[');
  const messages = await sent(page);
  const has = (predicate: (message: { type: string; [key: string]: unknown }) => boolean) => messages.some(predicate);
  check(has((m) => m.type === 'copyCitationKey' && m.paperId === paperId), 'Copy Citation Key posts copyCitationKey with the paper id');
  check(has((m) => m.type === 'openExternal' && m.target === 'arxiv' && m.paperId === paperId && !('url' in m)), 'arXiv link posts openExternal {target: arxiv} without a URL');
  check(has((m) => m.type === 'openPaper'), 'related paper click posts openPaper');
  check(has((m) => m.type === 'navigate' && m.direction === 'next'), 'Alt+Right posts navigate next');
  check(has((m) => m.type === 'navigate' && m.direction === 'previous'), '[ posts navigate previous');
  check(page.url().startsWith('http://127.0.0.1') && !page.url().includes('arxiv.org'), 'link clicks did not navigate the webview');
  const state = await page.evaluate(() => (window as unknown as { __state?: { paperId?: string } }).__state);
  check(state?.paperId === paperId, 'webview saved {paperId} with setState');
}

async function hostileAbstract(page: Page): Promise<void> {
  const abstract = [
    'We study **bold** claims with $x_0$ and $O(n^2)$ cost.',
    '<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> <iframe src="https://example.com"></iframe>',
    '[click](javascript:window.__xss=3) <a href="command:workbench.action.quit">quit</a> <b onclick="window.__xss=4" style="color:red">styled</b>',
    'Code: https://github.com/example/repo.',
  ].join('\n\n');
  const paper: Paper = { id: 'test:hostile', citekey: 'evil2024', title: '<b>Not bold</b> & "quoted"', authors: ['<i>Mallory</i>'], abstract, tags: [], status: 'unread' };
  await send(page, { type: 'showPaper', paper: toReaderPaper(paper), position: { index: 0, total: 1 }, actions: { summarize: false, cite: false }, relatedPending: false });
  await page.waitForSelector('.abstract-body');
  const report = await page.evaluate(() => {
    const body = document.querySelector('.abstract-body') as HTMLElement;
    return {
      xss: (window as unknown as { __xss?: number }).__xss,
      dangerous: body.querySelectorAll('img, script, iframe, style, [onclick], [onerror], [style]').length,
      hrefs: [...body.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      title: document.querySelector('h1')?.textContent,
      titleHasElements: (document.querySelector('h1')?.children.length ?? 0) > 0,
      authors: document.querySelector('.authors')?.textContent,
      strong: body.querySelector('strong')?.textContent,
      text: body.textContent ?? '',
      codes: [...body.querySelectorAll('code')].map((code) => code.textContent),
      buttons: [...document.querySelectorAll('vscode-button')].filter((button) => !(button as HTMLElement).hidden).length,
    };
  });
  await page.screenshot({ path: path.join(outDir, 'reader-hostile-dark.png'), fullPage: true });
  check(report.xss === undefined, 'hostile abstract: no script ran');
  check(report.dangerous === 0, 'hostile abstract: no img/script/iframe/style/handlers in the DOM');
  check(report.hrefs.every((href) => href !== null && /^https:\/\//.test(href)), `hostile abstract: only https links kept, dead links unwrapped (${report.hrefs.join(', ')})`);
  check(report.text.includes('click quit styled'), 'hostile abstract: text of removed links kept');
  check(report.hrefs.includes('https://github.com/example/repo'), 'hostile abstract: autolinked code URL kept');
  check(report.title === '<b>Not bold</b> & "quoted"' && !report.titleHasElements, 'title set as text, not HTML');
  check(report.authors === '<i>Mallory</i>', 'authors set as text, not HTML');
  check(report.strong === 'bold', 'Markdown emphasis rendered');
  check(report.codes.includes('x_0') && report.codes.includes('O(n^2)'), 'inline LaTeX shown as code, not emphasis');
  check(report.buttons === 3, 'Summarize, Cite and Open on arXiv hidden when not available');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
