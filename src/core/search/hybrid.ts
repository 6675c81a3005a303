/**
 * Semantic and hybrid ranking for search, pure functions: the search feature (LibrarySearch) supplies the lunr
 * hits and the embeddings; this file knows nothing of lunr or the model.
 */
import { isStopword, singular } from '../topics/text';
import { foldAccents } from '../text/fold';

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
  /**
   * lexicalCoverage of the query by the top lexical hits, 0..1. It sets how far each list is trusted: lunr's
   * hits weigh coverage², the semantic list (1 − coverage)² (at least a little, to reorder lunr's ties). A query
   * lunr explains fully (a title's words, an author, a typo it corrects) stays lexical; a paraphrase, whose
   * words the library does not use, goes semantic. Without it both lists weigh the same (plain RRF).
   */
  coverage?: number;
}

/** Minimum say of the semantic list, even when the lexical hits explain the whole query. */
const MIN_SEMANTIC_WEIGHT = 0.02;

/**
 * Fuses lunr hits (best first) with the semantic ranking by weighted reciprocal rank fusion. Chosen by
 * scripts/eval/search.ts: plain RRF was worse than lunr alone on keyword, author and typo queries, because the
 * semantic list's head is noisy there; weighting by coverage keeps lunr's precision and adds the paraphrases.
 */
export function hybridRanking(lexical: readonly string[], semantic: readonly RankedId[], options: HybridOptions = {}): RankedId[] {
  const depth = options.semanticDepth ?? 20;
  const coverage = options.coverage;
  const lexicalWeight = coverage === undefined ? 1 : coverage * coverage;
  const semanticWeight = coverage === undefined ? 1 : Math.max(MIN_SEMANTIC_WEIGHT, (1 - coverage) ** 2);
  const fused = reciprocalRankFusion([
    { ids: lexical, weight: lexicalWeight },
    { ids: semantic.slice(0, depth).map((hit) => hit.id), weight: semanticWeight },
  ]);
  return options.limit === undefined ? fused : fused.slice(0, options.limit);
}

/** Question words and the like: they carry no topic, so they count neither for nor against lexical coverage. */
const QUERY_FILLER = new Set('how why what which who whom whose when where does do did is are was were can could should would there their them its it this that these those any some about find papers paper'.split(' '));

function words(text: string, dropFiller = false): string[] {
  const raw = foldAccents(text).toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return (dropFiller ? raw.filter((word) => !isStopword(word) && !QUERY_FILLER.has(word)) : raw).map(singular);
}

/** At most one insertion, deletion, substitution or swap of neighbours between a and b. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function matchesWord(queryWord: string, vocabulary: Set<string>): boolean {
  if (vocabulary.has(queryWord)) return true;
  for (const word of vocabulary) {
    if (queryWord.length >= 4 && word.startsWith(queryWord)) return true;
    if (word.length >= 5 && queryWord.startsWith(word)) return true;
    if (queryWord.length >= 5 && withinOneEdit(queryWord, word)) return true;
  }
  return false;
}

/**
 * How much of the query the best lexical hits explain: the largest share of the query's content words (allowing
 * a typo, a plural or a partial last word) found in one of the given texts, 0..1. A query whose words the
 * library does not use (a paraphrase) scores low, an exact title or author name 1.
 */
export function lexicalCoverage(query: string, texts: readonly string[]): number {
  const content = [...new Set(words(query, true))];
  if (content.length === 0) return 0;
  let best = 0;
  for (const text of texts) {
    const vocabulary = new Set(words(text));
    const covered = content.filter((word) => matchesWord(word, vocabulary)).length;
    best = Math.max(best, covered / content.length);
  }
  return best;
}
