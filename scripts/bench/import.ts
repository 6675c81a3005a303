// Import speed: a 10,000-entry .bib (written by the BibTeX exporter from a synthetic library, so it has the
// accents, braces and escapes real exports have) read, parsed and previewed against an empty library.
// Target: < 3 s. Also times the refusal of a 50 MB+ file, which must not read it.
//   node --import tsx scripts/bench/import.ts
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Paper } from '../../src/core/paper';
import { formatBibtex } from '../../src/core/citations/bibtexWriter';
import { ImportRefusedError, MAX_IMPORT_BYTES, importFiles, previewImport } from '../../src/core/importers';
import { syntheticLibrary } from './syntheticLibrary';
import type { BenchArea, Figure } from './types';

export interface ImportBenchResult {
  entries: number;
  megabytes: number;
  wallMs: number[];
  cpuMs: number[];
  refuseMs: number;
}

export async function benchImport(entries = 10_000, runs = 3): Promise<ImportBenchResult> {
  const sampleFile = path.join(__dirname, '..', '..', 'data', 'sample-library.json');
  const data = JSON.parse(readFileSync(sampleFile, 'utf8'));
  const sample: Paper[] = Array.isArray(data) ? data : data.papers;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'paper-shelf-bench-import-'));
  try {
    const bib = path.join(dir, `library-${entries}.bib`);
    const papers = syntheticLibrary(sample, entries);
    writeFileSync(bib, formatBibtex(papers));
    const megabytes = Number((Buffer.byteLength(readFileSync(bib, 'utf8')) / 1024 / 1024).toFixed(1));
    const wallMs: number[] = [];
    const cpuMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const preview = previewImport([], await importFiles([bib]));
      wallMs.push(Math.round(performance.now() - started));
      const used = process.cpuUsage(cpu);
      cpuMs.push(Math.round((used.user + used.system) / 1000));
      if (preview.added + preview.duplicates !== entries || preview.errors.length) {
        throw new Error(`expected ${entries} entries without errors, got ${preview.added} new + ${preview.duplicates} duplicates, ${preview.errors.length} errors`);
      }
    }
    const huge = path.join(dir, 'huge.bib');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_IMPORT_BYTES + 1024); // sparse: costs no disk
    const started = performance.now();
    await importFiles([huge]).then(
      () => {
        throw new Error('a file over 50 MB was not refused');
      },
      (error) => {
        if (!(error instanceof ImportRefusedError)) throw error;
      },
    );
    return { entries, megabytes, wallMs, cpuMs, refuseMs: Number((performance.now() - started).toFixed(1)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatImportBench(result: ImportBenchResult): string[] {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return [
    `import: ${result.entries} BibTeX entries (${result.megabytes} MB) read + parsed + previewed: median ${median(result.wallMs)} ms wall, ${median(result.cpuMs)} ms CPU (runs: ${result.wallMs.join(', ')} ms; target < 3000 ms)`,
    `import: a file over 50 MB refused in ${result.refuseMs} ms (size checked before reading)`,
  ];
}

/** npm run bench area "import": 10k-entry .bib import time (target < 3 s) and the oversized-file refusal. */
export const importBench: BenchArea = {
  name: 'import',
  async run(context): Promise<Figure[]> {
    const result = await benchImport(10_000, context.quick ? 1 : 3);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    context.log(formatImportBench(result).join('\n'));
    return [
      { key: 'import10kBibMs', label: `Import 10k-entry .bib (${result.megabytes} MB): read + parse + preview`, value: median(result.wallMs), unit: 'ms', target: { below: 3000 } },
      { key: 'import10kBibCpuMs', label: 'Import 10k-entry .bib, CPU time', value: median(result.cpuMs), unit: 'ms' },
      { key: 'importRefuse50MbMs', label: 'Refuse a file over 50 MB', value: result.refuseMs, unit: 'ms', target: { below: 100 } },
    ];
  },
};

if (require.main === module) {
  void benchImport().then((result) => console.log(formatImportBench(result).join('\n')));
}
