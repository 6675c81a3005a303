import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../core/libraryStore';

const CACHE_FORMAT = 'paper-shelf-embedding-cache';
const CACHE_VERSION = 1;
export const DEFAULT_CACHE_ENTRIES = 20_000;

interface CacheFile {
  format: typeof CACHE_FORMAT;
  version: number;
  /** [key, lastUsed, base64 little-endian float32 vector] */
  entries: [string, number, string][];
}

interface Entry {
  vector: Float32Array;
  lastUsed: number;
}

/**
 * Embeddings on disk, keyed by model id + a hash of the exact text: a changed abstract gets a new key and is
 * re-embedded. Bounded (least recently used entries go first); a corrupt or foreign file is discarded, not fatal;
 * saves are atomic.
 */
export class EmbeddingCache {
  private readonly entries = new Map<string, Entry>();
  private clock = 0;
  private dirty = false;
  /** Why the file on disk was ignored when opening, if it was (shown in logs). */
  discardedReason: string | undefined;

  private constructor(
    readonly file: string | undefined,
    readonly maxEntries: number,
  ) {}

  /** A cache kept only in memory. */
  static inMemory(maxEntries = DEFAULT_CACHE_ENTRIES): EmbeddingCache {
    return new EmbeddingCache(undefined, maxEntries);
  }

  static async open(file: string, maxEntries = DEFAULT_CACHE_ENTRIES): Promise<EmbeddingCache> {
    const cache = new EmbeddingCache(file, maxEntries);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') cache.discardedReason = `unreadable: ${(error as Error).message}`;
      return cache;
    }
    try {
      const parsed = JSON.parse(text) as CacheFile;
      if (parsed?.format !== CACHE_FORMAT || parsed.version !== CACHE_VERSION || !Array.isArray(parsed.entries)) throw new Error('not an embedding cache');
      for (const [key, lastUsed, data] of parsed.entries) {
        if (typeof key !== 'string' || typeof lastUsed !== 'number' || typeof data !== 'string') throw new Error('bad entry');
        const bytes = Buffer.from(data, 'base64');
        if (bytes.byteLength === 0 || bytes.byteLength % 4) throw new Error('bad vector');
        const vector = new Float32Array(bytes.byteLength / 4);
        new Uint8Array(vector.buffer).set(bytes);
        cache.entries.set(key, { vector, lastUsed });
        cache.clock = Math.max(cache.clock, lastUsed);
      }
      cache.evict();
    } catch (error) {
      cache.entries.clear();
      cache.clock = 0;
      cache.discardedReason = `corrupt: ${(error as Error).message}`;
      cache.dirty = true; // the next save replaces the corrupt file
    }
    return cache;
  }

  static key(modelId: string, text: string): string {
    return createHash('sha256').update(modelId).update('\0').update(text).digest('base64url');
  }

  get size(): number {
    return this.entries.size;
  }

  get(modelId: string, text: string, dimension?: number): Float32Array | undefined {
    const entry = this.entries.get(EmbeddingCache.key(modelId, text));
    if (!entry || (dimension !== undefined && entry.vector.length !== dimension)) return undefined;
    entry.lastUsed = ++this.clock;
    this.dirty = true;
    return entry.vector;
  }

  set(modelId: string, text: string, vector: Float32Array): void {
    this.entries.set(EmbeddingCache.key(modelId, text), { vector: Float32Array.from(vector), lastUsed: ++this.clock });
    this.dirty = true;
    this.evict();
  }

  /** Writes the cache atomically if it changed. A failed save leaves the previous file intact. */
  async save(): Promise<void> {
    if (!this.file || !this.dirty) return;
    this.dirty = false;
    const entries: CacheFile['entries'] = [];
    for (const [key, entry] of this.entries) {
      const bytes = Buffer.from(entry.vector.buffer, entry.vector.byteOffset, entry.vector.byteLength);
      entries.push([key, entry.lastUsed, bytes.toString('base64')]);
    }
    const body: CacheFile = { format: CACHE_FORMAT, version: CACHE_VERSION, entries };
    try {
      await writeFileAtomic(this.file, JSON.stringify(body), { backup: false });
    } catch (error) {
      this.dirty = true;
      throw error;
    }
  }

  private evict(): void {
    if (this.entries.size <= this.maxEntries) return;
    const oldestFirst = [...this.entries].sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [key] of oldestFirst.slice(0, this.entries.size - this.maxEntries)) this.entries.delete(key);
  }
}
