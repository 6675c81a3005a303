// The Papers tree's model on a 10,000-paper library: grouping in every mode, and one filter keystroke
// (rebuild with a filter), as the extension host does them. No VS Code needed: the model is plain TypeScript.
import { GROUP_BY_MODES } from '../../src/core/grouping';
import { LibraryTreeModel } from '../../src/views/library/libraryTreeModel';
import { type BenchArea, median } from './types';

function timeRuns(runs: number, body: () => void): number[] {
  body(); // warm-up: JIT and the per-paper filter cache, as after the first keystroke
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    body();
    times.push(performance.now() - started);
  }
  return times;
}

export const treeBench: BenchArea = {
  name: 'tree',
  async run(context) {
    const { papers } = await context.syntheticPapers(10_000);
    const runs = context.quick ? 3 : 15;
    const perMode = GROUP_BY_MODES.map((groupBy) => ({ groupBy, ms: median(timeRuns(runs, () => new LibraryTreeModel(papers, { groupBy, filter: '' }))) }));
    const slowest = perMode.reduce((a, b) => (b.ms > a.ms ? b : a));
    context.log(`tree 10k: ${perMode.map(({ groupBy, ms }) => `${groupBy} ${ms.toFixed(1)} ms`).join(', ')}`);
    const filterMs = median(timeRuns(runs, () => new LibraryTreeModel(papers, { groupBy: 'topic', filter: 'speculative dec' })));
    return [
      { key: 'treeModel10kMs', label: `Tree model, 10k papers (slowest mode: ${slowest.groupBy})`, value: slowest.ms, unit: 'ms', target: { below: 100 } },
      { key: 'treeFilter10kMs', label: 'Tree filter keystroke, 10k papers', value: filterMs, unit: 'ms', target: { below: 100 } },
    ];
  },
};
