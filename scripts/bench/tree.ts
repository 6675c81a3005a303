// The Papers tree's model on a 10,000-paper library: grouping in every mode, and one filter keystroke
// (rebuild with a filter), as the extension host does them. No VS Code needed: the model is plain TypeScript.
import { GROUP_BY_MODES } from '../../src/core/grouping';
import { LibraryTreeModel } from '../../src/views/library/libraryTreeModel';
import { type BenchArea, median } from './types';

interface Timing {
  wallMs: number;
  /** CPU time of this process: what the work costs, even when other processes share the two cores. */
  cpuMs: number;
}

function timeRuns(runs: number, body: () => void): Timing {
  body(); // warm-up: JIT and the per-paper filter cache, as after the first keystroke
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    body();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

export const treeBench: BenchArea = {
  name: 'tree',
  async run(context) {
    const { papers } = await context.syntheticPapers(10_000);
    const runs = context.quick ? 3 : 15;
    const perMode = GROUP_BY_MODES.map((groupBy) => ({ groupBy, ...timeRuns(runs, () => new LibraryTreeModel(papers, { groupBy, filter: '' })) }));
    const slowest = perMode.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
    context.log(`tree 10k (wall/cpu ms): ${perMode.map(({ groupBy, wallMs, cpuMs }) => `${groupBy} ${wallMs.toFixed(1)}/${cpuMs.toFixed(1)}`).join(', ')}`);
    const filter = timeRuns(runs, () => new LibraryTreeModel(papers, { groupBy: 'topic', filter: 'speculative dec' }));
    return [
      { key: 'treeModel10kMs', label: `Tree model, 10k papers, wall (slowest mode: ${slowest.groupBy})`, value: slowest.wallMs, unit: 'ms' },
      { key: 'treeModel10kCpuMs', label: `Tree model, 10k papers, CPU (slowest mode: ${slowest.groupBy})`, value: slowest.cpuMs, unit: 'ms', target: { below: 50 } },
      { key: 'treeFilter10kMs', label: 'Tree filter keystroke, 10k papers, wall', value: filter.wallMs, unit: 'ms' },
      { key: 'treeFilter10kCpuMs', label: 'Tree filter keystroke, 10k papers, CPU', value: filter.cpuMs, unit: 'ms', target: { below: 50 } },
    ];
  },
};
