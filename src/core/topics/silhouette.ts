/**
 * Mean silhouette over all points from a squared-distance matrix (n×n). Singletons score 0, as in scikit-learn.
 */
export function silhouetteFromSquared(squared: Float64Array, n: number, labels: readonly number[]): number {
  const k = Math.max(...labels) + 1;
  if (k < 2 || k >= n) return 0;
  const sizes = new Array<number>(k).fill(0);
  for (const label of labels) sizes[label]++;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let j = 0; j < n; j++) if (j !== i) sums[labels[j]] += Math.sqrt(Math.max(0, squared[i * n + j]));
    const own = labels[i];
    if (sizes[own] <= 1) continue;
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}
