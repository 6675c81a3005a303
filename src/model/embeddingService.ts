import { EmbeddingCache } from './embeddingCache';
import type { EmbedOptions } from './embeddingClient';

/** Anything that embeds with cancellation/progress: the worker client, or (in tests/scripts) an in-process model. */
export interface EmbeddingBackend {
  readonly id: string;
  readonly dimension: number;
  embed(texts: string[], options?: EmbedOptions): Promise<Float32Array[]>;
}

/**
 * What features use: embeds texts, answering from the on-disk cache first and sending only the misses (deduplicated)
 * to the model. Vectors are L2-normalized Float32Array(dimension); an empty text gets a zero vector.
 */
export class EmbeddingService {
  constructor(
    private readonly backend: EmbeddingBackend,
    readonly cache: EmbeddingCache = EmbeddingCache.inMemory(),
  ) {}

  get modelId(): string {
    return this.backend.id;
  }

  get dimension(): number {
    return this.backend.dimension;
  }

  async embed(texts: string[], options: EmbedOptions = {}): Promise<Float32Array[]> {
    const result: (Float32Array | undefined)[] = texts.map((text) => this.cache.get(this.backend.id, text, this.backend.dimension));
    const missing = [...new Set(texts.filter((_, index) => !result[index]))];
    if (missing.length) {
      const hits = texts.length - result.filter((vector) => !vector).length;
      const vectors = await this.backend.embed(missing, {
        signal: options.signal,
        onProgress: options.onProgress && ((done) => options.onProgress!(hits + done, texts.length)),
      });
      const byText = new Map(missing.map((text, index) => [text, vectors[index]]));
      for (const [text, vector] of byText) this.cache.set(this.backend.id, text, vector);
      texts.forEach((text, index) => (result[index] ??= byText.get(text)));
      await this.cache.save().catch(() => undefined); // a cache that cannot be written only costs time later
    }
    options.onProgress?.(texts.length, texts.length);
    return result as Float32Array[];
  }
}
