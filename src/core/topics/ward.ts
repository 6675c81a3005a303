/**
 * Ward agglomerative clustering by the nearest-neighbour-chain algorithm: O(n²) time and one n×n matrix, which
 * is fine up to a few thousand papers (larger libraries go through k-means instead).
 */
export interface Dendrogram {
  size: number;
  /** Merges in increasing height; `a`/`b` are point indices standing for the clusters that contain them. */
  merges: { a: number; b: number; height: number }[];
}

/** `squared` holds squared Euclidean distances, row-major n×n; it is consumed (overwritten). */
export function wardDendrogram(squared: Float64Array, n: number): Dendrogram {
  const size = new Float64Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const merges: Dendrogram['merges'] = [];
  const chain: number[] = [];
  let remaining = n;
  while (remaining > 1) {
    if (chain.length === 0) chain.push(active.indexOf(1));
    const a = chain[chain.length - 1];
    const previous = chain.length > 1 ? chain[chain.length - 2] : -1;
    let best = previous;
    let bestDistance = previous >= 0 ? squared[a * n + previous] : Infinity;
    for (let c = 0; c < n; c++) {
      if (!active[c] || c === a) continue;
      const distance = squared[a * n + c];
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    if (best !== previous) {
      chain.push(best);
      continue;
    }
    chain.length -= 2;
    const [keep, drop] = a < best ? [a, best] : [best, a];
    merges.push({ a: keep, b: drop, height: bestDistance });
    const si = size[keep];
    const sj = size[drop];
    for (let c = 0; c < n; c++) {
      if (!active[c] || c === keep || c === drop) continue;
      const sk = size[c];
      const updated = ((si + sk) * squared[keep * n + c] + (sj + sk) * squared[drop * n + c] - sk * bestDistance) / (si + sj + sk);
      squared[keep * n + c] = updated;
      squared[c * n + keep] = updated;
    }
    size[keep] = si + sj;
    active[drop] = 0;
    remaining--;
  }
  // Ward is monotone, so sorting by height (stable) never applies a merge before the ones it builds on.
  const order = merges.map((merge, i) => ({ merge, i })).sort((x, y) => x.merge.height - y.merge.height || x.i - y.i);
  return { size: n, merges: order.map((entry) => entry.merge) };
}

/** Cuts a dendrogram into k clusters; labels are numbered by each cluster's first point, so they are stable. */
export function cutDendrogram(dendrogram: Dendrogram, k: number): number[] {
  const n = dendrogram.size;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const steps = Math.max(0, Math.min(dendrogram.merges.length, n - k));
  for (let s = 0; s < steps; s++) {
    const { a, b } = dendrogram.merges[s];
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  return renumber(Array.from({ length: n }, (_, i) => find(i)));
}

/** Renames cluster ids to 0..k-1 in order of first appearance. */
export function renumber(labels: readonly number[]): number[] {
  const ids = new Map<number, number>();
  return labels.map((label) => ids.get(label) ?? ids.set(label, ids.size).get(label)!);
}
