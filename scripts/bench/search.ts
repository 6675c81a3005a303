import { performance } from 'node:perf_hooks';
import type { Paper } from '../../src/core/paper';
import { PaperIndex } from '../../src/core/search/paperIndex';
import { BenchArea, Figure, median, percentile } from './types';

/** What people type: topics, titles, authors, fields, typos, accents, broken syntax — and every prefix while typing. */
const QUERIES = [
  'speculative decoding', 'attention is all you need', 'author:vaswani', 'year:2024', 'year:2024 diffusion', 'transformer',
  'language models', 'model', 'speculatve decodng', 'lancucki', 'Müller', 'mixture of experts', 'state space models',
  'long context', 'image generation autoregressive', 'title:attention', 'kv cache compression', 'flash attention',
  'in-context learning', 'byte level tokenizer free', '"unbalanced', 'title:', '+ -', 'protein language model',
  'music generation', 'video', 'reinforcement learning from human feedback', 'parallel decoding', 'linear attention',
  'positional encoding',
];
const TYPED = ['speculative decoding', 'mixture of experts', 'author:leviathan'];
const ALL_QUERIES = [...QUERIES, ...TYPED.flatMap((text) => Array.from({ length: text.length - 1 }, (_, i) => text.slice(0, i + 2)))];

function timeBuilds(papers: readonly Paper[], runs: number): { index: PaperIndex; ms: number; cpuMs: number } {
  let index = PaperIndex.build(papers);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    index = PaperIndex.build(papers);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { index, ms: median(times), cpuMs: median(cpu) };
}

function timeQueries(index: PaperIndex, repetitions: number): { p50: number; p95: number; cpuP95: number; max: number } {
  for (const query of ALL_QUERIES) index.search(query); // warm-up: JIT, lazily built typo automaton
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    for (const query of ALL_QUERIES) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      index.search(query, { limit: 50 });
      wall.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return { p50: percentile(wall, 50), p95: percentile(wall, 95), cpuP95: percentile(cpu, 95), max: Math.max(...wall) };
}

/** Full-text search: index build and query latency (p50/p95 over realistic queries, incl. every prefix while typing). */
export const searchBench: BenchArea = {
  name: 'search',
  async run(context): Promise<Figure[]> {
    const sample = await context.samplePapers();
    const small = timeBuilds(sample, context.quick ? 3 : 10);
    const smallQueries = timeQueries(small.index, context.quick ? 5 : 30);
    const { papers } = await context.syntheticPapers(10_000);
    const large = timeBuilds(papers, context.quick ? 1 : 3);
    const largeQueries = timeQueries(large.index, context.quick ? 2 : 5);
    context.log(`search: ${ALL_QUERIES.length} queries; 10k slowest ${largeQueries.max.toFixed(1)} ms`);
    return [
      { key: 'searchIndexBuildMs', label: 'Search index build, sample', value: small.ms, unit: 'ms' },
      { key: 'searchP50Ms', label: 'Search p50, sample', value: smallQueries.p50, unit: 'ms' },
      { key: 'searchP95Ms', label: 'Search p95, sample', value: smallQueries.p95, unit: 'ms' },
      { key: 'searchIndexBuildMs10k', label: 'Search index build, 10,000 papers', value: large.ms, unit: 'ms' },
      { key: 'searchIndexBuildCpuMs10k', label: 'Search index build CPU time, 10,000 papers', value: large.cpuMs, unit: 'ms' },
      { key: 'searchP50Ms10k', label: 'Search p50, 10,000 papers', value: largeQueries.p50, unit: 'ms' },
      { key: 'searchP95Ms10k', label: 'Search p95, 10,000 papers', value: largeQueries.p95, unit: 'ms', target: { below: 10 } },
      { key: 'searchCpuP95Ms10k', label: 'Search p95 CPU time, 10,000 papers', value: largeQueries.cpuP95, unit: 'ms' },
    ];
  },
};
