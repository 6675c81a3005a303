/**
 * Semantic and hybrid ranking for search, pure functions: the search feature (LibrarySearch) supplies the lunr
 * hits and the embeddings; this file knows nothing of lunr or the model.
 */

export const SEARCH_MODES = ['lexical', 'semantic', 'hybrid'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export function isSearchMode(value: unknown): value is SearchMode {
  return typeof value === 'string' && (SEARCH_MODES as readonly string[]).includes(value);
}

export interface RankedId {
  id: string;
  score: number;
}

/** The usual RRF constant (Cormack et al. 2009): dampens the head so one list cannot dominate on rank 1 alone. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion: each list gives an item weight/(k + rank); items are ranked by the sum. Rank-based, so
 * lunr's unbounded scores and cosines in [−1, 1] need no calibration. Ties keep the first list's order.
 */
export function reciprocalRankFusion(lists: readonly { ids: readonly string[]; weight?: number }[], k = RRF_K): RankedId[] {
  const scores = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  let order = 0;
  for (const list of lists) {
    const weight = list.weight ?? 1;
    list.ids.forEach((id, rank) => {
      scores.set(id, (scores.get(id) ?? 0) + weight / (k + rank + 1));
      if (!firstSeen.has(id)) firstSeen.set(id, order++);
    });
  }
  return [...scores.entries()]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || firstSeen.get(a.id)! - firstSeen.get(b.id)!);
}

/** Mean of the paper vectors: subtracting it from papers and query removes what every abstract has in common. */
export function meanVector(vectors: Iterable<Float32Array>): Float32Array | undefined {
  let mean: Float64Array | undefined;
  let count = 0;
  for (const vector of vectors) {
    mean ??= new Float64Array(vector.length);
    for (let d = 0; d < vector.length; d++) mean[d] += vector[d];
    count++;
  }
  return mean && Float32Array.from(mean, (value) => value / count);
}

function centeredCosine(a: Float32Array, b: Float32Array, center: Float32Array | undefined): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < a.length; d++) {
    const x = a[d] - (center?.[d] ?? 0);
    const y = b[d] - (center?.[d] ?? 0);
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Papers ranked by the cosine between the query's embedding and each paper's, best first. `center` (usually
 * meanVector of the papers) is subtracted from both sides first.
 */
export function semanticRanking(query: Float32Array, papers: ReadonlyMap<string, Float32Array>, options: { limit?: number; center?: Float32Array } = {}): RankedId[] {
  const scored: RankedId[] = [];
  for (const [id, vector] of papers) if (vector.length === query.length) scored.push({ id, score: centeredCosine(query, vector, options.center) });
  scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return options.limit === undefined ? scored : scored.slice(0, options.limit);
}

export interface HybridOptions {
  limit?: number;
  /** Semantic hits considered for fusion: the head of the ranking, since every paper has some cosine. */
  semanticDepth?: number;
  /** Weights of the two lists in the fusion. */
  lexicalWeight?: number;
  semanticWeight?: number;
}

/**
 * Fuses lunr hits (best first) with the semantic ranking. A query lunr cannot match at all (a paraphrase, a typo
 * lunr's one-edit fuzziness misses) still gets the semantic head; a query lunr matches precisely (an author name)
 * keeps its lexical hits near the top, since RRF rewards agreement and lunr's list is short and exact.
 */
export function hybridRanking(lexical: readonly string[], semantic: readonly RankedId[], options: HybridOptions = {}): RankedId[] {
  const depth = options.semanticDepth ?? 30;
  const fused = reciprocalRankFusion([
    { ids: lexical, weight: options.lexicalWeight ?? 1 },
    { ids: semantic.slice(0, depth).map((hit) => hit.id), weight: options.semanticWeight ?? 1 },
  ]);
  return options.limit === undefined ? fused : fused.slice(0, options.limit);
}
