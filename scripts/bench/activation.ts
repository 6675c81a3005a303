import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { BenchArea, BenchContext, Figure, median } from './types';

const execFileAsync = promisify(execFile);

interface ChildResult {
  loadMs: number;
  activateMs: number;
  totalMs: number;
  cpuMs: number;
  treeMs: number[];
  treePapers: number;
  papers: number;
}

async function childHarness(context: BenchContext): Promise<string> {
  const outfile = path.join(context.tmpDir, 'activationChild.js');
  await esbuild.build({
    entryPoints: [path.join(context.root, 'scripts', 'bench', 'activationChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** One cold activation: a new Node process requires the bundle and awaits activate(). */
async function activateOnce(harness: string, request: Record<string, unknown>): Promise<ChildResult> {
  const { stdout } = await execFileAsync(process.execPath, [harness, JSON.stringify(request)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as ChildResult;
}

async function measure(context: BenchContext, harness: string, label: string, settings: Record<string, unknown>, runs: number) {
  const storageDir = path.join(context.tmpDir, `storage-${label}`);
  mkdirSync(storageDir, { recursive: true });
  const request = { extension: await context.extensionBundle(), extensionPath: context.root, storageDir, settings, treeRuns: 5 };
  // First start puts the sample library into global storage, as on a user's first run; time the starts after it.
  const first = await activateOnce(harness, request);
  const results: ChildResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await activateOnce(harness, request));
  context.log(`activation ${label}: ${results.map((r) => r.totalMs.toFixed(1)).join(', ')} ms (first start ${first.totalMs.toFixed(1)} ms); ${first.papers} papers, tree shows ${first.treePapers}`);
  if (first.treePapers !== first.papers) throw new Error(`the tree showed ${first.treePapers} papers of ${first.papers}`);
  return {
    loadMs: median(results.map((r) => r.loadMs)),
    totalMs: median(results.map((r) => r.totalMs)),
    cpuMs: median(results.map((r) => r.cpuMs)),
    firstStartMs: first.totalMs,
    treeColdMs: median(results.map((r) => r.treeMs[0])),
    treeWarmMs: median(results.flatMap((r) => r.treeMs.slice(1))),
  };
}

/**
 * Extension activation and tree build, timed by loading the production bundle into fresh Node processes with a
 * fake `vscode` (scripts/bench/fakeVscode.ts). Excludes VS Code's own extension-host overhead.
 */
export const activationBench: BenchArea = {
  name: 'activation',
  async run(context): Promise<Figure[]> {
    const harness = await childHarness(context);
    const runs = context.quick ? 3 : 7;
    const sample = await measure(context, harness, 'sample', {}, runs);
    const big = await context.syntheticPapers(10_000);
    const large = await measure(context, harness, '10k', { 'paperShelf.libraryPath': big.file }, context.quick ? 2 : 5);
    return [
      { key: 'activationMs', label: 'Activation, sample library (require + activate)', value: sample.totalMs, unit: 'ms', target: { below: 50 } },
      { key: 'activationCpuMs', label: '  CPU time of the same (less affected by load)', value: sample.cpuMs, unit: 'ms' },
      { key: 'extensionLoadMs', label: '  of which require(extension.js)', value: sample.loadMs, unit: 'ms' },
      { key: 'activationFirstRunMs', label: 'Activation, very first start (copies sample)', value: sample.firstStartMs, unit: 'ms' },
      { key: 'treeBuildMs', label: 'Tree build, sample (first treeSnapshot)', value: sample.treeColdMs, unit: 'ms' },
      { key: 'treeRebuildMs', label: 'Tree build, sample (later treeSnapshot)', value: sample.treeWarmMs, unit: 'ms' },
      { key: 'activationMs10k', label: 'Activation, 10,000-paper library', value: large.totalMs, unit: 'ms' },
      { key: 'treeBuildMs10k', label: 'Tree build, 10,000 papers (first)', value: large.treeColdMs, unit: 'ms' },
    ];
  },
};
