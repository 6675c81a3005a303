import { performance } from 'node:perf_hooks';
import { EmbeddingClient } from '../../src/model/embeddingClient';
import type { BenchArea, Figure } from './types';

/**
 * The local model through the worker client, as the extension uses it: load (worker start + weights + WASM init +
 * warm-up), batched throughput on the 119 sample abstracts (title + abstract, as topics embed them), and the memory
 * the workers add to the process (two workers for a request this big). Also reports CPU time per abstract, which a
 * busy machine distorts less than wall time: 2 cores reach 20 abstracts/s when it is under 100 ms.
 */
export const modelBench: BenchArea = {
  name: 'model',
  async run(context) {
    const papers = await context.samplePapers();
    const texts = papers.map((paper) => `${paper.title}. ${paper.abstract}`);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const client = new EmbeddingClient();
    try {
      const loadStart = performance.now();
      await client.embed(['warm-up sentence']);
      const modelLoadMs = client.lastLoadMs ?? performance.now() - loadStart;
      const rounds = context.quick ? 1 : 2;
      const perSec: number[] = [];
      const cpuMsPerAbstract: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const start = performance.now();
        const cpu = process.cpuUsage(); // all threads of the process, so the workers' inference is included
        await client.embed(texts.map((text) => `${text} [${round}]`)); // distinct texts: nothing cached anywhere
        const used = process.cpuUsage(cpu);
        perSec.push(texts.length / ((performance.now() - start) / 1000));
        cpuMsPerAbstract.push((used.user + used.system) / 1000 / texts.length);
        context.log(`model: round ${round + 1}: ${perSec[round].toFixed(1)} abstracts/s, ${cpuMsPerAbstract[round].toFixed(0)} ms CPU per abstract`);
      }
      const workerRssMb = (process.memoryUsage().rss - rssBefore) / 1e6;
      const figures: Figure[] = [
        { key: 'modelLoadMs', label: 'Model load + warm-up (worker)', value: modelLoadMs, unit: 'ms', target: { below: 3000 } },
        { key: 'embedPerSec', label: 'Embedding throughput (abstracts, batched)', value: Math.max(...perSec), unit: '/s', target: { above: 20 } },
        { key: 'embedCpuMsPerAbstract', label: 'CPU time per abstract (less distorted by a busy machine)', value: Math.min(...cpuMsPerAbstract), unit: 'ms', target: { below: 100 } },
        { key: 'workerRssMb', label: 'Memory added by the model worker (RSS)', value: workerRssMb, unit: 'MB', target: { below: 450 } },
      ];
      return figures;
    } finally {
      await client.dispose();
    }
  },
};
