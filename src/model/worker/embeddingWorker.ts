import { parentPort, workerData } from 'node:worker_threads';
import { ModelUnavailableError } from '../embeddingModel';
import { locateUseLiteFiles } from '../useLite/modelFiles';
import { UseLiteModel } from '../useLite/useLiteModel';
import type { FromWorker, ToWorker, WorkerSettings } from './protocol';

// Runs all inference off the extension host's main thread. Loads the model on the first request, then serves
// requests one at a time; between batches it yields to the event loop so a `cancel` can land.
const port = parentPort;
if (!port) throw new Error('embeddingWorker must run in a worker thread.');
const settings = (workerData ?? {}) as WorkerSettings;

let model: Promise<UseLiteModel> | undefined;
let loadMs: number | undefined;
const queue: { jobId: number; texts: string[] }[] = [];
const cancelled = new Set<number>();
let running = false;

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

function loadModel(): Promise<UseLiteModel> {
  if (!model) {
    const started = Date.now();
    model = UseLiteModel.load(settings.files ?? locateUseLiteFiles()).then((loaded) => {
      loadMs = Date.now() - started;
      return loaded;
    });
  }
  return model;
}

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (let job = queue.shift(); job; job = queue.shift()) await run(job.jobId, job.texts);
  } finally {
    running = false;
  }
}

async function run(jobId: number, texts: string[]): Promise<void> {
  const cancelledMessage: FromWorker = { type: 'error', jobId, kind: 'cancelled', message: 'Embedding was cancelled.' };
  if (cancelled.delete(jobId)) return post(cancelledMessage);
  try {
    const loaded = await loadModel();
    const firstUse = loadMs;
    loadMs = undefined;
    let stop = false;
    const vectors = await loaded.embed(texts, async (done) => {
      post({ type: 'progress', jobId, done, total: texts.length });
      await yieldToEvents();
      if (cancelled.has(jobId)) {
        stop = true;
        throw new CancelSignal();
      }
    });
    if (stop) return post(cancelledMessage);
    post({ type: 'result', jobId, vectors, loadMs: firstUse }, vectors.map((vector) => vector.buffer as ArrayBuffer));
  } catch (error) {
    if (error instanceof CancelSignal) return post(cancelledMessage);
    const kind = error instanceof ModelUnavailableError ? 'unavailable' : 'failed';
    if (kind === 'unavailable') model = undefined; // a later request retries, e.g. after the files were restored
    post({ type: 'error', jobId, kind, message: error instanceof Error ? error.message : String(error) });
  } finally {
    cancelled.delete(jobId);
  }
}

class CancelSignal extends Error {}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'embed':
      queue.push({ jobId: message.jobId, texts: message.texts });
      void drain();
      break;
    case 'cancel': {
      const waiting = queue.findIndex((job) => job.jobId === message.jobId);
      if (waiting >= 0) {
        queue.splice(waiting, 1);
        post({ type: 'error', jobId: message.jobId, kind: 'cancelled', message: 'Embedding was cancelled.' });
      } else if (running) cancelled.add(message.jobId);
      break;
    }
    case 'exitForTest':
      process.exit(message.code);
  }
});
