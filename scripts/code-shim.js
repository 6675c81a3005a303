#!/usr/bin/env node
'use strict';
// The `code` executable @vscode/test-electron spawns (runTests' vscodeExecutablePath), for a machine where desktop
// VS Code cannot be downloaded: it starts code-server's VS Code build on 127.0.0.1, opens the workbench in headless
// Chromium with the extensionDevelopmentPath/extensionTestsPath payload, prints the extension host's console
// (the mocha reporter) on stdout and exits with the tests' exit code.
//
// Accepts test-electron's flags: --extensionDevelopmentPath= (repeatable), --extensionTestsPath=, --user-data-dir=,
// --extensions-dir=, an optional folder to open; desktop-only flags (--no-sandbox, --disable-updates, ...) are ignored.
// Env: VSCODE_SHIM_TIMEOUT_MS (default 900000), VSCODE_SHIM_VERBOSE, VSCODE_SHIM_KEEP (keep the scratch dir),
//      VSCODE_SHIM_SCREENSHOT (PNG path saved just before exit), CODE_SERVER_NODE, CODE_SERVER_ENTRY, CHROMIUM_PATH.
const path = require('path');
const util = require('util');
const fs = require('fs');
const os = require('os');
const cs = require('./code-server');

const TIMEOUT_MS = Number(process.env.VSCODE_SHIM_TIMEOUT_MS || 900000);
// Offline machine: marketplace queries, GitHub auth and remote resources fail; that noise would bury real errors.
const OFFLINE_NOISE = /open-vsx\.org|ENOTFOUND|getaddrinfo|ERR_NAME_NOT_RESOLVED|marketplace|gallery|authentication provider 'github'|Failed to load resource/i;
const WORKBENCH_CHATTER = /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Creation of workbench contribution|Updating additional builtin extensions cache|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\])/;

function parseArgs(argv) {
  const options = { devPaths: [], positional: [] };
  for (const arg of argv) {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!match) { options.positional.push(arg); continue; }
    const [, key, value] = match;
    if (key === 'extensionDevelopmentPath') options.devPaths.push(value);
    else if (key === 'extensionTestsPath') options.testsPath = value;
    else if (key === 'user-data-dir') options.userDataDir = value;
    else if (key === 'extensions-dir') options.extensionsDir = value;
  }
  return options;
}

/** Extension-host console lines arrive in the page as "%c[Extension Host] %c<text> color: blue color: ..." */
function extensionHostText(text) {
  if (!/\[Extension Host\]/.test(text)) return undefined;
  return text.replace(/%c/g, '').replace(/^\s*\[Extension Host\]\s*/, '').replace(/\s*color: [^ ]+( color: [^ ]+)?\s*(\(at .*\))?\s*$/, '');
}

(async () => {
  const t0 = Date.now();
  const args = parseArgs(process.argv.slice(2));
  if (!args.testsPath || !args.devPaths.length) {
    console.error('code-shim: need --extensionTestsPath= and --extensionDevelopmentPath=');
    process.exit(2);
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'paper-shelf-shim-'));
  const userDataDir = path.resolve(args.userDataDir || path.join(scratch, 'user-data'));
  const extensionsDir = path.resolve(args.extensionsDir || path.join(scratch, 'extensions'));
  cs.writeUserSettings(userDataDir);
  const env = cs.isolatedEnv(scratch);

  let server, browser, exiting = false;
  const finish = async (code, why) => {
    if (exiting) return;
    exiting = true;
    if (why) console.error(`code-shim: ${why}`);
    try {
      const page = browser && browser.contexts()[0]?.pages()[0];
      if (page && process.env.VSCODE_SHIM_SCREENSHOT) await page.screenshot({ path: process.env.VSCODE_SHIM_SCREENSHOT }).catch(() => undefined);
    } catch { /* best effort */ }
    try { if (browser) await browser.close(); } catch { /* already closed */ }
    if (server) await server.stop();
    const log = server ? server.logPath : path.join(scratch, 'code-server.log');
    const keep = code !== 0 || process.env.VSCODE_SHIM_KEEP;
    if (!keep) fs.rmSync(scratch, { recursive: true, force: true });
    console.error(`code-shim: exit ${code} after ${((Date.now() - t0) / 1000).toFixed(1)}s${keep ? ` (code-server log: ${log})` : ''}`);
    process.exit(code);
  };
  setTimeout(() => void finish(4, `timeout after ${TIMEOUT_MS} ms`), TIMEOUT_MS).unref();
  process.on('SIGINT', () => void finish(130, 'interrupted'));
  process.on('SIGTERM', () => void finish(143, 'terminated'));

  try {
    server = await cs.startCodeServer({ scratch, userDataDir, extensionsDir, developmentMode: true, env });
    server.exited.then((how) => finish(3, `code-server exited early (${how})`));
    console.error(`code-shim: code-server up in ${((Date.now() - t0) / 1000).toFixed(1)}s on ${server.authority}; opening the workbench`);
    browser = await cs.launchChromium(env);
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    // The smoke-test driver reports the extension tests' result through these two hooks.
    // The smoke-test driver forwards the renderer's log here, including the extension host's console (the mocha
    // reporter, as console.log format strings); the workbench's own start-up chatter is left out.
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const text = util.format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      if (process.env.VSCODE_SHIM_VERBOSE || !(WORKBENCH_CHATTER.test(text) || OFFLINE_NOISE.test(text))) {
        (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(text + '\n');
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code, null));
    page.on('console', (message) => {
      const text = extensionHostText(message.text());
      if (text !== undefined) process.stdout.write(text + '\n');
      // Workbench errors ("%c  ERR ...") already came through codeAutomationLog; others (e.g. a webview's CSP report) did not.
      else if (process.env.VSCODE_SHIM_VERBOSE || (message.type() === 'error' && !/^%c\s+ERR/.test(message.text()) && !OFFLINE_NOISE.test(message.text()))) process.stderr.write(`[browser ${message.type()}] ${message.text()}\n`);
    });
    page.on('pageerror', (error) => process.stderr.write(`[pageerror] ${error}\n`));
    const folder = args.positional.find((p) => fs.existsSync(p) && fs.statSync(p).isDirectory());
    await page.goto(cs.workbenchUrl(server.authority, { devPaths: args.devPaths, testsPath: args.testsPath, folder }), { waitUntil: 'domcontentloaded', timeout: 120000 });
  } catch (error) {
    await finish(5, `error: ${(error && error.stack) || error}`);
  }
})();
