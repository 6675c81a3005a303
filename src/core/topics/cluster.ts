import { TopicSignals, mixedDenseFeatures, mixedSquaredDistances } from './features';
import { DenseMatrix, centroidSilhouette, kMeans } from './kmeans';
import { DEFAULT_SEED, seededRandom } from './random';
import { silhouetteFromSquared } from './silhouette';
import { cutDendrogram, renumber, wardDendrogram } from './ward';

export interface ClusterOptions {
  /** A fixed number of topics (the `paperShelf.topics.count` setting); automatic when absent or 0. */
  count?: number;
  seed?: number;
  /** Libraries larger than this use k-means instead of Ward (whose n×n matrix grows quadratically). */
  wardLimit?: number;
}

export interface Clustering {
  labels: number[];
  k: number;
  method: 'ward' | 'kmeans' | 'single';
  /** Silhouette per candidate k, when k was chosen automatically. */
  candidates: { k: number; silhouette: number; largest: number }[];
}

/** Libraries this small become one topic: splitting five papers helps nobody. */
const MIN_PAPERS_TO_SPLIT = 6;

/**
 * The candidate numbers of topics: around √n, a size a tree stays browsable at (6–17 topics for 119 papers;
 * 50–150 for 10,000 would be too many to browse, so the range is capped at 20–40).
 */
export function candidateCounts(n: number): number[] {
  const low = Math.max(2, Math.min(20, Math.ceil(Math.sqrt(n) / 2)));
  const high = Math.min(n - 1, 40, Math.max(low, Math.ceil(1.5 * Math.sqrt(n))));
  const out: number[] = [];
  for (let k = low; k <= high; k++) out.push(k);
  return out;
}

function largest(labels: readonly number[]): number {
  const sizes = new Map<number, number>();
  for (const label of labels) sizes.set(label, (sizes.get(label) ?? 0) + 1);
  return Math.max(0, ...sizes.values());
}

/**
 * Picks the candidate with the best silhouette among those where no topic holds more than a third of the
 * library; if every candidate breaks that, the one with the smallest largest topic.
 */
function pick(candidates: Clustering['candidates'], n: number): number {
  const cap = Math.max(1, Math.floor(n / 3));
  const fitting = candidates.filter((candidate) => candidate.largest <= cap);
  const pool = fitting.length ? fitting : [...candidates].sort((a, b) => a.largest - b.largest || b.silhouette - a.silhouette).slice(0, 1);
  return pool.reduce((best, candidate) => (candidate.silhouette > best.silhouette + 1e-12 ? candidate : best)).k;
}

export function clusterSignals(signals: TopicSignals, options: ClusterOptions = {}): Clustering {
  const n = signals.lexical.length;
  const seed = options.seed ?? DEFAULT_SEED;
  const fixed = options.count && options.count > 0 ? Math.min(Math.floor(options.count), n) : undefined;
  if (n === 0) return { labels: [], k: 0, method: 'single', candidates: [] };
  if (fixed === 1 || (!fixed && n < MIN_PAPERS_TO_SPLIT)) return { labels: new Array(n).fill(0), k: 1, method: 'single', candidates: [] };
  if (n <= (options.wardLimit ?? 2000)) return wardClustering(signals, fixed);
  return kMeansClustering(mixedDenseFeatures({ ...signals, lexicalPowerIterations: 1 }, { seed, embeddingDim: 32 }), fixed, seed);
}

function wardClustering(signals: TopicSignals, fixed: number | undefined): Clustering {
  const n = signals.lexical.length;
  const squared = mixedSquaredDistances(signals);
  const dendrogram = wardDendrogram(Float64Array.from(squared), n);
  if (fixed) return { labels: cutDendrogram(dendrogram, fixed), k: fixed, method: 'ward', candidates: [] };
  const candidates = candidateCounts(n).map((k) => {
    const labels = cutDendrogram(dendrogram, k);
    return { k, silhouette: silhouetteFromSquared(squared, n, labels), largest: largest(labels) };
  });
  const k = pick(candidates, n);
  return { labels: cutDendrogram(dendrogram, k), k, method: 'ward', candidates };
}

/** Rows of a matrix picked by a seeded shuffle, so k can be chosen on a sample of a large library. */
function sampleRows(points: DenseMatrix, size: number, seed: number): DenseMatrix {
  if (points.rows <= size) return points;
  const random = seededRandom(seed);
  const order = Array.from({ length: points.rows }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (order.length - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const data = new Float32Array(size * points.dim);
  for (let i = 0; i < size; i++) data.set(points.data.subarray(order[i] * points.dim, (order[i] + 1) * points.dim), i * points.dim);
  return { data, rows: size, dim: points.dim };
}

function kMeansClustering(points: DenseMatrix, fixed: number | undefined, seed: number): Clustering {
  let candidates: Clustering['candidates'] = [];
  let k = fixed;
  if (!k) {
    // k is chosen on a fixed sample with a handful of candidates: each k-means is O(sample·k·dim).
    const sample = sampleRows(points, 1000, seed);
    const counts = candidateCounts(points.rows).filter((_, i, all) => all.length <= 6 || i % Math.ceil(all.length / 6) === 0);
    candidates = counts.map((candidate) => {
      const result = kMeans(sample, candidate, { seed, maxIterations: 20 });
      return { k: candidate, silhouette: centroidSilhouette(sample, result, candidate), largest: Math.round((largest(result.labels) * points.rows) / sample.rows) };
    });
    k = pick(candidates, points.rows);
  }
  const result = kMeans(points, k, { seed, maxIterations: 15 });
  const labels = renumber(result.labels);
  return { labels, k: Math.max(...labels) + 1, method: 'kmeans', candidates };
}
