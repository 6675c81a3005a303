import { extractTerms } from './text';

/** A sparse vector: term indices (ascending) and their weights. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

export interface TermCounts {
  /** Per document: term index → count. */
  counts: Map<number, number>[];
  /** Term index → key. */
  terms: string[];
  /** Term index → number of documents containing it. */
  documentFrequency: number[];
  /** Term key → the surface forms seen and how often, to show a key the way authors write it. */
  surfaces: Map<string, Map<string, number>>;
}

export interface VocabularyOptions {
  /** A term must appear in at least this many documents to count (drops typos and one-off names). */
  minDocuments?: number;
  /** Terms in more than this share of documents say nothing about topics ("transformer" in a transformer library). */
  maxDocumentShare?: number;
}

const SURFACE_SAMPLE = 1500;

/** Counts unigrams and bigrams per document, keeping only terms shared by enough, but not too many, documents. */
export function countTerms(documents: readonly string[], options: VocabularyOptions = {}): TermCounts {
  const minDocuments = options.minDocuments ?? (documents.length >= 20 ? 2 : 1);
  const maxShare = options.maxDocumentShare ?? 0.5;
  const raw: Map<string, number>[] = [];
  const df = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  documents.forEach((text, doc) => {
    const bag = new Map<string, number>();
    // How words are written is only needed to show labels; a sample of the library says enough and keeps large
    // libraries fast.
    const collectSurfaces = doc < SURFACE_SAMPLE;
    for (const term of extractTerms(text)) {
      bag.set(term.key, (bag.get(term.key) ?? 0) + 1);
      if (!collectSurfaces) continue;
      const forms = surfaces.get(term.key) ?? surfaces.set(term.key, new Map()).get(term.key)!;
      forms.set(term.surface, (forms.get(term.surface) ?? 0) + 1);
    }
    for (const key of bag.keys()) df.set(key, (df.get(key) ?? 0) + 1);
    raw.push(bag);
  });
  const maxDocuments = Math.max(minDocuments, Math.floor(maxShare * documents.length));
  const terms = [...df.entries()]
    .filter(([, count]) => count >= minDocuments && count <= maxDocuments)
    .map(([key]) => key)
    .sort();
  const index = new Map(terms.map((key, i) => [key, i]));
  const counts = raw.map((bag) => {
    const out = new Map<number, number>();
    for (const [key, count] of bag) {
      const i = index.get(key);
      if (i !== undefined) out.set(i, count);
    }
    return out;
  });
  return { counts, terms, documentFrequency: terms.map((key) => df.get(key)!), surfaces };
}

/** Sublinear-tf, smoothed-idf TF-IDF vectors, L2-normalized (so dot product = cosine). */
export function tfidfVectors(termCounts: TermCounts): SparseVector[] {
  const n = termCounts.counts.length;
  const idf = termCounts.documentFrequency.map((df) => Math.log((1 + n) / (1 + df)) + 1);
  return termCounts.counts.map((bag) => {
    const entries = [...bag.entries()].sort((a, b) => a[0] - b[0]);
    const values = new Float64Array(entries.map(([term, count]) => (1 + Math.log(count)) * idf[term]));
    let squares = 0;
    for (const value of values) squares += value * value;
    const norm = Math.sqrt(squares) || 1;
    for (let i = 0; i < values.length; i++) values[i] /= norm;
    return { indices: new Int32Array(entries.map(([term]) => term)), values };
  });
}

export function sparseDot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.indices.length && j < b.indices.length) {
    const ai = a.indices[i];
    const bj = b.indices[j];
    if (ai === bj) sum += a.values[i++] * b.values[j++];
    else if (ai < bj) i++;
    else j++;
  }
  return sum;
}

/** The text a paper contributes to topic modelling: the title counts twice, since it is the author's own summary. */
export function paperDocument(paper: { title: string; abstract?: string }): string {
  return `${paper.title}. ${paper.title}. ${paper.abstract ?? ''}`;
}
