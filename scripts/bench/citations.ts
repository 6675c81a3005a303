// Citations: what runs on every keystroke (finding citations in a long document), on Insert Citation (scanning a
// large .bib before appending), on export (BibTeX for 10k papers) and on Copy Formatted Reference (citeproc-js:
// building an engine for a style once, then formatting with it).
import * as path from 'node:path';
import { formatBibtex } from '../../src/core/citations/bibtexWriter';
import { planBibliographyUpdate } from '../../src/core/citations/bibFile';
import { CslResources, formatReferences } from '../../src/core/citations/format';
import { findCitations } from '../../src/core/citations/pandocCitations';
import { type BenchArea, median } from './types';

function cpuTimed<T>(body: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const value = body();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpuStart);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function medianCpu(runs: number, body: () => unknown): number {
  body();
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) cpu.push(cpuTimed(body).cpuMs);
  return median(cpu);
}

export const citationsBench: BenchArea = {
  name: 'citations',
  async run(context) {
    const { papers } = await context.syntheticPapers(10_000);
    const runs = context.quick ? 3 : 9;
    const keys = papers.slice(0, 500).map((paper) => paper.citekey);
    const paragraphs: string[] = [];
    for (let index = 0; paragraphs.join('\n\n').length < 1_000_000; index++) {
      const a = keys[index % keys.length];
      const b = keys[(index * 7) % keys.length];
      paragraphs.push(`Paragraph ${index} builds on [@${a}; @${b}, p. ${index % 40}] as @${a} showed; mail x${index}@example.org, \`@code\` and $x^2$ are not citations.`);
    }
    const markdown = paragraphs.join('\n\n');
    const citationCount = findCitations(markdown).keys.length;
    const findCpu = medianCpu(runs, () => findCitations(markdown));
    context.log(`citations: ${(markdown.length / 1e6).toFixed(2)} MB document, ${citationCount} citations`);

    const bibtex = formatBibtex(papers);
    const bibtexCpu = medianCpu(context.quick ? 1 : 3, () => formatBibtex(papers));
    const newcomer = { ...papers[0], id: 'bench:new', citekey: 'benchnewcomer2026' };
    const appendCpu = medianCpu(runs, () => planBibliographyUpdate(bibtex, 'refs.bib', [newcomer]));

    const resources = new CslResources(path.join(context.root, 'data', 'csl'));
    const cold = cpuTimed(() => formatReferences(papers.slice(0, 1), 'apa', resources));
    await cold.value;
    const warm: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = process.cpuUsage();
      await formatReferences(papers.slice(run, run + 20), 'apa', resources);
      const used = process.cpuUsage(started);
      warm.push((used.user + used.system) / 1000);
    }
    const coldCpu = (() => {
      const started = process.cpuUsage();
      return formatReferences(papers.slice(0, 1), 'ieee', new CslResources(path.join(context.root, 'data', 'csl'))).then(() => {
        const used = process.cpuUsage(started);
        return (used.user + used.system) / 1000;
      });
    })();
    return [
      { key: 'citationsFind1MbCpuMs', label: `Find citations in a 1 MB Markdown document (${citationCount}), CPU`, value: findCpu, unit: 'ms', target: { below: 150 } },
      { key: 'citationsBibtex10kCpuMs', label: 'BibTeX for 10k papers (with abstracts), CPU', value: bibtexCpu, unit: 'ms', target: { below: 2000 } },
      { key: 'citationsAppend10kCpuMs', label: 'Plan appending one entry to a 10k-entry .bib (scan + check), CPU', value: appendCpu, unit: 'ms', target: { below: 300 } },
      { key: 'citationsIeeeEngineCpuMs', label: 'First IEEE reference (builds the citeproc-js engine), CPU', value: await coldCpu, unit: 'ms' },
      { key: 'citationsApa20WarmCpuMs', label: '20 APA references with a warm engine, CPU', value: median(warm), unit: 'ms', target: { below: 500 } },
    ];
  },
};
