import type { Library } from '../../core/library';
import type { SemanticSource } from '../../library/librarySearch';
import { getEmbeddingService } from '../../model/extensionEmbeddings';
import type * as vscode from 'vscode';
import { paperEmbeddingText } from './paperEmbeddings';

/**
 * Semantic search's vectors from the local model. Paper vectors come from the cache only, so typing never waits for
 * the model to read a whole library: the first time, the papers are embedded in the background (one run per library
 * snapshot) and search shows word matches until some vectors are there. Queries are embedded on demand.
 */
export function modelSemanticSource(context: vscode.ExtensionContext): SemanticSource {
  let background: { library: Library; run: Promise<void> } | undefined;
  return {
    async paperVectors(library) {
      const service = await getEmbeddingService(context);
      const vectors = new Map<string, Float32Array>();
      for (const paper of library.papers) {
        const vector = service.cache.get(service.modelId, paperEmbeddingText(paper), service.dimension);
        if (vector) vectors.set(paper.id, vector);
      }
      if (vectors.size < library.size && background?.library !== library) {
        const run = service.embed(library.papers.map(paperEmbeddingText)).then(
          () => undefined,
          () => undefined, // a failed background run is retried on the next library change; search stays lexical
        );
        background = { library, run };
      }
      if (vectors.size === 0 && library.size > 0) throw new Error('the local model is still reading your library');
      return vectors;
    },
    async embedQuery(query, signal) {
      const service = await getEmbeddingService(context);
      return (await service.embed([query], { signal }))[0];
    },
  };
}
