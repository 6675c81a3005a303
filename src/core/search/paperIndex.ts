import type lunrModule from 'lunr';
import { lunr } from './lunrModule';
import type { Paper } from '../paper';
import { isStopWord, normalizedWords, stem } from './analyzer';
import { Postings } from './postings';
import { parseQuery, QueryWord } from './queryParser';
import { makeSnippet } from './snippet';

export interface SearchHit {
  id: string;
  /** Higher is better; only meaningful relative to other hits of the same query. */
  score: number;
  /** A short abstract excerpt around the first matched word. */
  snippet: string;
}

export interface SearchOptions {
  /** At most this many hits (default 20). */
  limit?: number;
}

/** Index fields and their weights: a word in the title says more about a paper than one in its abstract. */
const FIELDS: ReadonlyArray<{ name: string; boost: number; value: (paper: Paper) => string }> = [
  { name: 'title', boost: 6, value: (paper) => paper.title },
  { name: 'authors', boost: 4, value: (paper) => paper.authors.join(' ; ') },
  { name: 'ids', boost: 4, value: (paper) => [paper.citekey, paper.arxivId ?? ''].join(' ') },
  { name: 'year', boost: 1, value: (paper) => (paper.year ? String(paper.year) : '') },
  { name: 'venue', boost: 1, value: (paper) => paper.venue ?? '' },
  { name: 'abstract', boost: 1, value: (paper) => paper.abstract },
];
const FIELD_NUMBER = new Map(FIELDS.map((field, index) => [field.name, index]));
const ALL_FIELDS = FIELDS.map((_, index) => index);
const ABSTRACT = FIELD_NUMBER.get('abstract') as number;
const TITLE = FIELD_NUMBER.get('title') as number;

/** Relative weight of a word matched exactly, as a completion of a partial word, or with one typo. */
const EXACT_BOOST = 1;
const PREFIX_BOOST = 0.6;
const FUZZY_BOOST = 0.3;
const MAX_PREFIX_EXPANSIONS = 40;
const MAX_FUZZY_EXPANSIONS = 20;
const FUZZY_MIN_LENGTH = 5;
const PREFIX_MIN_LENGTH = 2;
/** Coverage is tracked in a 32-bit mask; a pasted paragraph is cut to its first 32 words. */
const MAX_QUERY_WORDS = 32;

/** lunr's TokenSet statics that @types/lunr leaves out. */
type TokenSetStatics = {
  fromArray(sortedWords: readonly string[]): lunrModule.TokenSet;
  fromFuzzyString(word: string, editDistance: number): lunrModule.TokenSet;
};
const tokenSets = () => lunr().TokenSet as unknown as TokenSetStatics;

/** A query word with the index terms (stems) it may match and how much each counts. */
interface ExpandedWord extends QueryWord {
  terms: Map<string, number>;
  fieldNumbers: readonly number[];
}

/**
 * Full-text search over a fixed list of papers; build one per library snapshot. Text goes through lunr's
 * pipeline (accent folding first, then trimming, lunr's stop words and Porter stemmer); lunr's TokenSet
 * automaton finds words one typo away. Scoring is BM25F over compact postings (see Postings) because lunr's own
 * Index took 110 s to build and up to 1.2 s per query on 10,000 papers. Searching never throws.
 */
export class PaperIndex {
  private readonly postings: Postings;
  private readonly sortedWords: string[];
  private wordSet: lunrModule.TokenSet | undefined;
  private readonly papers: readonly Paper[];
  private readonly titleWords: string[][];

  private constructor(papers: readonly Paper[]) {
    const seen = new Set<string>();
    this.papers = papers.filter((paper) => !seen.has(paper.id) && Boolean(seen.add(paper.id)));
    this.postings = new Postings(FIELDS, this.papers.map((paper) => FIELDS.map((field) => field.value(paper))));
    this.sortedWords = [...this.postings.words.keys()].sort();
    this.titleWords = this.papers.map((paper) => normalizedWords(paper.title));
  }

  static build(papers: readonly Paper[]): PaperIndex {
    return new PaperIndex(papers);
  }

  get size(): number {
    return this.papers.length;
  }

  /** Papers matching free user text, best first. Malformed queries give results or an empty list, never an error. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = Math.max(0, Math.floor(Number(options.limit ?? 20) || 0));
    if (!limit || typeof query !== 'string' || !this.papers.length) return [];
    const parsed = parseQuery(query).slice(0, MAX_QUERY_WORDS);
    const words = parsed.filter((word) => word.prefix || !isStopWord(word.word)).map((word) => this.expand(word));
    const positive = words.filter((word) => word.presence !== 'prohibited');
    if (!positive.some((word) => word.terms.size)) return [];
    if (positive.some((word) => word.presence === 'required' && !word.terms.size)) return [];

    const count = this.papers.length;
    const scores = new Float64Array(count);
    const coverage = new Uint32Array(count);
    const touched: number[] = [];
    let requiredMask = 0;
    let optionalMask = 0;
    positive.forEach((word, index) => {
      const bit = 1 << index;
      if (word.presence === 'required') requiredMask |= bit;
      else optionalMask |= bit;
      for (const [term, boost] of word.terms) {
        for (const field of word.fieldNumbers) this.postings.accumulate(term, field, boost, scores, coverage, bit, touched);
      }
    });
    const excluded = this.excluded(words);

    const phrase = parsed.filter((word) => word.presence !== 'prohibited' && !word.fields);
    const phraseMask = positive.reduce((mask, word, index) => (!word.fields ? mask | (1 << index) : mask), 0);
    // Which free words each title holds: only titles holding all of them can equal or contain the query.
    const inTitle = new Uint32Array(phrase.length ? count : 0);
    if (phrase.length) {
      positive.forEach((word, index) => {
        if (word.fields) return;
        for (const term of word.terms.keys()) for (const doc of this.postings.documents(term, TITLE) ?? []) inTitle[doc] |= 1 << index;
      });
    }
    const candidates = new Int32Array(touched.length);
    const final = new Float64Array(touched.length);
    const tiers = new Uint8Array(touched.length);
    let found = 0;
    let top = 0;
    for (const doc of touched) {
      const mask = coverage[doc];
      if ((mask & requiredMask) !== requiredMask || (optionalMask && !(mask & optionalMask)) || excluded?.has(doc)) continue;
      const ratio = popcount(mask) / positive.length;
      const score = scores[doc] * ratio * ratio;
      candidates[found] = doc;
      final[found] = score;
      tiers[found] = phrase.length && (inTitle[doc] & phraseMask) === phraseMask ? titleTier(this.titleWords[doc], phrase) : 0;
      if (score > top) top = score;
      found++;
    }
    for (let i = 0; i < found; i++) final[i] += tiers[i] * top;
    return topN(candidates.subarray(0, found), final, limit).map((i) => ({
      id: this.papers[candidates[i]].id,
      score: final[i],
      snippet: this.snippet(candidates[i], positive),
    }));
  }

  private excluded(words: readonly ExpandedWord[]): Set<number> | undefined {
    const prohibited = words.filter((word) => word.presence === 'prohibited');
    if (!prohibited.length) return undefined;
    const excluded = new Set<number>();
    for (const word of prohibited) {
      for (const term of word.terms.keys()) {
        for (const field of word.fieldNumbers) for (const doc of this.postings.documents(term, field) ?? []) excluded.add(doc);
      }
    }
    return excluded;
  }

  private snippet(doc: number, positive: readonly ExpandedWord[]): string {
    let first: number | undefined;
    for (const word of positive) {
      if (!word.fieldNumbers.includes(ABSTRACT)) continue;
      for (const term of word.terms.keys()) {
        const position = this.postings.firstPosition(term, ABSTRACT, doc);
        if (position !== undefined && (first === undefined || position < first)) first = position;
      }
    }
    return makeSnippet(this.papers[doc].abstract, first);
  }

  /** The terms a query word may match: its own stem, completions of a partial word, and words one typo away. */
  private expand(word: QueryWord): ExpandedWord {
    const terms = new Map<string, number>();
    const add = (term: string, boost: number) => {
      if ((terms.get(term) ?? 0) < boost) terms.set(term, boost);
    };
    if (!isStopWord(word.word)) add(stem(word.word), EXACT_BOOST);
    if (word.presence !== 'prohibited') {
      if (word.prefix && word.word.length >= PREFIX_MIN_LENGTH) {
        for (const completion of this.completions(word.word)) add(this.postings.words.get(completion) ?? stem(completion), PREFIX_BOOST);
      }
      if (word.word.length >= FUZZY_MIN_LENGTH && !/\d/.test(word.word)) {
        for (const near of this.nearWords(word.word)) add(this.postings.words.get(near) ?? stem(near), FUZZY_BOOST);
      }
    }
    const fieldNumbers = word.fields ? word.fields.map((name) => FIELD_NUMBER.get(name)).filter((n): n is number => n !== undefined) : ALL_FIELDS;
    return { ...word, terms, fieldNumbers };
  }

  /** Indexed words starting with `prefix`, shortest first (closest to what was typed). */
  private completions(prefix: string): string[] {
    let low = 0;
    let high = this.sortedWords.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sortedWords[mid] < prefix) low = mid + 1;
      else high = mid;
    }
    const found: string[] = [];
    for (let i = low; i < this.sortedWords.length && this.sortedWords[i].startsWith(prefix) && found.length < 5000; i++) {
      found.push(this.sortedWords[i]);
    }
    return found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, MAX_PREFIX_EXPANSIONS);
  }

  /** Indexed words one edit (insert, delete, substitute, transpose) away, via lunr's TokenSet automaton. */
  private nearWords(word: string): string[] {
    this.wordSet ??= tokenSets().fromArray(this.sortedWords);
    return this.wordSet.intersect(tokenSets().fromFuzzyString(word, 1)).toArray().slice(0, MAX_FUZZY_EXPANSIONS);
  }
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
}

/** Indices (into `docs`) of the `limit` best scores, best first; ties keep library order. */
function topN(docs: Int32Array, scores: Float64Array, limit: number): number[] {
  const better = (a: number, b: number) => scores[b] - scores[a] || docs[a] - docs[b];
  if (docs.length <= limit || limit > 200) return Array.from(docs.keys()).sort(better).slice(0, limit);
  const best: number[] = [];
  for (let candidate = 0; candidate < docs.length; candidate++) {
    if (best.length === limit && better(candidate, best[limit - 1]) >= 0) continue;
    let i = best.length === limit ? limit - 1 : best.length;
    while (i > 0 && better(candidate, best[i - 1]) < 0) {
      best[i] = best[i - 1];
      i--;
    }
    best[i] = candidate;
  }
  return best;
}

/** 2 when the query is the paper's title, 1 when the title contains the query as a phrase (2+ words), else 0. */
function titleTier(titleWords: readonly string[], phrase: readonly QueryWord[]): number {
  const n = phrase.length;
  if (n === titleWords.length) return phraseAt(titleWords, phrase, 0) ? 2 : 0;
  if (n < 2) return 0;
  for (let offset = 0; offset + n <= titleWords.length; offset++) if (phraseAt(titleWords, phrase, offset)) return 1;
  return 0;
}

function phraseAt(titleWords: readonly string[], phrase: readonly QueryWord[], offset: number): boolean {
  for (let i = 0; i < phrase.length; i++) {
    const titleWord = titleWords[offset + i];
    const word = phrase[i];
    if (titleWord !== word.word && !(i === phrase.length - 1 && word.prefix && titleWord.startsWith(word.word))) return false;
  }
  return true;
}
