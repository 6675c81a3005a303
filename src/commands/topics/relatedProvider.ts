import type { Library } from '../../core/library';
import { shortByline } from '../../core/paper';
import { RelatedIndex } from '../../core/related';
import type { PaperEmbeddings } from './paperEmbeddings';

/** The reader's "Related papers" list item. */
export interface RelatedPaperItem {
  id: string;
  title: string;
  byline: string;
  score: number;
}

/**
 * Builds the reader's related-papers provider: the 5 nearest papers by TF-IDF and (for papers the model has
 * already embedded) embedding cosine. The index is rebuilt only when the library or the set of cached embeddings
 * changes; opening a paper never waits for the model.
 */
export function createRelatedProvider(currentLibrary: () => Library, embeddings: () => PaperEmbeddings | undefined, limit = 5): (paperId: string) => Promise<RelatedPaperItem[]> {
  let cached: { library: Library; vectors: number; index: RelatedIndex } | undefined;
  return async (paperId) => {
    const library = currentLibrary();
    let vectors = new Map<string, Float32Array>();
    try {
      vectors = (await embeddings()?.cachedPaperEmbeddings(library.papers)) ?? vectors;
    } catch {
      // No cache or no model: words alone still find related papers.
    }
    if (!cached || cached.library !== library || cached.vectors !== vectors.size) cached = { library, vectors: vectors.size, index: new RelatedIndex(library.papers, vectors) };
    return cached.index.related(paperId, limit).flatMap((hit) => {
      const paper = library.get(hit.id);
      return paper ? [{ id: paper.id, title: paper.title, byline: shortByline(paper), score: Math.max(0, Math.min(1, hit.score)) }] : [];
    });
  };
}
