import { forEachWord, normalizeWord, termOf } from './analyzer';

/** The documents (by number) holding one term in one field, with term frequency and first position. */
export interface FieldPostings {
  docs: Int32Array;
  frequencies: Uint16Array;
  firstPositions: Int32Array;
}

interface GrowingPostings {
  docs: number[];
  frequencies: number[];
  firstPositions: number[];
}

export interface FieldSpec {
  name: string;
  boost: number;
}

const K1 = 1.2;
const B = 0.75;

/**
 * A compact inverted index scored with BM25F (lunr's scoring, k1 = 1.2, b = 0.75, per-field boosts), kept in
 * typed arrays so 10,000 papers build in well under a second and a query touches only its terms' postings.
 */
export class Postings {
  readonly terms = new Map<string, number>();
  /** Every surface word seen, mapped to its term: partial words and typos are matched against these. */
  readonly words = new Map<string, string>();
  private readonly documentFrequency: number[] = [];
  private readonly byField: Array<Array<FieldPostings | undefined>>;
  private readonly fieldLengths: Float32Array[];
  /** BM25's k1 × (1 − b + b × length / average length), per field and document. */
  private readonly lengthNorms: Float32Array[];
  readonly documentCount: number;

  constructor(readonly fields: readonly FieldSpec[], documents: ReadonlyArray<readonly string[]>) {
    this.documentCount = documents.length;
    const growing: Array<Array<GrowingPostings | undefined>> = fields.map(() => []);
    const lastDocument: number[] = [];
    const lastStamp: number[] = [];
    /** Raw lower-cased token → term id, or -1 for a stop word; most tokens repeat, so this is the hot path. */
    const tokenTerms = new Map<string, number>();
    this.fieldLengths = fields.map(() => new Float32Array(documents.length));
    const termId = (token: string): number => {
      let id = tokenTerms.get(token);
      if (id !== undefined) return id;
      const word = normalizeWord(token);
      const term = word === undefined ? null : termOf(word);
      if (word === undefined || term === null) id = -1;
      else {
        this.words.set(word, term);
        id = this.terms.get(term);
        if (id === undefined) {
          id = this.terms.size;
          this.terms.set(term, id);
          this.documentFrequency.push(0);
          lastDocument.push(-1);
          lastStamp.push(-1);
          // Keep the per-field lists dense (a hole would turn them into slow dictionaries).
          for (const list of growing) list.push(undefined);
        }
      }
      tokenTerms.set(token, id);
      return id;
    };
    for (let doc = 0; doc < documents.length; doc++) {
      for (let field = 0; field < fields.length; field++) {
        const stamp = doc * fields.length + field;
        const lists = growing[field];
        let length = 0;
        forEachWord(documents[doc][field] ?? '', (token, position) => {
          const id = termId(token);
          if (id < 0) return;
          length++;
          if (lastDocument[id] !== doc) {
            lastDocument[id] = doc;
            this.documentFrequency[id]++;
          }
          const postings = (lists[id] ??= { docs: [], frequencies: [], firstPositions: [] });
          if (lastStamp[id] !== stamp) {
            lastStamp[id] = stamp;
            postings.docs.push(doc);
            postings.frequencies.push(1);
            postings.firstPositions.push(position);
          } else postings.frequencies[postings.frequencies.length - 1]++;
        });
        this.fieldLengths[field][doc] = length;
      }
    }
    this.byField = growing.map((list) =>
      list.map((postings) =>
        postings && {
          docs: Int32Array.from(postings.docs),
          frequencies: Uint16Array.from(postings.frequencies, (count) => Math.min(count, 65535)),
          firstPositions: Int32Array.from(postings.firstPositions),
        },
      ),
    );
    this.lengthNorms = this.fieldLengths.map((lengths) => {
      const average = (lengths.length ? lengths.reduce((sum, n) => sum + n, 0) / lengths.length : 0) || 1;
      return lengths.map((length) => K1 * (1 - B + (B * length) / average));
    });
  }

  postings(term: string, field: number): FieldPostings | undefined {
    const id = this.terms.get(term);
    return id === undefined ? undefined : this.byField[field][id];
  }

  /** lunr's idf: rare terms weigh more. */
  inverseDocumentFrequency(term: string): number {
    const id = this.terms.get(term);
    const df = id === undefined ? 0 : this.documentFrequency[id];
    return Math.log(1 + Math.abs((this.documentCount - df + 0.5) / (df + 0.5)));
  }

  /**
   * Adds `weight` × BM25 of `term` in `field` to `scores` for every document holding it, sets `bit` in its
   * `coverage` mask, and lists documents seen for the first time in `touched`. Documents are numbered in library
   * order. The hot loop of every query, so it takes arrays rather than callbacks.
   */
  accumulate(term: string, field: number, weight: number, scores: Float64Array, coverage: Uint32Array, bit: number, touched: number[]): void {
    const postings = this.postings(term, field);
    if (!postings) return;
    const lengthNorm = this.lengthNorms[field];
    const factor = weight * this.fields[field].boost * this.inverseDocumentFrequency(term) * (K1 + 1);
    const { docs, frequencies } = postings;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i];
      const tf = frequencies[i];
      scores[doc] += (factor * tf) / (tf + lengthNorm[doc]);
      if (coverage[doc] === 0) touched.push(doc);
      coverage[doc] |= bit;
    }
  }

  /** Documents holding `term` in `field`. */
  documents(term: string, field: number): Int32Array | undefined {
    return this.postings(term, field)?.docs;
  }

  /** Where `term` first occurs in `field` of `doc`, if it does. */
  firstPosition(term: string, field: number, doc: number): number | undefined {
    const postings = this.postings(term, field);
    if (!postings) return undefined;
    let low = 0;
    let high = postings.docs.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const value = postings.docs[mid];
      if (value === doc) return postings.firstPositions[mid];
      if (value < doc) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }
}
