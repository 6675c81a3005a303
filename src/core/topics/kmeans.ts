import { seededRandom } from './random';

/** Dense points, row-major: point i is data[i*dim .. (i+1)*dim). */
export interface DenseMatrix {
  data: Float32Array;
  rows: number;
  dim: number;
}

export interface KMeansResult {
  labels: number[];
  centroids: Float32Array;
  /** Sum of squared distances to the assigned centroid. */
  inertia: number;
}

function squaredDistance(a: Float32Array, ai: number, b: Float32Array, bi: number, dim: number): number {
  let sum = 0;
  for (let d = 0; d < dim; d++) {
    const diff = a[ai + d] - b[bi + d];
    sum += diff * diff;
  }
  return sum;
}

/**
 * The squared distance, or some value > `bound` as soon as the partial sum exceeds it (the terms are non-negative,
 * so the full sum could only be larger): callers that only keep distances ≤ `bound` get the same answers, and an
 * exactly equal distance is always computed in full.
 */
function squaredDistanceBelow(a: Float32Array, ai: number, b: Float32Array, bi: number, dim: number, bound: number): number {
  let sum = 0;
  let d = 0;
  while (d < dim) {
    const end = Math.min(dim, d + 8);
    for (; d < end; d++) {
      const diff = a[ai + d] - b[bi + d];
      sum += diff * diff;
    }
    if (sum > bound) return sum;
  }
  return sum;
}

/** k-means++ seeding then Lloyd iterations; the seed makes it deterministic. O(n·k·dim) per iteration. */
export function kMeans(points: DenseMatrix, k: number, options: { seed: number; maxIterations?: number }): KMeansResult {
  const { data, rows: n, dim } = points;
  k = Math.max(1, Math.min(k, n));
  const random = seededRandom(options.seed);
  const centroids = new Float32Array(k * dim);
  const nearest = new Float64Array(n).fill(Infinity);
  let chosen = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    centroids.set(data.subarray(chosen * dim, chosen * dim + dim), c * dim);
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i], squaredDistanceBelow(data, i * dim, centroids, c * dim, dim, nearest[i]));
      total += nearest[i];
    }
    if (c + 1 === k) break;
    let target = random() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i];
      if (target < 0) {
        chosen = i;
        break;
      }
    }
  }
  const labels = new Array<number>(n).fill(-1);
  const sums = new Float64Array(k * dim);
  const counts = new Float64Array(k);
  let inertia = 0;
  for (let iteration = 0; iteration < (options.maxIterations ?? 50); iteration++) {
    let changed = 0;
    inertia = 0;
    for (let i = 0; i < n; i++) {
      // The nearest centroid, ties to the lowest index. The previous one is measured first: its distance is
      // usually already the smallest, so most other centroids are dropped after a few dimensions.
      let best = labels[i] < 0 ? 0 : labels[i];
      let bestDistance = squaredDistance(data, i * dim, centroids, best * dim, dim);
      for (let c = 0; c < k; c++) {
        if (c === best) continue;
        const distance = squaredDistanceBelow(data, i * dim, centroids, c * dim, dim, bestDistance);
        if (distance < bestDistance || (distance === bestDistance && c < best)) {
          bestDistance = distance;
          best = c;
        }
      }
      inertia += bestDistance;
      if (labels[i] !== best) {
        labels[i] = best;
        changed++;
      }
    }
    if (changed === 0) break;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      counts[c]++;
      for (let d = 0; d < dim; d++) sums[c * dim + d] += data[i * dim + d];
    }
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) continue; // an empty cluster keeps its centroid; it may win points back
      for (let d = 0; d < dim; d++) centroids[c * dim + d] = sums[c * dim + d] / counts[c];
    }
  }
  return { labels, centroids, inertia };
}

/**
 * Simplified silhouette (distances to centroids instead of to every point): O(n·k·dim), so k can be chosen on
 * large libraries where the exact silhouette's O(n²) is too slow.
 */
export function centroidSilhouette(points: DenseMatrix, result: KMeansResult, k: number): number {
  const { data, rows: n, dim } = points;
  if (k < 2) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = result.labels[i];
    const a = Math.sqrt(squaredDistance(data, i * dim, result.centroids, own * dim, dim));
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own) b = Math.min(b, Math.sqrt(squaredDistance(data, i * dim, result.centroids, c * dim, dim)));
    const denominator = Math.max(a, b);
    if (denominator > 0) total += (b - a) / denominator;
  }
  return total / n;
}
