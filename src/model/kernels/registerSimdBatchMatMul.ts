import { BatchMatMul, getKernel, registerKernel, unregisterKernel, util, type BatchMatMulAttrs, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { SimdBatchMatMul } from './simdBatchMatMul';

/** What the registration needs of the kernel (tests pass a failing one). */
export type BatchMatMulKernel = Pick<SimdBatchMatMul, 'multiply'>;

/**
 * Routes TF.js's WebAssembly `BatchMatMul` through the SIMD kernel when it is batched (more than one matrix, as in
 * attention) and leaves every other case — 2-D products, which the stock kernel hands to XNNPACK, broadcasting,
 * transposed `a` — to the stock kernel. Returns false, changing nothing, when the kernel file cannot be loaded; a
 * kernel that fails while running hands that product and all later ones to the stock kernel.
 */
export function registerSimdBatchMatMul(kernel: string | BatchMatMulKernel): boolean {
  const stock = getKernel(BatchMatMul, 'wasm');
  if (!stock) return false;
  let simd: BatchMatMulKernel;
  try {
    simd = typeof kernel === 'string' ? SimdBatchMatMul.load(kernel) : kernel;
  } catch {
    return false;
  }
  let failed = false;
  const kernelFunc: KernelFunc = (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = args.attrs as unknown as BatchMatMulAttrs;
    const batchShape = a.shape.slice(0, -2);
    const batch = util.sizeFromShape(batchShape);
    const batched = a.shape.length >= 3 && batch > 1 && util.arraysEqual(batchShape, b.shape.slice(0, -2));
    if (failed || !batched || transposeA || a.dtype !== 'float32' || b.dtype !== 'float32') return stock.kernelFunc(args);
    const m = a.shape[a.shape.length - 2];
    const k = a.shape[a.shape.length - 1];
    const n = transposeB ? b.shape[b.shape.length - 2] : b.shape[b.shape.length - 1];
    if ((transposeB ? b.shape[b.shape.length - 1] : b.shape[b.shape.length - 2]) !== k) return stock.kernelFunc(args);
    const backend = args.backend as BackendWasm;
    const out = backend.makeOutput([...batchShape, m, n], 'float32');
    // Views are taken after the allocation above, which may have grown (and detached) the WASM heap.
    const view = (tensor: TensorInfo) => backend.typedArrayFromHeap(tensor) as Float32Array;
    try {
      simd.multiply(view(a), view(b), view(out), { batch, m, k, n }, transposeB);
      return out;
    } catch {
      // E.g. its memory could not grow: the stock kernel is slower but needs nothing more, so it takes over for good.
      failed = true;
      backend.disposeData(out.dataId);
      return stock.kernelFunc(args);
    }
  };
  unregisterKernel(BatchMatMul, 'wasm');
  registerKernel({ ...stock, kernelFunc });
  return true;
}
