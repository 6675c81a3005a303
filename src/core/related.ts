import type { Paper } from './paper';
import { meanVector } from './search/hybrid';
import { SparseVector, countTerms, paperDocument, sparseDot, tfidfVectors } from './topics/tfidf';

export interface RelatedPaper {
  id: string;
  /** Similarity in [−1, 1]: a weighted mean of the lexical and the embedding cosine. */
  score: number;
}

/**
 * Share of the lexical (TF-IDF) cosine when embeddings are there; the rest is the embedding cosine.
 * Words shared by two abstracts say a lot when they are rare ("mesa-optimization"); embeddings catch the same
 * idea in other words. Both are cosines, so a plain weighted mean keeps the scale.
 */
export const RELATED_LEXICAL_WEIGHT = 0.5;

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
    const scored: RelatedPaper[] = [];
    const own = this.embeddings?.[i];
    for (let j = 0; j < this.ids.length; j++) {
      if (j === i) continue;
      const lexical = sparseDot(this.lexical[i], this.lexical[j]);
      const other = this.embeddings?.[j];
      // A paper the model has not read yet is compared by its words alone.
      const score = own && other ? this.lexicalWeight * lexical + (1 - this.lexicalWeight) * cosine(own, other) : lexical;
      scored.push({ id: this.ids[j], score });
    }
    scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return scored.slice(0, limit);
  }
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
