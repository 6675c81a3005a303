import * as fs from 'node:fs';
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
  /** Told when the worker died and was restarted (once), or died for good. */
  onWorkerCrash?: (message: string, restarted: boolean) => void;
}

interface Job {
  jobId: number;
  texts: string[];
  resolve(vectors: Float32Array[]): void;
  reject(error: Error): void;
  onProgress?: (done: number, total: number) => void;
  detach(): void;
}

/**
 * Runs the embedding model in a worker thread so inference never blocks the caller's thread. No `vscode` here:
 * the CLI uses it too; the extension adapts CancellationToken to an AbortSignal-like object.
 */
export class EmbeddingClient {
  readonly id = USE_LITE_MODEL_ID;
  readonly dimension = USE_LITE_DIMENSION;
  /** Model load time measured by the worker on first use (ms), for benchmarks. */
  lastLoadMs: number | undefined;

  private worker: Worker | undefined;
  private readonly jobs = new Map<number, Job>();
  private nextJobId = 1;
  private crashes = 0;
  private failedForGood: Error | undefined;
  private disposed = false;

  constructor(private readonly options: EmbeddingClientOptions = {}) {}

  /** The worker's thread id, for diagnostics and tests (undefined until first use). */
  get workerThreadId(): number | undefined {
    return this.worker?.threadId;
  }

  embed(texts: string[], options: EmbedOptions = {}): Promise<Float32Array[]> {
    if (this.disposed) return Promise.reject(new Error('The embedding client was disposed.'));
    if (this.failedForGood) return Promise.reject(this.failedForGood);
    if (options.signal?.aborted) return Promise.reject(new EmbeddingCancelledError());
    if (!texts.length) return Promise.resolve([]);
    return new Promise<Float32Array[]>((resolve, reject) => {
      const jobId = this.nextJobId++;
      const onAbort = () => {
        if (!this.jobs.has(jobId)) return;
        this.finish(jobId);
        this.post({ type: 'cancel', jobId });
        reject(new EmbeddingCancelledError());
      };
      const detach = () => options.signal?.removeEventListener('abort', onAbort);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.jobs.set(jobId, { jobId, texts, resolve, reject, onProgress: options.onProgress, detach });
      this.ensureWorker().ref();
      this.post({ type: 'embed', jobId, texts });
    });
  }

  /** Makes the worker die abruptly (tests of the restart path). */
  crashWorkerForTest(code = 7): void {
    this.post({ type: 'exitForTest', code });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    for (const job of [...this.jobs.values()]) {
      this.finish(job.jobId);
      job.reject(new EmbeddingCancelledError());
    }
    await worker?.terminate();
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const script = this.workerScript();
    const worker = new Worker(script.file, { eval: script.eval, workerData: { files: this.options.files } satisfies WorkerSettings });
    worker.on('message', (message: FromWorker) => this.onMessage(message));
    worker.on('error', (error) => this.onWorkerGone(worker, error.message));
    worker.on('exit', (code) => this.onWorkerGone(worker, `exit code ${code}`));
    this.worker = worker;
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
    const job = this.jobs.get(message.jobId);
    if (!job) return;
    if (message.type === 'progress') return job.onProgress?.(message.done, message.total);
    this.finish(message.jobId);
    if (message.type === 'result') {
      if (message.loadMs !== undefined) this.lastLoadMs = message.loadMs;
      this.crashes = 0;
      job.resolve(message.vectors);
    } else if (message.kind === 'cancelled') job.reject(new EmbeddingCancelledError());
    else if (message.kind === 'unavailable') job.reject(new ModelUnavailableError(message.message));
    else job.reject(new Error(`The local model failed: ${message.message}`));
  }

  private finish(jobId: number): void {
    this.jobs.get(jobId)?.detach();
    this.jobs.delete(jobId);
    if (!this.jobs.size) this.worker?.unref(); // an idle worker must not keep the CLI alive
  }

  private onWorkerGone(worker: Worker, reason: string): void {
    if (this.worker !== worker) return; // already replaced or disposed
    this.worker = undefined;
    if (this.disposed) return;
    const pending = [...this.jobs.values()];
    if (!pending.length) return; // an idle worker that exited is simply started again on next use
    this.crashes++;
    if (this.crashes > 1) {
      this.failedForGood = new ModelWorkerCrashedError(`The local model's worker stopped twice (${reason}). Semantic features are off until you reload the window; lexical search still works.`);
      this.options.onWorkerCrash?.(this.failedForGood.message, false);
      for (const job of pending) {
        this.finish(job.jobId);
        job.reject(this.failedForGood);
      }
      return;
    }
    this.options.onWorkerCrash?.(`The local model's worker stopped (${reason}); it was restarted.`, true);
    const restarted = this.ensureWorker();
    restarted.ref();
    for (const job of pending) this.post({ type: 'embed', jobId: job.jobId, texts: job.texts });
  }
}
