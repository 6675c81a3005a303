import type * as vscode from 'vscode';
import type { Paper } from '../../core/paper';

/**
 * What the topic, related-papers and search features need from the local model. The model feature supplies it;
 * everything here works without it (lexical only), so a missing or broken model never blocks a user.
 */
export interface PaperEmbeddings {
  /** Embedding per paper id, from the cache where possible; `onProgress` counts papers done. */
  embedPapers(papers: readonly Paper[], options?: { token?: vscode.CancellationToken; onProgress?: (done: number, total: number) => void }): Promise<Map<string, Float32Array>>;
  /** Embeddings already cached for these papers (no model run); papers without one are left out. */
  cachedPaperEmbeddings(papers: readonly Paper[]): Promise<Map<string, Float32Array>>;
  embedQuery(text: string, token?: vscode.CancellationToken): Promise<Float32Array>;
}

export { paperEmbeddingText } from '../../core/topics/embeddingText';
