import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  EmbeddingCancelledError,
  ModelUnavailableError,
  ModelWorkerCrashedError,
  type AbortSignalLike,
} from './embeddingModel';
import { USE_LITE_DIMENSION, USE_LITE_MODEL_ID } from './useLite/constants';
import type { FromWorker, ToWorker, WorkerSettings } from './worker/protocol';

export interface EmbedOptions {
  signal?: AbortSignalLike;
  /** Called as batches finish: `done` of `total` texts embedded. */
  onProgress?: (done: number, total: number) => void;
}

export interface EmbeddingClientOptions extends WorkerSettings {
  /** The worker script; defaults to dist/modelWorker.js next to the bundle, or the TypeScript source under tsx. */
  workerFile?: string;
  /**
   * Most worker threads to run (default 2 when the machine has 2+ cores). TF.js's WASM backend is single-threaded
   * in Node, so a second worker is what uses a second core; it is only started for requests big enough to split.
   */
  maxWorkers?: number;
  /** Told when a worker died and was restarted (once), or died for good. */
  onWorkerCrash?: (message: string, restarted: boolean) => void;
}

/** Requests with at least this many texts are split across workers (below it, one worker is as fast). */
const SPLIT_THRESHOLD = 24;
/** Idle workers are stopped to give their memory (~200 MB each) back: the extra ones soon, the first one later. */
const IDLE_STOP_MS = { first: 10 * 60_000, extra: 30_000 };

interface Request {
  texts: string[];
  vectors: Float32Array[];
  partsLeft: number;
  progress: Map<number, number>;
  resolve(vectors: Float32Array[]): void;
  reject(error: Error): void;
  onProgress?: (done: number, total: number) => void;
  detach(): void;
  jobIds: number[];
}

interface Part {
  jobId: number;
  request: Request;
  /** Positions of this part's texts in the request. */
  positions: number[];
  slot: number;
}

/**
 * Runs the embedding model in worker threads so inference never blocks the caller's thread. No `vscode` here:
 * the CLI uses it too; the extension adapts CancellationToken to an AbortSignal-like object.
 */
export class EmbeddingClient {
  readonly id = USE_LITE_MODEL_ID;
  readonly dimension = USE_LITE_DIMENSION;
  /** Model load time measured by a worker on first use (ms), for benchmarks. */
  lastLoadMs: number | undefined;

  private readonly workers: (Worker | undefined)[];
  private readonly idleTimers = new Map<number, NodeJS.Timeout>();
  private readonly parts = new Map<number, Part>();
  private nextJobId = 1;
  private crashes = 0;
  private failedForGood: Error | undefined;
  private disposed = false;

  constructor(private readonly options: EmbeddingClientOptions = {}) {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    this.workers = new Array(Math.max(1, options.maxWorkers ?? Math.min(2, cores)));
  }

  /** The first worker's thread id, for diagnostics and tests (undefined until first use). */
  get workerThreadId(): number | undefined {
    return this.workers[0]?.threadId;
  }

  embed(texts: string[], options: EmbedOptions = {}): Promise<Float32Array[]> {
    if (this.disposed) return Promise.reject(new Error('The embedding client was disposed.'));
    if (this.failedForGood) return Promise.reject(this.failedForGood);
    if (options.signal?.aborted) return Promise.reject(new EmbeddingCancelledError());
    if (!texts.length) return Promise.resolve([]);
    return new Promise<Float32Array[]>((resolve, reject) => {
      const onAbort = () => {
        if (!request.jobIds.some((jobId) => this.parts.has(jobId))) return;
        this.settle(request, new EmbeddingCancelledError(), true);
      };
      const request: Request = {
        texts,
        vectors: new Array(texts.length),
        partsLeft: 0,
        progress: new Map(),
        resolve,
        reject,
        onProgress: options.onProgress,
        detach: () => options.signal?.removeEventListener('abort', onAbort),
        jobIds: [],
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const slots = texts.length >= SPLIT_THRESHOLD ? this.workers.length : 1;
      // Deal texts out by length so every worker gets a similar amount of work.
      const byLength = texts.map((_, i) => i).sort((a, b) => texts[a].length - texts[b].length);
      const groups: number[][] = Array.from({ length: slots }, () => []);
      byLength.forEach((position, rank) => groups[rank % slots].push(position));
      for (const [slot, positions] of groups.entries()) {
        if (!positions.length) continue;
        const jobId = this.nextJobId++;
        request.jobIds.push(jobId);
        request.partsLeft++;
        this.parts.set(jobId, { jobId, request, positions, slot });
        this.send(slot, { type: 'embed', jobId, texts: positions.map((position) => texts[position]) });
      }
    });
  }

  /** Makes the first worker die abruptly (tests of the restart path). */
  crashWorkerForTest(code = 7): void {
    this.workers[0]?.postMessage({ type: 'exitForTest', code } satisfies ToWorker);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    const workers = this.workers.splice(0, this.workers.length, ...new Array<Worker | undefined>(this.workers.length));
    for (const part of [...this.parts.values()]) this.settle(part.request, new EmbeddingCancelledError(), false);
    await Promise.all(workers.map((worker) => worker?.terminate()));
  }

  private send(slot: number, message: ToWorker): void {
    clearTimeout(this.idleTimers.get(slot));
    this.idleTimers.delete(slot);
    const worker = this.ensureWorker(slot);
    worker.ref();
    worker.postMessage(message);
  }

  private ensureWorker(slot: number): Worker {
    const existing = this.workers[slot];
    if (existing) return existing;
    const script = this.workerScript();
    const worker = new Worker(script.file, { eval: script.eval, workerData: { files: this.options.files } satisfies WorkerSettings });
    worker.on('message', (message: FromWorker) => this.onMessage(message));
    worker.on('error', (error) => this.onWorkerGone(slot, worker, error.message));
    worker.on('exit', (code) => this.onWorkerGone(slot, worker, `exit code ${code}`));
    this.workers[slot] = worker;
    return worker;
  }

  private workerScript(): { file: string; eval?: boolean } {
    const bundled = path.join(__dirname, 'modelWorker.js');
    const file = this.options.workerFile ?? (!__filename.endsWith('.ts') && fs.existsSync(bundled) ? bundled : path.join(__dirname, 'worker', 'embeddingWorker.ts'));
    if (!file.endsWith('.ts')) return { file };
    // Under tsx (tests, scripts) the worker compiles its TypeScript source itself.
    return { file: `require('tsx/cjs/api').register(); require(${JSON.stringify(file)});`, eval: true };
  }

  private onMessage(message: FromWorker): void {
    const part = this.parts.get(message.jobId);
    if (!part) return;
    const { request } = part;
    if (message.type === 'progress') {
      request.progress.set(part.jobId, message.done);
      let done = 0;
      for (const value of request.progress.values()) done += value;
      return request.onProgress?.(done, request.texts.length);
    }
    if (message.type === 'result') {
      if (message.loadMs !== undefined) this.lastLoadMs = message.loadMs;
      this.crashes = 0;
      part.positions.forEach((position, k) => (request.vectors[position] = message.vectors[k]));
      this.parts.delete(part.jobId);
      this.idleCheck(part.slot);
      if (--request.partsLeft === 0) {
        request.detach();
        request.resolve(request.vectors);
      }
      return;
    }
    const error =
      message.kind === 'cancelled'
        ? new EmbeddingCancelledError()
        : message.kind === 'unavailable'
          ? new ModelUnavailableError(message.message)
          : new Error(`The local model failed: ${message.message}`);
    this.settle(request, error, true);
  }

  /** Fails a request: forgets all its parts and (optionally) tells the workers to drop them. */
  private settle(request: Request, error: Error, tellWorkers: boolean): void {
    for (const jobId of request.jobIds) {
      const part = this.parts.get(jobId);
      if (!part) continue;
      this.parts.delete(jobId);
      if (tellWorkers) this.workers[part.slot]?.postMessage({ type: 'cancel', jobId } satisfies ToWorker);
      this.idleCheck(part.slot);
    }
    request.detach();
    request.reject(error);
  }

  /** An idle worker must not keep the CLI's process alive, and is stopped after a while. */
  private idleCheck(slot: number): void {
    const worker = this.workers[slot];
    if (!worker || [...this.parts.values()].some((part) => part.slot === slot)) return;
    worker.unref();
    clearTimeout(this.idleTimers.get(slot));
    const timer = setTimeout(() => {
      this.idleTimers.delete(slot);
      if (this.workers[slot] !== worker || [...this.parts.values()].some((part) => part.slot === slot)) return;
      this.workers[slot] = undefined; // set first: the exit that follows is not a crash
      void worker.terminate();
    }, slot === 0 ? IDLE_STOP_MS.first : IDLE_STOP_MS.extra);
    timer.unref();
    this.idleTimers.set(slot, timer);
  }

  private onWorkerGone(slot: number, worker: Worker, reason: string): void {
    if (this.workers[slot] !== worker) return; // already replaced or disposed
    this.workers[slot] = undefined;
    if (this.disposed) return;
    const pending = [...this.parts.values()].filter((part) => part.slot === slot);
    if (!pending.length) return; // an idle worker that exited is simply started again on next use
    this.crashes++;
    if (this.crashes > 1) {
      this.failedForGood = new ModelWorkerCrashedError(`The local model's worker stopped twice (${reason}). Semantic features are off until you reload the window; lexical search still works.`);
      this.options.onWorkerCrash?.(this.failedForGood.message, false);
      for (const request of new Set([...this.parts.values()].map((part) => part.request))) this.settle(request, this.failedForGood, true);
      return;
    }
    this.options.onWorkerCrash?.(`The local model's worker stopped (${reason}); it was restarted.`, true);
    for (const part of pending) this.send(slot, { type: 'embed', jobId: part.jobId, texts: part.positions.map((position) => part.request.texts[position]) });
  }
}
