import type { UseLiteFiles } from '../useLite/modelFiles';

/** Messages between the embedding client (extension host / CLI) and its worker thread. */
export type ToWorker =
  | { type: 'embed'; jobId: number; texts: string[] }
  | { type: 'cancel'; jobId: number }
  /** Makes the worker exit abruptly: lets tests check that a dying worker is restarted. */
  | { type: 'exitForTest'; code: number };

export type FromWorker =
  | { type: 'progress'; jobId: number; done: number; total: number }
  | { type: 'result'; jobId: number; vectors: Float32Array[]; loadMs?: number }
  | { type: 'error'; jobId: number; kind: 'unavailable' | 'failed' | 'cancelled'; message: string };

export interface WorkerSettings {
  /** Overrides where the weights and .wasm binaries are read from (tests of missing weights). */
  files?: UseLiteFiles;
}
