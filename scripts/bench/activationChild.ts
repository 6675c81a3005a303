/**
 * Run in a fresh Node process by the activation bench (bundled to plain JS, so nothing but Node is loaded): requires
 * the extension bundle with the fake `vscode`, calls activate(), times the tree, and prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { createFakeVscode, fakeExtensionContext, installFakeVscode } from './fakeVscode';

interface ChildRequest {
  extension: string;
  extensionPath: string;
  storageDir: string;
  settings: Record<string, unknown>;
  treeRuns: number;
}

interface ExtensionModule {
  activate(context: unknown): Promise<{ treeSnapshot(): Promise<Array<{ paperIds: string[] }>>; library(): { size: number } }>;
}

/**
 * VS Code's extension host has loaded these Node built-ins long before any extension activates, so an extension
 * does not pay for them; load them here first so the figure is the extension's own cost.
 */
const HOST_BUILTINS = ['fs', 'fs/promises', 'path', 'os', 'crypto', 'stream', 'events', 'util', 'url', 'child_process', 'worker_threads', 'zlib', 'net', 'http', 'https', 'string_decoder', 'buffer', 'assert', 'readline'];

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2]) as ChildRequest;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const name of HOST_BUILTINS) require(name);
  const fake = createFakeVscode({ settings: request.settings });
  installFakeVscode(fake);
  const context = fakeExtensionContext(request.extensionPath, request.storageDir);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(request.extension) as ExtensionModule;
  const loaded = performance.now();
  const api = await extension.activate(context);
  const activated = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  const treeMs: number[] = [];
  let treePapers = 0;
  for (let i = 0; i < request.treeRuns; i++) {
    const before = performance.now();
    const groups = await api.treeSnapshot();
    treeMs.push(performance.now() - before);
    treePapers = groups.reduce((sum, group) => sum + group.paperIds.length, 0);
  }
  process.stdout.write(
    `${JSON.stringify({ loadMs: loaded - start, activateMs: activated - loaded, totalMs: activated - start, cpuMs: (cpu.user + cpu.system) / 1000, treeMs, treePapers, papers: api.library().size, commands: fake.commands.size })}\n`,
  );
  process.exit(0);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
