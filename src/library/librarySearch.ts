import type { Library } from '../core/library';
import { hybridRanking, lexicalCoverage, semanticRanking, type SearchMode } from '../core/search/hybrid';
import { PaperIndex, type SearchHit } from '../core/search/paperIndex';
import { makeSnippet } from '../core/search/snippet';

/**
 * Where semantic search gets its vectors (the local model, issue 3). Both calls may be slow or fail; search then
 * falls back to lexical and says why.
 */
export interface SemanticSource {
  /** One vector per paper of this library snapshot (papers without one are left out). */
  paperVectors(library: Library, signal?: AbortSignal): Promise<ReadonlyMap<string, Float32Array>>;
  embedQuery(query: string, signal?: AbortSignal): Promise<Float32Array>;
}

export interface RankOptions {
  limit?: number;
  mode?: SearchMode;
  signal?: AbortSignal;
}

export interface RankedSearch {
  hits: SearchHit[];
  /** The mode that produced `hits` (lexical when semantic search was asked for but unavailable). */
  mode: SearchMode;
  /** Why semantic search was not used, if it was asked for. */
  notice?: string;
}

/** How many lexical hits feed the fusion, so semantic evidence can lift a paper from below the visible list. */
const FUSION_DEPTH = 50;

/**
 * Keeps one search index per library snapshot: a Library is immutable, so a new snapshot means a new index,
 * built lazily on the first search after the change.
 */
export class LibrarySearch {
  private indexed: { library: Library; index: PaperIndex } | undefined;
  private semantic: SemanticSource | undefined;

  constructor(private readonly currentLibrary: () => Library) {}

  get library(): Library {
    return this.currentLibrary();
  }

  /** The index of the current library snapshot, (re)built if the library changed since the last search. */
  index(): PaperIndex {
    const library = this.currentLibrary();
    if (this.indexed?.library !== library) this.indexed = { library, index: PaperIndex.build(library.papers) };
    return this.indexed.index;
  }

  /** Lexical (lunr-pipeline) search, synchronous; never throws on any query text. */
  search(query: string, limit = 20): SearchHit[] {
    return this.index().search(query, { limit });
  }

  /** Lets the model feature plug semantic search in (or take it out with undefined). */
  setSemanticSource(source: SemanticSource | undefined): void {
    this.semantic = source;
  }

  get semanticAvailable(): boolean {
    return this.semantic !== undefined;
  }

  /** Search in the given mode: lexical, semantic, or hybrid (lexical and semantic fused by weighted RRF). */
  async rank(query: string, options: RankOptions = {}): Promise<RankedSearch> {
    const limit = options.limit ?? 20;
    const mode = options.mode ?? 'lexical';
    if (mode === 'lexical' || !query.trim()) return { hits: this.search(query, limit), mode: 'lexical' };
    if (!this.semantic) return { hits: this.search(query, limit), mode: 'lexical', notice: 'Semantic search is not available; showing word matches.' };
    const library = this.currentLibrary();
    const lexical = this.search(query, Math.max(limit, FUSION_DEPTH));
    try {
      const [vectors, queryVector] = await Promise.all([this.semantic.paperVectors(library, options.signal), this.semantic.embedQuery(query, options.signal)]);
      // Raw cosine: centering on the library's mean vector measured worse for queries (scripts/eval/search.ts:
      // semantic nDCG@10 0.44 centered vs 0.49 raw), though it helps paper-to-paper similarity (topics, related).
      const semantic = semanticRanking(queryVector, vectors);
      const lexicalById = new Map(lexical.map((hit) => [hit.id, hit]));
      const toHit = ({ id, score }: { id: string; score: number }): SearchHit => ({
        id,
        score,
        snippet: lexicalById.get(id)?.snippet ?? makeSnippet(library.get(id)?.abstract ?? ''),
      });
      if (mode === 'semantic') return { hits: semantic.slice(0, limit).map(toHit), mode };
      const texts = lexical.slice(0, 3).flatMap((hit) => {
        const paper = library.get(hit.id);
        return paper ? [`${paper.title} ${paper.authors.join(' ')} ${paper.abstract}`] : [];
      });
      const fused = hybridRanking(lexical.map((hit) => hit.id), semantic, { limit, coverage: lexicalCoverage(query, texts) });
      return { hits: fused.map(toHit), mode };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      return { hits: lexical.slice(0, limit), mode: 'lexical', notice: `Semantic search failed (${(error as Error).message}); showing word matches.` };
    }
  }
}
