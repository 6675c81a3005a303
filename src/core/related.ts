import type { Paper } from './paper';
import { meanVector } from './search/hybrid';
import { SparseVector, countTerms, paperDocument, sparseDot, tfidfVectors } from './topics/tfidf';

export interface RelatedPaper {
  id: string;
  /** Closeness in (0, 1), for display; the order is what matters. */
  score: number;
}

/**
 * Share of the lexical (TF-IDF) similarity when embeddings are there; the rest is the embedding similarity.
 * Words shared by two abstracts say a lot when they are rare ("mesa-optimization"); embeddings catch the same
 * idea in other words. Measured by scripts/eval/topics.ts (share of the 5 related papers in the same hand-labelled
 * topic): words 0.60, embeddings 0.40, 0.6–0.7 mixes 0.63.
 */
export const RELATED_LEXICAL_WEIGHT = 0.6;

/**
 * Nearest papers of a library snapshot. Build once per snapshot (O(n·terms)); a query is O(n).
 * Embeddings are centered before the cosine, since a sentence encoder puts all abstracts of one field in a narrow
 * cone where every pair looks similar.
 */
export class RelatedIndex {
  private readonly ids: string[];
  private readonly position = new Map<string, number>();
  private readonly lexical: SparseVector[];
  private readonly embeddings: (Float32Array | undefined)[] | undefined;

  constructor(papers: readonly Paper[], embeddings?: ReadonlyMap<string, Float32Array>, private readonly lexicalWeight = RELATED_LEXICAL_WEIGHT) {
    this.ids = papers.map((paper) => paper.id);
    this.ids.forEach((id, i) => this.position.set(id, i));
    this.lexical = tfidfVectors(countTerms(papers.map(paperDocument), { minDocuments: 1 }));
    this.embeddings = embeddings && embeddings.size > 0 ? centeredUnitVectors(papers.map((paper) => embeddings.get(paper.id))) : undefined;
  }

  /** True when the ranking also uses embeddings. */
  get semantic(): boolean {
    return this.embeddings !== undefined;
  }

  related(paperId: string, limit = 5): RelatedPaper[] {
    const i = this.position.get(paperId);
    if (i === undefined || limit <= 0) return [];
    const others = this.ids.map((_, j) => j).filter((j) => j !== i);
    const lexical = standardized(others.map((j) => sparseDot(this.lexical[i], this.lexical[j])));
    const own = this.embeddings?.[i];
    // The two cosines live on different scales (TF-IDF cosines are mostly near 0, embedding cosines spread
    // widely), so each is turned into a z-score over the library before mixing. A paper the model has not
    // read yet is compared by its words alone.
    const semantic = own ? standardized(others.map((j) => (this.embeddings![j] ? cosine(own, this.embeddings![j]!) : NaN))) : undefined;
    const scored = others.map((j, k) => {
      const z = semantic && !Number.isNaN(semantic[k]) ? this.lexicalWeight * lexical[k] + (1 - this.lexicalWeight) * semantic[k] : lexical[k];
      return { id: this.ids[j], z };
    });
    scored.sort((a, b) => b.z - a.z || a.id.localeCompare(b.id));
    // Shown to users as a closeness in (0, 1): a logistic of the fused z-score (3 standard deviations ≈ 0.95).
    return scored.slice(0, limit).map(({ id, z }) => ({ id, score: 1 / (1 + Math.exp(-z)) }));
  }
}

/** (x − mean) / standard deviation over the finite values; NaN stays NaN; a constant list gives zeros. */
function standardized(values: readonly number[]): number[] {
  const finite = values.filter((value) => !Number.isNaN(value));
  const mean = finite.reduce((sum, value) => sum + value, 0) / Math.max(1, finite.length);
  const variance = finite.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, finite.length);
  const deviation = Math.sqrt(variance) || 1;
  return values.map((value) => (Number.isNaN(value) ? NaN : (value - mean) / deviation));
}

function cosine(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += a[d] * b[d];
  return sum;
}

/** Subtracts the mean of the present vectors and L2-normalizes each; missing ones stay missing. */
function centeredUnitVectors(vectors: readonly (Float32Array | undefined)[]): (Float32Array | undefined)[] {
  const mean = meanVector(vectors.filter((vector): vector is Float32Array => !!vector));
  return vectors.map((vector) => {
    if (!vector || !mean || vector.length !== mean.length) return undefined;
    const out = Float32Array.from(vector, (value, d) => value - mean[d]);
    const norm = Math.hypot(...out) || 1;
    return out.map((value) => value / norm);
  });
}
