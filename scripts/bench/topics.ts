// Topics: Organize on the sample library cold (fresh worker, nothing cached: model load + 119 embeddings +
// clustering + labels) and warm (embeddings cached), and clustering 10,000 papers whose embeddings are cached.
// Targets on 2 cores: warm < 300 ms, cold < 8 s, 10k clustering < 3 s. CPU time is printed too: on a busy
// machine wall time measures the neighbours as much as the code.
import { performance } from 'node:perf_hooks';
import type { Paper } from '../../src/core/paper';
import { organizeLibrary } from '../../src/core/topics/assign';
import { clusterSignals } from '../../src/core/topics/cluster';
import { computeTopics, DEFAULT_LEXICAL_RANK, DEFAULT_LEXICAL_WEIGHT } from '../../src/core/topics/organize';
import { countTerms, paperDocument, tfidfVectors } from '../../src/core/topics/tfidf';
import { seededRandom } from '../../src/core/topics/random';
import { paperEmbeddingText } from '../../src/core/topics/embeddingText';
import { EmbeddingCache } from '../../src/model/embeddingCache';
import { EmbeddingClient } from '../../src/model/embeddingClient';
import { EmbeddingService } from '../../src/model/embeddingService';
import { median, type BenchArea, type Figure } from './types';

async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/** What the Organize command does once the texts are known: embed (cache first), cluster, label, assign. */
async function organize(service: EmbeddingService, papers: readonly Paper[]): Promise<number> {
  const vectors = await service.embed(papers.map(paperEmbeddingText));
  const embeddings = new Map(papers.map((paper, i) => [paper.id, vectors[i]]));
  return organizeLibrary(papers, { embeddings }).topics.length;
}

/**
 * 10,000 synthetic papers with embeddings derived from their sample paper's real one plus seeded noise (running the
 * model on 10,000 abstracts is the model bench's business, not clustering's).
 */
function syntheticEmbeddings(papers: readonly Paper[], sample: readonly Paper[], sampleVectors: readonly Float32Array[]): Map<string, Float32Array> {
  const random = seededRandom(7);
  const index = new Map(sample.map((paper, i) => [paper.id, i]));
  return new Map(
    papers.map((paper, i) => {
      const base = sampleVectors[index.get(paper.id) ?? i % sample.length];
      const vector = Float32Array.from(base, (value) => value + (random() - 0.5) * 0.06);
      const norm = Math.hypot(...vector) || 1;
      return [paper.id, vector.map((value) => value / norm)];
    }),
  );
}

export const topicsBench: BenchArea = {
  name: 'topics',
  async run(context) {
    const sample = await context.samplePapers();
    const client = new EmbeddingClient();
    try {
      const service = new EmbeddingService(client, EmbeddingCache.inMemory());
      const cold = await timed(() => organize(service, sample));
      context.log(`topics: cold organize ${cold.wallMs.toFixed(0)} ms wall, ${cold.cpuMs.toFixed(0)} ms CPU (main thread), ${cold.value} topics`);
      const warmRuns: { wallMs: number; cpuMs: number }[] = [];
      for (let run = 0; run < (context.quick ? 3 : 7); run++) warmRuns.push(await timed(() => organize(service, sample)));
      const sampleVectors = await service.embed(sample.map(paperEmbeddingText));

      const { papers } = await context.syntheticPapers(10_000);
      const embeddings = syntheticEmbeddings(papers, sample, sampleVectors);
      const lexical = tfidfVectors(countTerms(papers.map(paperDocument)));
      const vectors = papers.map((paper) => embeddings.get(paper.id));
      const cluster = await timed(() => clusterSignals({ lexical, embeddings: vectors, lexicalWeight: DEFAULT_LEXICAL_WEIGHT, lexicalRank: DEFAULT_LEXICAL_RANK }));
      context.log(`topics: 10k clustering ${cluster.wallMs.toFixed(0)} ms wall, ${cluster.cpuMs.toFixed(0)} ms CPU, ${cluster.value.k} topics (${cluster.value.method})`);
      const full = await timed(() => computeTopics(papers, { embeddings }));
      context.log(`topics: 10k topics incl. terms and labels ${full.wallMs.toFixed(0)} ms wall, ${full.cpuMs.toFixed(0)} ms CPU`);

      const figures: Figure[] = [
        { key: 'organizeColdMs', label: 'Organize sample library, cold (model load + embed + cluster + label)', value: cold.wallMs, unit: 'ms', target: { below: 8000 } },
        { key: 'organizeWarmMs', label: 'Organize sample library, warm (embeddings cached), median', value: median(warmRuns.map((run) => run.wallMs)), unit: 'ms', target: { below: 300 } },
        { key: 'organizeWarmCpuMs', label: 'Organize sample library, warm, CPU time, median', value: median(warmRuns.map((run) => run.cpuMs)), unit: 'ms' },
        { key: 'cluster10kMs', label: 'Cluster 10,000 papers with cached embeddings (LSA + k-means + choice of k)', value: cluster.wallMs, unit: 'ms', target: { below: 3000 } },
        { key: 'cluster10kCpuMs', label: 'Cluster 10,000 papers, CPU time', value: cluster.cpuMs, unit: 'ms' },
        { key: 'topics10kMs', label: 'Topics for 10,000 papers incl. terms, TF-IDF and labels (no model)', value: full.wallMs, unit: 'ms' },
      ];
      return figures;
    } finally {
      await client.dispose();
    }
  },
};

if (require.main === module) {
  void (async () => {
    const { readLibraryFile } = await import('../../src/core/libraryStore');
    const { syntheticLibrary } = await import('./syntheticLibrary');
    const sample = (await readLibraryFile(`${__dirname}/../../data/sample-library.json`)).papers;
    const figures = await topicsBench.run({
      root: `${__dirname}/../..`, tmpDir: '/tmp', quick: process.argv.includes('--quick'), log: (message) => console.error(message),
      extensionBundle: async () => '', samplePapers: async () => sample, syntheticPapers: async (count) => ({ papers: syntheticLibrary(sample, count), file: '' }),
    });
    for (const figure of figures) console.log(`${figure.label}: ${figure.value.toFixed(0)} ${figure.unit}`);
  })();
}
