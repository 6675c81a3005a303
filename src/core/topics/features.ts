import { DenseMatrix } from './kmeans';
import { DEFAULT_SEED, seededRandom } from './random';
import { lsa } from './lsa';
import { SparseVector, sparseDot } from './tfidf';

/**
 * The two signals a topic is made of: TF-IDF vectors (what words a paper uses) and, when the model has run,
 * sentence embeddings (what it means). They are mixed as a weighted concatenation, each block scaled so that its
 * mean squared distance between papers is 1: the weight then means what it says whatever the block's own scale.
 */
export interface TopicSignals {
  lexical: SparseVector[];
  /** One per paper, or undefined where the model has no vector (and for a lexical-only run). */
  embeddings?: (Float32Array | undefined)[];
  /** Share of the lexical signal, 0..1; the rest goes to embeddings. */
  lexicalWeight: number;
  /** Reduce TF-IDF to this many LSA dimensions first (0: use the raw TF-IDF vectors). */
  lexicalRank?: number;
  /** Power iterations of the randomized SVD (default 2; large libraries use 1, a little less exact, faster). */
  lexicalPowerIterations?: number;
  seed?: number;
}

/** Cosine between two papers' lexical vectors, raw TF-IDF or LSA-reduced. */
function lexicalCosine(signals: TopicSignals): (i: number, j: number) => number {
  if (!signals.lexicalRank) return (i, j) => sparseDot(signals.lexical[i], signals.lexical[j]);
  const { data, dim } = lsa(signals.lexical, signals.lexicalRank, signals.seed ?? DEFAULT_SEED);
  return (i, j) => {
    let sum = 0;
    for (let d = 0; d < dim; d++) sum += data[i * dim + d] * data[j * dim + d];
    return sum;
  };
}

/** Centers the embeddings (sentence encoders put every text in one narrow cone) and L2-normalizes them. */
export function normalizedEmbeddings(embeddings: readonly (Float32Array | undefined)[]): Float32Array[] | undefined {
  const present = embeddings.filter((vector): vector is Float32Array => !!vector);
  if (present.length === 0 || present.length < embeddings.length) return undefined;
  const dim = present[0].length;
  const mean = new Float64Array(dim);
  for (const vector of present) for (let d = 0; d < dim; d++) mean[d] += vector[d] / present.length;
  return present.map((vector) => {
    const out = new Float32Array(dim);
    let squares = 0;
    for (let d = 0; d < dim; d++) {
      out[d] = vector[d] - mean[d];
      squares += out[d] * out[d];
    }
    const norm = Math.sqrt(squares) || 1;
    for (let d = 0; d < dim; d++) out[d] /= norm;
    return out;
  });
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += a[d] * b[d];
  return sum;
}

function scaleToUnitMean(matrix: Float64Array, n: number): void {
  let sum = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) sum += matrix[i * n + j];
  const mean = n > 1 ? sum / ((n * (n - 1)) / 2) : 1;
  if (mean > 0) for (let i = 0; i < matrix.length; i++) matrix[i] /= mean;
}

/** The n×n matrix of squared distances between unit vectors (2 − 2·cosine), one per block, mixed by weight. */
export function mixedSquaredDistances(signals: TopicSignals): Float64Array {
  const n = signals.lexical.length;
  const embeddings = signals.embeddings && normalizedEmbeddings(signals.embeddings);
  const lexicalWeight = embeddings ? signals.lexicalWeight : 1;
  const total = new Float64Array(n * n);
  if (lexicalWeight > 0) {
    const block = new Float64Array(n * n);
    const cosine = lexicalCosine(signals);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) block[i * n + j] = block[j * n + i] = Math.max(0, 2 - 2 * cosine(i, j));
    scaleToUnitMean(block, n);
    for (let i = 0; i < total.length; i++) total[i] += lexicalWeight * block[i];
  }
  if (embeddings && lexicalWeight < 1) {
    const block = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) block[i * n + j] = block[j * n + i] = Math.max(0, 2 - 2 * dot(embeddings[i], embeddings[j]));
    scaleToUnitMean(block, n);
    for (let i = 0; i < total.length; i++) total[i] += (1 - lexicalWeight) * block[i];
  }
  return total;
}

/**
 * The same mix as dense points, for k-means on large libraries: the TF-IDF block goes through a seeded random
 * projection (Johnson–Lindenstrauss keeps distances roughly) so every paper is a short dense vector.
 */
export function mixedDenseFeatures(signals: TopicSignals, options: { seed: number; lexicalDim?: number; embeddingDim?: number; sample?: number }): DenseMatrix {
  const n = signals.lexical.length;
  const embeddings = signals.embeddings && normalizedEmbeddings(signals.embeddings);
  const lexicalWeight = embeddings ? signals.lexicalWeight : 1;
  const reduced = lexicalWeight > 0 && signals.lexicalRank ? lsa(signals.lexical, signals.lexicalRank, signals.seed ?? options.seed, signals.lexicalPowerIterations) : undefined;
  const lexicalDim = lexicalWeight > 0 ? reduced?.dim ?? options.lexicalDim ?? 128 : 0;
  const fullEmbeddingDim = embeddings && lexicalWeight < 1 ? embeddings[0].length : 0;
  const embeddingDim = Math.min(fullEmbeddingDim, options.embeddingDim ?? fullEmbeddingDim);
  const dim = lexicalDim + embeddingDim;
  const data = new Float32Array(n * dim);
  if (reduced) for (let i = 0; i < n; i++) data.set(reduced.data.subarray(i * reduced.dim, (i + 1) * reduced.dim), i * dim);
  else if (lexicalDim > 0) {
    let vocabulary = 0;
    for (const vector of signals.lexical) for (const term of vector.indices) vocabulary = Math.max(vocabulary, term + 1);
    const random = seededRandom(options.seed);
    const projection = new Float32Array(vocabulary * lexicalDim);
    for (let i = 0; i < projection.length; i++) projection[i] = random() < 0.5 ? -1 : 1;
    const scale = 1 / Math.sqrt(lexicalDim);
    signals.lexical.forEach((vector, i) => {
      for (let t = 0; t < vector.indices.length; t++) {
        const row = vector.indices[t] * lexicalDim;
        const value = vector.values[t] * scale;
        for (let d = 0; d < lexicalDim; d++) data[i * dim + d] += value * projection[row + d];
      }
    });
  }
  if (embeddingDim === fullEmbeddingDim && embeddingDim > 0) embeddings!.forEach((vector, i) => data.set(vector, i * dim + lexicalDim));
  else if (embeddingDim > 0) {
    // A seeded Gaussian projection to fewer dimensions keeps distances roughly and makes k-means cheaper.
    const random = seededRandom(options.seed + 2);
    // One row per output dimension, so each output is a contiguous dot product.
    const projection = new Float32Array(fullEmbeddingDim * embeddingDim);
    for (let i = 0; i < projection.length; i++) projection[i] = ((random() + random() + random() - 1.5) * 2) / Math.sqrt(embeddingDim);
    // Four outputs per pass over the vector (each output still sums its terms in the same order).
    for (let i = 0; i < n; i++) {
      const vector = embeddings![i];
      const out = i * dim + lexicalDim;
      let e = 0;
      for (; e + 4 <= embeddingDim; e += 4) {
        const r0 = e * fullEmbeddingDim;
        const r1 = r0 + fullEmbeddingDim;
        const r2 = r1 + fullEmbeddingDim;
        const r3 = r2 + fullEmbeddingDim;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let d = 0; d < fullEmbeddingDim; d++) {
          const x = vector[d];
          s0 += x * projection[r0 + d];
          s1 += x * projection[r1 + d];
          s2 += x * projection[r2 + d];
          s3 += x * projection[r3 + d];
        }
        data[out + e] = s0;
        data[out + e + 1] = s1;
        data[out + e + 2] = s2;
        data[out + e + 3] = s3;
      }
      for (; e < embeddingDim; e++) {
        const row = e * fullEmbeddingDim;
        let sum = 0;
        for (let d = 0; d < fullEmbeddingDim; d++) sum += vector[d] * projection[row + d];
        data[out + e] = sum;
      }
    }
  }
  // Scale each block to unit mean squared distance, estimated on a fixed sample of pairs.
  const random = seededRandom(options.seed + 1);
  const blocks: [number, number, number][] = [];
  if (lexicalDim > 0) blocks.push([0, lexicalDim, lexicalWeight]);
  if (embeddingDim > 0) blocks.push([lexicalDim, dim, 1 - lexicalWeight]);
  for (const [from, to, weight] of blocks) {
    let sum = 0;
    const pairs = Math.min(options.sample ?? 2000, (n * (n - 1)) / 2);
    for (let p = 0; p < pairs; p++) {
      const i = Math.floor(random() * n);
      let j = Math.floor(random() * (n - 1));
      if (j >= i) j++;
      for (let d = from; d < to; d++) {
        const diff = data[i * dim + d] - data[j * dim + d];
        sum += diff * diff;
      }
    }
    const mean = pairs > 0 ? sum / pairs : 1;
    const factor = mean > 0 ? Math.sqrt(weight / mean) : 0;
    for (let i = 0; i < n; i++) for (let d = from; d < to; d++) data[i * dim + d] *= factor;
  }
  return { data, rows: n, dim };
}
