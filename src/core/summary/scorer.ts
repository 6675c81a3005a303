import { LEXICAL_FEATURES, SEMANTIC_FEATURES, lexicalFeatures, semanticFeatures } from './features';

/** A linear sentence scorer over standardized features (and, optionally, the sentence embedding itself). */
export interface LinearScorer {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  /** Weights on the raw sentence embedding, when the scorer was trained with it. */
  embeddingWeights?: number[];
}

/** data/summary-scorer.json, written by scripts/train-summary-scorer.ts. */
export interface SummaryScorerFile {
  format: 'paper-shelf-summary-scorer';
  version: 1;
  /** The embedding model the semantic scorer was trained on; with another model, the lexical scorer is used. */
  modelId: string;
  semantic: LinearScorer;
  lexical: LinearScorer;
  /** Cross-validated figures at training time, for the record. */
  crossValidation?: Record<string, unknown>;
}

export function featureMatrix(sentences: string[], embeddings: Float32Array[] | undefined): { names: string[]; rows: number[][] } {
  const lexical = lexicalFeatures(sentences);
  if (!embeddings) return { names: [...LEXICAL_FEATURES], rows: lexical };
  const semantic = semanticFeatures(embeddings);
  return { names: [...LEXICAL_FEATURES, ...SEMANTIC_FEATURES], rows: lexical.map((row, i) => [...row, ...semantic[i]]) };
}

export function scoreSentences(scorer: LinearScorer, sentences: string[], embeddings: Float32Array[] | undefined): number[] {
  const { names, rows } = featureMatrix(sentences, scorer.embeddingWeights || scorer.features.some((name) => (SEMANTIC_FEATURES as readonly string[]).includes(name)) ? embeddings : undefined);
  const columns = scorer.features.map((name) => names.indexOf(name));
  if (columns.some((column) => column < 0)) throw new Error(`The summary scorer needs features this build does not compute: ${scorer.features.filter((_, i) => columns[i] < 0).join(', ')}.`);
  return rows.map((row, i) => {
    let score = 0;
    columns.forEach((column, k) => (score += scorer.weights[k] * ((row[column] - scorer.mean[k]) / scorer.scale[k])));
    const vector = embeddings?.[i];
    if (scorer.embeddingWeights && vector) for (let k = 0; k < vector.length; k++) score += scorer.embeddingWeights[k] * vector[k];
    return score;
  });
}
