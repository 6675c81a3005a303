import lunr from 'lunr';
import type { Paper } from '../paper';
import { makeSnippet } from './snippet';
import { collectingVocabulary, configurePipelines, isStopWord, normalizeWord, stem, tokenize, WORD_SEPARATOR } from './pipeline';
import { parseQuery, QueryWord } from './queryParser';

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
const ALL_FIELDS = FIELDS.map((field) => field.name);

/** Relative weight of a word matched exactly, as a completion of a partial word, or with one typo. */
const EXACT_BOOST = 1;
const PREFIX_BOOST = 0.6;
const FUZZY_BOOST = 0.3;
const MAX_PREFIX_EXPANSIONS = 40;
const MAX_FUZZY_EXPANSIONS = 20;
const FUZZY_MIN_LENGTH = 5;
const PREFIX_MIN_LENGTH = 2;

/** lunr's TokenSet statics that @types/lunr leaves out. */
const TokenSets = lunr.TokenSet as unknown as {
  fromArray(sortedWords: readonly string[]): lunr.TokenSet;
  fromFuzzyString(word: string, editDistance: number): lunr.TokenSet;
};

/** A query word with the index terms (stems) it may match, and how much each counts. */
interface ExpandedWord extends QueryWord {
  terms: Map<string, number>;
}

/** A lunr full-text index over a fixed list of papers. Build once per library snapshot; searching never throws. */
export class PaperIndex {
  private constructor(
    private readonly index: lunr.Index,
    private readonly words: lunr.TokenSet,
    private readonly sortedWords: readonly string[],
    private readonly papers: ReadonlyMap<string, Paper>,
  ) {}

  static build(papers: readonly Paper[]): PaperIndex {
    const byId = new Map<string, Paper>();
    const { result: index, vocabulary } = collectingVocabulary(() => {
      const builder = new lunr.Builder();
      configurePipelines(builder);
      builder.tokenizer = tokenize as typeof lunr.tokenizer;
      builder.metadataWhitelist = ['position'];
      builder.ref('id');
      for (const field of FIELDS) builder.field(field.name, { boost: field.boost, extractor: (doc: object) => field.value(doc as Paper) });
      for (const paper of papers) {
        if (byId.has(paper.id)) continue;
        byId.set(paper.id, paper);
        builder.add(paper);
      }
      return builder.build();
    });
    const sortedWords = [...vocabulary].sort();
    return new PaperIndex(index, TokenSets.fromArray(sortedWords), sortedWords, byId);
  }

  get size(): number {
    return this.papers.size;
  }

  /** Papers matching free user text, best first. Malformed queries give results or an empty list, never an error. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = Math.max(0, Math.floor(options.limit ?? 20));
    if (!limit || typeof query !== 'string') return [];
    const parsed = parseQuery(query);
    const words = parsed
      .filter((word) => word.prefix || !isStopWord(word.word))
      .map((word) => this.expand(word));
    const positive = words.filter((word) => word.presence !== 'prohibited');
    if (!positive.length || positive.every((word) => !word.terms.size)) return [];
    if (positive.some((word) => word.presence === 'required' && !word.terms.size)) return [];

    const results = this.index.query((q) => {
      for (const word of words) {
        for (const [term, boost] of word.terms) {
          if (word.presence === 'prohibited' && boost !== EXACT_BOOST) continue;
          q.term(term, {
            fields: (word.fields ?? ALL_FIELDS) as string[],
            boost,
            usePipeline: false,
            presence: word.presence === 'prohibited' ? lunr.Query.presence.PROHIBITED : lunr.Query.presence.OPTIONAL,
          });
        }
      }
    });
    const phrase = parsed.filter((word) => word.presence !== 'prohibited' && !word.fields);
    return this.rank(results, positive, phrase, limit);
  }

  private rank(results: lunr.Index.Result[], positive: ExpandedWord[], phrase: QueryWord[], limit: number): SearchHit[] {
    const scored: Array<{ result: lunr.Index.Result; score: number; tier: number }> = [];
    const hasOptional = positive.some((word) => word.presence === 'optional');
    for (const result of results) {
      const matched = result.matchData.metadata as Record<string, Record<string, unknown>>;
      let covered = 0;
      let coveredOptional = 0;
      let missingRequired = false;
      for (const word of positive) {
        if (isCovered(word, matched)) {
          covered++;
          if (word.presence === 'optional') coveredOptional++;
        } else if (word.presence === 'required') missingRequired = true;
      }
      // Filters (year:2024, +word) narrow the list; the free words must still say what it is about.
      if (missingRequired || !covered || (hasOptional && !coveredOptional)) continue;
      const coverage = covered / positive.length;
      const paper = this.papers.get(result.ref);
      scored.push({ result, score: result.score * coverage * coverage, tier: paper && phrase.length ? titleTier(paper.title, phrase) : 0 });
    }
    const top = scored.reduce((max, entry) => Math.max(max, entry.score), 0);
    for (const entry of scored) entry.score += entry.tier * top;
    scored.sort((a, b) => b.score - a.score || a.result.ref.localeCompare(b.result.ref));
    return scored.slice(0, limit).map(({ result, score }) => ({
      id: result.ref,
      score,
      snippet: this.snippet(result, positive),
    }));
  }

  private snippet(result: lunr.Index.Result, positive: ExpandedWord[]): string {
    const paper = this.papers.get(result.ref);
    if (!paper) return '';
    const metadata = result.matchData.metadata as Record<string, Record<string, { position?: number[][] }>>;
    let first: number | undefined;
    for (const word of positive) {
      for (const term of word.terms.keys()) {
        for (const [start] of metadata[term]?.abstract?.position ?? []) {
          if (first === undefined || start < first) first = start;
        }
      }
    }
    return makeSnippet(paper.abstract, first);
  }

  /** The stems a query word may match: its own, completions of a partial word, and words one typo away. */
  private expand(word: QueryWord): ExpandedWord {
    const terms = new Map<string, number>();
    const add = (term: string, boost: number) => {
      if ((terms.get(term) ?? 0) < boost) terms.set(term, boost);
    };
    if (!isStopWord(word.word)) add(stem(word.word), EXACT_BOOST);
    if (word.presence !== 'prohibited') {
      if (word.prefix && word.word.length >= PREFIX_MIN_LENGTH) {
        for (const completion of this.completions(word.word)) add(stem(completion), PREFIX_BOOST);
      }
      if (word.word.length >= FUZZY_MIN_LENGTH && !/\d/.test(word.word)) {
        for (const near of this.nearWords(word.word)) add(stem(near), FUZZY_BOOST);
      }
    }
    return { ...word, terms };
  }

  /** Surface words starting with `prefix`, shortest first (closest to what was typed). */
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

  /** Surface words one edit (insert, delete, substitute, transpose) away. */
  private nearWords(word: string): string[] {
    return this.words.intersect(TokenSets.fromFuzzyString(word, 1)).toArray().slice(0, MAX_FUZZY_EXPANSIONS);
  }
}

function isCovered(word: ExpandedWord, matched: Record<string, Record<string, unknown>>): boolean {
  for (const term of word.terms.keys()) {
    const fields = matched[term];
    if (!fields) continue;
    if (!word.fields) return true;
    if (word.fields.some((field) => field in fields)) return true;
  }
  return false;
}

/** 2 when the query is the paper's title, 1 when the title contains the query as a phrase (2+ words), else 0. */
function titleTier(title: string, phrase: readonly QueryWord[]): number {
  const titleWords = title.split(WORD_SEPARATOR).map(normalizeWord).filter((word): word is string => Boolean(word));
  const query = phrase.map((word) => word.word);
  const matchesAt = (offset: number) =>
    query.every((word, i) => {
      const titleWord = titleWords[offset + i];
      if (titleWord === undefined) return false;
      return titleWord === word || (i === query.length - 1 && phrase[i].prefix && titleWord.startsWith(word));
    });
  if (query.length === titleWords.length && matchesAt(0)) return 2;
  if (query.length < 2) return 0;
  for (let offset = 0; offset + query.length <= titleWords.length; offset++) if (matchesAt(offset)) return 1;
  return 0;
}
