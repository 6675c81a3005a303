import { DenseMatrix } from './kmeans';
import { seededRandom } from './random';
import { SparseVector } from './tfidf';

/**
 * Latent semantic analysis: a truncated SVD of the TF-IDF matrix by a seeded randomized range finder (Halko et
 * al.), then rows L2-normalized. Papers that share no word but share co-occurring words come closer, and the
 * clustering works on ~100 dense dimensions instead of thousands of sparse ones. Cost: a few sparse products,
 * O(nnz·r), plus an r×r eigenproblem.
 */
export function lsa(vectors: readonly SparseVector[], rank: number, seed: number, powerIterations = 2): DenseMatrix {
  const n = vectors.length;
  let vocabulary = 0;
  for (const vector of vectors) for (const term of vector.indices) vocabulary = Math.max(vocabulary, term + 1);
  const r = Math.max(1, Math.min(rank, n, vocabulary));
  const l = Math.min(n, vocabulary, r + 10);
  const random = seededRandom(seed);
  // Y = X·Ω, Ω Gaussian V×l (generated lazily per term, same for every run).
  const omega = new Float64Array(vocabulary * l);
  for (let i = 0; i < omega.length; i += 2) {
    const u = Math.max(random(), 1e-12);
    const v = random();
    const radius = Math.sqrt(-2 * Math.log(u));
    omega[i] = radius * Math.cos(2 * Math.PI * v);
    if (i + 1 < omega.length) omega[i + 1] = radius * Math.sin(2 * Math.PI * v);
  }
  let q = orthonormalize(multiply(vectors, omega, l), n, l);
  for (let power = 0; power < powerIterations; power++) {
    const back = multiplyTransposed(vectors, q, l, vocabulary); // Xᵀ·Q, V×l
    q = orthonormalize(multiply(vectors, back, l), n, l);
  }
  // B = Qᵀ·X (l×V); B·Bᵀ = Qᵀ·X·Xᵀ·Q (l×l) = W·Λ·Wᵀ; then X ≈ Q·W·Σ·(...) and the paper coordinates are Q·W·Σ.
  const bt = multiplyTransposed(vectors, q, l, vocabulary);
  const gram = new Float64Array(l * l);
  for (let t = 0; t < vocabulary; t++)
    for (let a = 0; a < l; a++) {
      const x = bt[t * l + a];
      if (x === 0) continue;
      for (let b = 0; b < l; b++) gram[a * l + b] += x * bt[t * l + b];
    }
  const { values, vectors: eigen } = symmetricEigen(gram, l);
  const order = values.map((value, i) => ({ value, i })).sort((x, y) => y.value - x.value || x.i - y.i).slice(0, r);
  const data = new Float32Array(n * r);
  for (let i = 0; i < n; i++) {
    let squares = 0;
    for (let c = 0; c < r; c++) {
      const column = order[c].i;
      let sum = 0;
      for (let a = 0; a < l; a++) sum += q[i * l + a] * eigen[a * l + column];
      // (Q·W)ᵢ scaled by σ = √λ.
      const value = sum * Math.sqrt(Math.max(0, order[c].value));
      data[i * r + c] = value;
      squares += value * value;
    }
    const norm = Math.sqrt(squares) || 1;
    for (let c = 0; c < r; c++) data[i * r + c] /= norm;
  }
  return { data, rows: n, dim: r };
}

/** X·M for sparse X (n×V) and dense M (V×l, row-major). Plain loops with hoisted offsets (same sums, same order). */
function multiply(vectors: readonly SparseVector[], m: Float64Array, l: number): Float64Array {
  const out = new Float64Array(vectors.length * l);
  for (let i = 0; i < vectors.length; i++) {
    const { indices, values } = vectors[i];
    const base = i * l;
    for (let t = 0; t < indices.length; t++) {
      const row = indices[t] * l;
      const value = values[t];
      for (let c = 0; c < l; c++) out[base + c] += value * m[row + c];
    }
  }
  return out;
}

/** Xᵀ·Q for sparse X (n×V) and dense Q (n×l): V×l. */
function multiplyTransposed(vectors: readonly SparseVector[], q: Float64Array, l: number, vocabulary: number): Float64Array {
  const out = new Float64Array(vocabulary * l);
  for (let i = 0; i < vectors.length; i++) {
    const { indices, values } = vectors[i];
    const base = i * l;
    for (let t = 0; t < indices.length; t++) {
      const row = indices[t] * l;
      const value = values[t];
      for (let c = 0; c < l; c++) out[row + c] += value * q[base + c];
    }
  }
  return out;
}

/** Modified Gram–Schmidt on the columns of an n×l matrix; a column that vanishes stays zero. */
function orthonormalize(m: Float64Array, n: number, l: number): Float64Array {
  for (let c = 0; c < l; c++) {
    for (let p = 0; p < c; p++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += m[i * l + c] * m[i * l + p];
      for (let i = 0; i < n; i++) m[i * l + c] -= dot * m[i * l + p];
    }
    let squares = 0;
    for (let i = 0; i < n; i++) squares += m[i * l + c] * m[i * l + c];
    const norm = Math.sqrt(squares);
    for (let i = 0; i < n; i++) m[i * l + c] = norm > 1e-10 ? m[i * l + c] / norm : 0;
  }
  return m;
}

/** Cyclic Jacobi eigenvalue algorithm for a small symmetric matrix (consumed). Eigenvectors are columns. */
export function symmetricEigen(a: Float64Array, n: number): { values: number[]; vectors: Float64Array } {
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] * a[p * n + q];
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
  }
  return { values: Array.from({ length: n }, (_, i) => a[i * n + i]), vectors: v };
}
