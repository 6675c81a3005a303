import * as vscode from 'vscode';
import type { Paper } from '../../core/paper';
import { abortSignalFromToken, getEmbeddingService } from '../../model/extensionEmbeddings';
import { PaperEmbeddings, paperEmbeddingText } from './paperEmbeddings';

/** PaperEmbeddings over the extension's shared model worker and on-disk cache (src/model). */
export function modelPaperEmbeddings(context: vscode.ExtensionContext): PaperEmbeddings {
  return {
    async embedPapers(papers, options = {}) {
      const service = await getEmbeddingService(context);
      const signal = options.token ? abortSignalFromToken(options.token) : undefined;
      try {
        const vectors = await service.embed(papers.map(paperEmbeddingText), { signal, onProgress: options.onProgress });
        return new Map(papers.map((paper, i) => [paper.id, vectors[i]]));
      } finally {
        signal?.dispose();
      }
    },
    async cachedPaperEmbeddings(papers: readonly Paper[]) {
      const service = await getEmbeddingService(context);
      const found = new Map<string, Float32Array>();
      for (const paper of papers) {
        const vector = service.cache.get(service.modelId, paperEmbeddingText(paper), service.dimension);
        if (vector) found.set(paper.id, vector);
      }
      return found;
    },
    async embedQuery(text, token) {
      const service = await getEmbeddingService(context);
      const signal = token ? abortSignalFromToken(token) : undefined;
      try {
        return (await service.embed([text], { signal }))[0];
      } finally {
        signal?.dispose();
      }
    },
  };
}
