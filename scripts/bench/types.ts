import type { Paper } from '../../src/core/paper';

/** One measured figure; `key` goes into the --json line, so keep keys stable (others read them). */
export interface Figure {
  key: string;
  label: string;
  value: number;
  unit: 'ms' | 'MB' | '/s' | '' | 'papers';
  /** A target such as "< 50": the table marks figures that miss it. */
  target?: { below?: number; above?: number };
}

export interface BenchContext {
  root: string;
  /** A fresh temp folder for this run. */
  tmpDir: string;
  /** Fewer repetitions, for a quick look. */
  quick: boolean;
  /** Progress on stderr, so stdout stays the table (and the JSON line). */
  log(message: string): void;
  /** The extension bundled as it ships (esbuild, production settings), built once per run into tmpDir. */
  extensionBundle(): Promise<string>;
  /** The shipped sample library (119 papers). */
  samplePapers(): Promise<Paper[]>;
  /** `count` papers generated deterministically from the sample, cached per count; also written as a library file. */
  syntheticPapers(count: number): Promise<{ papers: Paper[]; file: string }>;
}

/** One area of `npm run bench` (activation, search, model, …): add a file in scripts/bench/ and one line in scripts/bench.ts. */
export interface BenchArea {
  name: string;
  run(context: BenchContext): Promise<Figure[]>;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}
