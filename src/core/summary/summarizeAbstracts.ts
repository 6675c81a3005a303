import type { SummaryScorerFile } from './scorer';
import { candidateSentences, chooseSummary, type SummaryChoice } from './summarizer';

/** AbortSignal, or anything shaped like it (the extension adapts VS Code's CancellationToken). */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** Embeds texts with cancellation and progress, e.g. src/model's EmbeddingService.embed. Injected: core stays model-free. */
export type EmbedTexts = (texts: string[], options?: { signal?: CancelSignal; onProgress?: (done: number, total: number) => void }) => Promise<Float32Array[]>;

export interface SummarizeOptions {
  scorer: SummaryScorerFile;
  embed?: EmbedTexts;
  modelId?: string;
  signal?: CancelSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface AbstractToSummarize {
  id: string;
  abstract: string;
}

export interface SummaryResult {
  id: string;
  /** Undefined when the abstract is empty. */
  choice: SummaryChoice | undefined;
}

export interface SummarizeOutcome {
  results: SummaryResult[];
  /** Set when the model could not be used and the lexical scorer chose instead (the reason, for the user). */
  fallbackReason?: string;
}

/**
 * Summarizes abstracts: splits them, embeds all candidate sentences in one batched request, and picks each TL;DR.
 * If the model fails (missing weights, dead worker) the lexical scorer still gives a summary and says why;
 * cancellation is not a failure and propagates.
 */
export async function summarizeAbstracts(items: AbstractToSummarize[], options: SummarizeOptions): Promise<SummarizeOutcome> {
  const sentences = items.map((item) => candidateSentences(item.abstract ?? ''));
  const all = sentences.flat();
  let embeddings: Float32Array[] | undefined;
  let fallbackReason: string | undefined;
  if (options.embed && all.length) {
    try {
      embeddings = await options.embed(all, { signal: options.signal, onProgress: options.onProgress });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      fallbackReason = error instanceof Error ? error.message : String(error);
    }
  }
  let offset = 0;
  const results = items.map((item, index) => {
    const own = embeddings?.slice(offset, offset + sentences[index].length);
    offset += sentences[index].length;
    return { id: item.id, choice: chooseSummary(sentences[index], options.scorer, own, options.modelId) };
  });
  return { results, fallbackReason };
}
