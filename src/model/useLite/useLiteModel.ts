import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { ModelUnavailableError, normalize, type EmbeddingModel } from '../embeddingModel';
import { SentencePieceTokenizer, type Vocabulary } from './tokenizer';
import type { UseLiteFiles } from './modelFiles';
import { registerSimdBatchMatMul } from '../kernels/registerSimdBatchMatMul';
import { USE_LITE_DIMENSION as DIMENSION, USE_LITE_MAX_TOKENS, USE_LITE_MODEL_ID } from './constants';

/**
 * Inputs are sorted by length and cut into batches of this many texts. The graph pads a batch to its longest
 * member, so similar lengths waste little; batching amortizes the ~per-call graph overhead.
 */
const BATCH_SIZE = 16;

interface ModelJson {
  modelTopology: unknown;
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

/** Universal Sentence Encoder Lite (2-layer transformer, 512-d) on TensorFlow.js's WebAssembly backend. */
export class UseLiteModel implements EmbeddingModel {
  readonly id = USE_LITE_MODEL_ID;
  readonly dimension = DIMENSION;

  private constructor(
    private readonly graph: GraphModel,
    private readonly tokenizer: SentencePieceTokenizer,
  ) {}

  static async load(files: UseLiteFiles): Promise<UseLiteModel> {
    const [artifacts, vocabulary] = await Promise.all([readArtifacts(files.modelDir), readVocabulary(files.modelDir)]);
    await initWasmBackend(files);
    let graph: GraphModel;
    try {
      graph = await loadGraphModel({ load: async () => artifacts });
    } catch (error) {
      throw new ModelUnavailableError(`The model in ${files.modelDir} is corrupt (${errorText(error)}). Reinstall the Paper Shelf extension.`);
    }
    const model = new UseLiteModel(graph, new SentencePieceTokenizer(vocabulary));
    await model.embed(['warm-up']);
    return model;
  }

  /** Token ids as the graph sees them (clipped). */
  tokenize(text: string): number[] {
    return this.tokenizer.encode(text).slice(0, USE_LITE_MAX_TOKENS);
  }

  async embed(texts: string[], onBatch?: (done: number) => Promise<void> | void): Promise<Float32Array[]> {
    const tokens = texts.map((text) => this.tokenize(text));
    const order = tokens.map((_, index) => index).sort((a, b) => tokens[a].length - tokens[b].length);
    const vectors: Float32Array[] = new Array(texts.length);
    for (let start = 0; start < order.length; start += BATCH_SIZE) {
      const batch = order.slice(start, start + BATCH_SIZE);
      const embedded = await this.embedTokens(batch.map((index) => tokens[index]));
      batch.forEach((index, k) => (vectors[index] = embedded[k]));
      await onBatch?.(Math.min(start + BATCH_SIZE, order.length));
    }
    return vectors;
  }

  private async embedTokens(batch: number[][]): Promise<Float32Array[]> {
    // An empty text has no tokens; the graph would give it no row, so it gets a zero vector instead.
    const nonEmpty = batch.map((ids, index) => (ids.length ? index : -1)).filter((index) => index >= 0);
    const result: Float32Array[] = batch.map(() => new Float32Array(DIMENSION));
    if (!nonEmpty.length) return result;
    const total = nonEmpty.reduce((sum, index) => sum + batch[index].length, 0);
    const indices = new Int32Array(total * 2);
    const values = new Int32Array(total);
    let k = 0;
    nonEmpty.forEach((index, row) => {
      for (let position = 0; position < batch[index].length; position++, k++) {
        indices[2 * k] = row;
        indices[2 * k + 1] = position;
        values[k] = batch[index][position];
      }
    });
    const inputs = { indices: tf.tensor2d(indices, [total, 2], 'int32'), values: tf.tensor1d(values, 'int32') };
    try {
      const output = (await this.graph.executeAsync(inputs)) as tf.Tensor;
      const data = (await output.data()) as Float32Array<ArrayBuffer>;
      output.dispose();
      nonEmpty.forEach((index, row) => (result[index] = normalize(data.slice(row * DIMENSION, (row + 1) * DIMENSION))));
      return result;
    } finally {
      inputs.indices.dispose();
      inputs.values.dispose();
    }
  }
}

let backendReady: Promise<void> | undefined;

function initWasmBackend({ wasmDir, kernelFile }: UseLiteFiles): Promise<void> {
  backendReady ??= (async () => {
    setWasmPaths(wasmDir.endsWith(path.sep) ? wasmDir : wasmDir + path.sep);
    const ok = await tf.setBackend('wasm');
    if (!ok) throw new ModelUnavailableError(`TensorFlow.js could not start its WebAssembly backend from ${wasmDir}. Reinstall the Paper Shelf extension.`);
    await tf.ready();
    // Attention's batched matmuls are most of the inference time on the stock kernel; without ours it is just slower.
    if (kernelFile) registerSimdBatchMatMul(kernelFile);
  })();
  return backendReady;
}

async function readArtifacts(modelDir: string): Promise<tf.io.ModelArtifacts> {
  const manifestFile = path.join(modelDir, 'model.json');
  let json: ModelJson;
  try {
    json = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as ModelJson;
  } catch (error) {
    throw new ModelUnavailableError(`The model file ${manifestFile} is missing or unreadable (${errorText(error)}). Reinstall the Paper Shelf extension.`);
  }
  if (!json || !Array.isArray(json.weightsManifest) || !json.modelTopology) {
    throw new ModelUnavailableError(`The model file ${manifestFile} is corrupt. Reinstall the Paper Shelf extension.`);
  }
  const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
  const expectedBytes = weightSpecs.reduce((sum, spec) => sum + spec.shape.reduce((a, b) => a * b, 1) * bytesPer(spec.quantization?.dtype ?? spec.dtype), 0);
  const shards: Buffer[] = [];
  for (const shard of json.weightsManifest.flatMap((group) => group.paths)) {
    try {
      shards.push(await fs.readFile(path.join(modelDir, shard)));
    } catch (error) {
      throw new ModelUnavailableError(`A weight file of the model (${path.join(modelDir, shard)}) is missing (${errorText(error)}). Reinstall the Paper Shelf extension.`);
    }
  }
  const all = Buffer.concat(shards);
  if (all.byteLength !== expectedBytes) {
    throw new ModelUnavailableError(`The model weights in ${modelDir} are corrupt: ${all.byteLength} bytes where ${expectedBytes} were expected. Reinstall the Paper Shelf extension.`);
  }
  return {
    modelTopology: json.modelTopology as tf.io.ModelArtifacts['modelTopology'],
    weightSpecs,
    weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
  };
}

async function readVocabulary(modelDir: string): Promise<Vocabulary> {
  const file = path.join(modelDir, 'vocab.json');
  try {
    const vocabulary = JSON.parse(await fs.readFile(file, 'utf8')) as Vocabulary;
    if (!Array.isArray(vocabulary) || vocabulary.length < 100) throw new Error('not a vocabulary');
    return vocabulary;
  } catch (error) {
    throw new ModelUnavailableError(`The model vocabulary ${file} is missing or corrupt (${errorText(error)}). Reinstall the Paper Shelf extension.`);
  }
}

function bytesPer(dtype: string): number {
  return dtype === 'float16' ? 2 : dtype === 'bool' || dtype === 'uint8' ? 1 : 4;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
