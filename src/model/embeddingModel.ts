/**
 * A sentence-embedding model. Features depend only on this, so a stronger model can be added later without
 * touching them. Vectors are L2-normalized, so cosine similarity is a dot product.
 */
export interface EmbeddingModel {
  /** Stable identifier; embedding caches are keyed by it. */
  readonly id: string;
  readonly dimension: number;
  embed(texts: string[]): Promise<Float32Array[]>;
}

/** The subset of `AbortSignal` the model code needs, so callers can adapt VS Code's CancellationToken. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export class EmbeddingCancelledError extends Error {
  constructor() {
    super('Embedding was cancelled.');
    this.name = 'EmbeddingCancelledError';
  }
}

/** The model could not be loaded (missing or corrupt weights); the message says what to do. */
export class ModelUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelUnavailableError';
  }
}

/** The worker doing inference died twice in a row. */
export class ModelWorkerCrashedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelWorkerCrashedError';
  }
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

export function normalize(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i] /= norm;
  return vector;
}
