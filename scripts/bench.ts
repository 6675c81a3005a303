// npm run bench [-- --json] [--quick] [--only area,area] [--strict]
// Prints a table of figures; with --json the last stdout line is one JSON object {key: value, ...}.
// Add an area: a module in scripts/bench/ exporting a BenchArea, and one line in AREAS below.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { Paper } from '../src/core/paper';
import { readLibraryFile, serializeLibrary } from '../src/core/libraryStore';
import { activationBench } from './bench/activation';
import { searchBench } from './bench/search';
import { importBench } from './bench/import';
import { modelBench } from './bench/model';
import { topicsBench } from './bench/topics';
import { syntheticLibrary } from './bench/syntheticLibrary';
import { treeBench } from './bench/tree';
import { citationsBench } from './bench/citations';
import type { BenchArea, BenchContext, Figure } from './bench/types';
import { nodeBuildOptions, vendorBuildOptions } from './buildConfig.mjs';

const AREAS: BenchArea[] = [
  activationBench,
  searchBench,
  importBench,
  modelBench,
  topicsBench,
  treeBench,
  citationsBench,
];

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const strict = args.includes('--strict');
const quick = args.includes('--quick');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set((args[onlyIndex + 1] ?? '').split(',').filter(Boolean)) : undefined;

function memo<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}

function createContext(tmpDir: string): BenchContext {
  const samplePapers = memo(async () => (await readLibraryFile(path.join(root, 'data', 'sample-library.json'))).papers);
  const synthetic = new Map<number, Promise<{ papers: Paper[]; file: string }>>();
  return {
    root,
    tmpDir,
    quick,
    log: (message) => process.stderr.write(`${message}\n`),
    extensionBundle: memo(async () => {
      // Built as scripts/build.mjs --production builds what the .vsix ships, into tmpDir so dist/ is left alone.
      const outdir = path.join(tmpDir, 'extension', 'dist');
      const entryPoints = { extension: path.join(root, 'src', 'extension.ts') };
      await esbuild.build({ ...nodeBuildOptions({ production: true, outdir, entryPoints }), logLevel: 'silent' });
      await esbuild.build({ ...vendorBuildOptions({ production: true, outdir }), logLevel: 'silent' });
      return path.join(outdir, 'extension.js');
    }),
    samplePapers,
    syntheticPapers: (count) => {
      let entry = synthetic.get(count);
      if (!entry) {
        entry = samplePapers().then((seed) => {
          const papers = syntheticLibrary(seed, count);
          const file = path.join(tmpDir, `library-${count}.json`);
          writeFileSync(file, serializeLibrary(papers));
          return { papers, file };
        });
        synthetic.set(count, entry);
      }
      return entry;
    },
  };
}

function formatValue(figure: Figure): string {
  const digits = figure.unit === 'ms' && figure.value < 10 ? 2 : 1;
  return `${figure.value.toFixed(digits)}${figure.unit ? ` ${figure.unit}` : ''}`;
}

function targetText(figure: Figure): { text: string; met?: boolean } {
  const { below, above } = figure.target ?? {};
  if (below !== undefined) return { text: `< ${below} ${figure.unit}`.trim(), met: figure.value < below };
  if (above !== undefined) return { text: `> ${above} ${figure.unit}`.trim(), met: figure.value > above };
  return { text: '' };
}

function printTable(rows: Array<{ area: string; figure: Figure }>): void {
  const cells = rows.map(({ area, figure }) => {
    const target = targetText(figure);
    return [area, figure.label, formatValue(figure), target.text, target.met === undefined ? '' : target.met ? 'ok' : 'MISSED'];
  });
  const header = ['Area', 'Figure', 'Value', 'Target', ''];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of cells) console.log(line(row));
}

async function main(): Promise<number> {
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'paper-shelf-bench-'));
  mkdirSync(tmpDir, { recursive: true });
  const context = createContext(tmpDir);
  const rows: Array<{ area: string; figure: Figure }> = [];
  let failed = false;
  try {
    for (const area of AREAS) {
      if (only && !only.has(area.name)) continue;
      const start = Date.now();
      try {
        for (const figure of await area.run(context)) rows.push({ area: area.name, figure });
        context.log(`${area.name}: done in ${((Date.now() - start) / 1000).toFixed(1)} s`);
      } catch (error) {
        failed = true;
        context.log(`${area.name}: FAILED — ${(error as Error).stack ?? error}`);
      }
    }
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
  console.log(`Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`);
  printTable(rows);
  const missed = rows.filter(({ figure }) => targetText(figure).met === false);
  if (json) console.log(JSON.stringify(Object.fromEntries(rows.map(({ figure }) => [figure.key, Math.round(figure.value * 100) / 100]))));
  if (failed) return 1;
  return strict && missed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`bench: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
