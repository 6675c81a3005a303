#!/usr/bin/env node
// `npm test`: everything, in order, on a fresh machine too. Installs what is missing (node_modules, the real
// VS Code under .vscode-test), type-checks, runs the unit tests, builds the production bundle once, then runs the
// integration tests and the UI test in a real VS Code, packages the .vsix from that same bundle and tests installing it.
// Streams every stage's output, prints a summary table and ends with the plain line "N passed, N failed".
// Options: --skip=stage1,stage2 (e.g. --skip=ui,vsix while iterating; skipped stages are listed, never counted as passed).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const skip = new Set((process.argv.find((arg) => arg.startsWith('--skip='))?.slice(7) ?? '').split(',').filter(Boolean));
const STAGE_TIMEOUT_MS = 20 * 60 * 1000;

/** Runs a command with its output streamed through; resolves with its exit code and captured output. */
function run(command, args, { env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (stream) => (chunk) => { output += chunk; stream.write(chunk); };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    const timer = setTimeout(() => { output += `\n(stage timed out after ${STAGE_TIMEOUT_MS / 60000} min)\n`; child.kill('SIGTERM'); }, STAGE_TIMEOUT_MS);
    child.on('error', (error) => { output += String(error); });
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code: code ?? (signal ? 1 : 0), output }); });
  });
}

/** The last "N passed, N failed" a stage printed (its own count line). */
function lastCount(output, prefix) {
  const pattern = new RegExp(`${prefix}\\s*(\\d+) passed, (\\d+) failed`, 'g');
  let match, last;
  while ((match = pattern.exec(output))) last = match;
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : undefined;
}

const counters = {
  /** A stage that is one check: it passes when the command exits 0. */
  single: () => undefined,
  nodeTest: (output) => {
    const pass = /^# pass (\d+)$/m.exec(output);
    const fail = /^# fail (\d+)$/m.exec(output);
    const skipped = /^# skipped (\d+)$/m.exec(output);
    // Skipped tests (e.g. those that need ../shared when it is absent) are reported, never counted as passed.
    return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]), skipped: skipped ? Number(skipped[1]) : 0 } : undefined;
  },
  integration: (output) => lastCount(output, 'Integration:'),
  ui: (output) => lastCount(output, 'UI test:'),
  reader: (output) => {
    const counts = ['Reader preview:', 'Reader UI:', 'UI citations:'].map((prefix) => lastCount(output, prefix));
    if (counts.some((count) => !count)) return undefined;
    return counts.reduce((sum, count) => ({ passed: sum.passed + count.passed, failed: sum.failed + count.failed }), { passed: 0, failed: 0 });
  },
  vsix: (output) => lastCount(output, 'VSIX test:'),
};

const unitFiles = () => existsSync(path.join(root, 'test/unit'))
  ? readdirSync(path.join(root, 'test/unit')).filter((name) => name.endsWith('.test.ts')).sort().map((name) => `test/unit/${name}`)
  : [];

const node = process.execPath;
const stages = [
  { name: 'install', what: 'npm ci if node_modules is missing; real VS Code into .vscode-test', count: counters.single,
    run: async () => {
      if (!existsSync(path.join(root, 'node_modules/.package-lock.json'))) {
        const ci = await run('npm', ['ci', '--no-audit', '--no-fund']);
        if (ci.code !== 0) return ci;
      }
      return run('bash', ['scripts/install-vscode.sh']);
    } },
  { name: 'typecheck', what: 'tsc --noEmit', count: counters.single, run: () => run(node, ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit']) },
  { name: 'unit', what: 'node:test over test/unit/*.test.ts', count: counters.nodeTest, run: () => run(node, ['--import', 'tsx', '--test', ...unitFiles()]) },
  { name: 'build', what: 'production bundle + integration-test bundle', count: counters.single, gate: true,
    run: async () => {
      const bundle = await run(node, ['scripts/build.mjs', '--production']);
      return bundle.code !== 0 ? bundle : run(node, ['scripts/build-tests.mjs']);
    } },
  { name: 'integration', what: 'mocha inside a real VS Code', count: counters.integration, needs: 'build', run: () => run(node, ['test/integration/runTest.js']) },
  { name: 'ui', what: 'Papers > topic > paper in the workbench, screenshots in test-results/', count: counters.ui, needs: 'build', run: () => run(node, ['test/ui/ui-test.js']) },
  { name: 'webview-ui', what: 'reader in headless Chromium (themes, CSP, sanitizing, keyboard), reader and citation completion in the workbench', count: counters.reader, needs: 'build',
    run: async () => {
      const steps = [[node, ['--import', 'tsx', 'test/ui/reader/readerScreenshots.ts']], [node, ['test/ui/reader/readerInVsCode.cjs']], [node, ['test/ui/citation-completion.js']]];
      let code = 0;
      let output = '';
      for (const [command, args] of steps) {
        const result = await run(command, args);
        code ||= result.code;
        output += result.output;
      }
      return { code, output };
    } },
  { name: 'package', what: 'vsce package of the same bundle', count: counters.single, needs: 'build', run: () => run('bash', ['scripts/package.sh'], { env: { PAPER_SHELF_SKIP_BUILD: '1' } }) },
  { name: 'vsix', what: '--install-extension, then activation', count: counters.vsix, needs: 'package', run: () => run(node, ['test/vsix/vsix-test.js']) },
];

const summary = [];
const failedStages = new Set();
const started = Date.now();
for (const stage of stages) {
  if (skip.has(stage.name)) { summary.push({ name: stage.name, note: 'skipped (--skip)' }); continue; }
  if (stage.needs && failedStages.has(stage.needs)) {
    failedStages.add(stage.name);
    summary.push({ name: stage.name, passed: 0, failed: 1, note: `not run: ${stage.needs} failed` });
    continue;
  }
  console.log(`\n=== ${stage.name}: ${stage.what} ===`);
  const t0 = Date.now();
  const { code, output } = await stage.run();
  const seconds = (Date.now() - t0) / 1000;
  let counts = stage.count(output) ?? (code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
  // A non-zero exit is a failure even when every counted test passed (a crash after the count, a setup error).
  if (code !== 0 && counts.failed === 0) counts = { ...counts, failed: 1 };
  if (counts.failed > 0) failedStages.add(stage.name);
  const notes = [code === 0 ? '' : `exit ${code}`, counts.skipped ? `${counts.skipped} skipped` : ''].filter(Boolean);
  summary.push({ name: stage.name, passed: counts.passed, failed: counts.failed, seconds, note: notes.join(', ') });
  console.log(`=== ${stage.name}: ${counts.passed} passed, ${counts.failed} failed in ${seconds.toFixed(1)} s ===`);
}

const total = summary.reduce((sum, s) => ({ passed: sum.passed + (s.passed ?? 0), failed: sum.failed + (s.failed ?? 0) }), { passed: 0, failed: 0 });
console.log('\nstage         passed  failed    time');
for (const s of summary) {
  const time = s.seconds === undefined ? '' : `${s.seconds.toFixed(1)} s`;
  console.log(`${s.name.padEnd(12)} ${String(s.passed ?? '-').padStart(7)} ${String(s.failed ?? '-').padStart(7)} ${time.padStart(8)}  ${s.note ?? ''}`);
}
console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
