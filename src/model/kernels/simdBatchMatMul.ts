import * as fs from 'node:fs';

interface KernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  matMul(a: number, b: number, c: number, m: number, k: number, n: number): void;
}

const PAGE_BYTES = 65536;
/** The kernel computes 4 × 8 blocks of the result; inputs are zero-padded to those multiples. */
const ROW_BLOCK = 4;
const COLUMN_BLOCK = 8;

const roundUp = (value: number, multiple: number) => Math.ceil(value / multiple) * multiple;

/**
 * The batched matmul of src/model/kernels/assembly/batchMatMul.ts, on its own WebAssembly memory: operands are
 * copied in (padded, and `b` transposed when asked), multiplied with SIMD, and the result copied out. The copies are
 * O(n²) against the product's O(n³), and keep the kernel free of TF.js's allocator.
 */
export class SimdBatchMatMul {
  private heap: Float32Array;

  private constructor(private readonly kernel: KernelExports) {
    this.heap = new Float32Array(kernel.memory.buffer);
  }

  /** Throws when the file is missing or the runtime has no WebAssembly SIMD; callers keep the stock kernel then. */
  static load(file: string): SimdBatchMatMul {
    const module = new WebAssembly.Module(fs.readFileSync(file));
    const instance = new WebAssembly.Instance(module, { env: { abort: () => { throw new Error(`${file} aborted`); } } });
    const kernel = instance.exports as Partial<KernelExports>;
    if (!(kernel.memory instanceof WebAssembly.Memory) || typeof kernel.heapBase !== 'function' || typeof kernel.matMul !== 'function') {
      throw new Error(`${file} is not the batched-matmul kernel`);
    }
    return new SimdBatchMatMul(kernel as KernelExports);
  }

  /**
   * out[batch][m][n] = a[batch][m][k] · b[batch][k][n]; with `transposeB`, `b` holds [batch][n][k].
   * All arrays are row-major and dense.
   */
  multiply(a: Float32Array, b: Float32Array, out: Float32Array, shape: { batch: number; m: number; k: number; n: number }, transposeB: boolean): void {
    const { batch, m, k, n } = shape;
    const paddedM = roundUp(m, ROW_BLOCK);
    const paddedN = roundUp(n, COLUMN_BLOCK);
    const aSize = paddedM * k;
    const bSize = k * paddedN;
    const cSize = paddedM * paddedN;
    const base = Math.ceil(this.kernel.heapBase() / 16) * 16;
    // One matrix at a time: the kernel's memory stays small (a few hundred KB) and in cache.
    this.reserve(base + 4 * (aSize + bSize + cSize));
    const heap = this.heap;
    const aAt = base / 4;
    const bAt = aAt + aSize;
    const cAt = bAt + bSize;
    heap.fill(0, aAt, aAt + aSize);
    for (let index = 0; index < batch; index++) {
      heap.set(a.subarray(index * m * k, (index + 1) * m * k), aAt);
      copyRightOperand(b.subarray(index * k * n, (index + 1) * k * n), heap, bAt, { k, n, paddedN }, transposeB);
      this.kernel.matMul(aAt * 4, bAt * 4, cAt * 4, paddedM, k, paddedN);
      if (paddedN === n) {
        out.set(heap.subarray(cAt, cAt + m * n), index * m * n);
      } else {
        for (let row = 0; row < m; row++) out.set(heap.subarray(cAt + row * paddedN, cAt + row * paddedN + n), (index * m + row) * n);
      }
    }
  }

  private reserve(bytes: number): void {
    const memory = this.kernel.memory;
    if (memory.buffer.byteLength >= bytes) return;
    memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE_BYTES));
    this.heap = new Float32Array(memory.buffer);
  }
}

/** Writes one matrix of `b` as [k][paddedN], zero in the padding columns. */
function copyRightOperand(b: Float32Array, heap: Float32Array, at: number, size: { k: number; n: number; paddedN: number }, transposed: boolean): void {
  const { k, n, paddedN } = size;
  if (!transposed && paddedN === n) {
    heap.set(b, at);
    return;
  }
  for (let row = 0; row < k; row++) {
    const rowAt = at + row * paddedN;
    if (transposed) {
      for (let column = 0; column < n; column++) heap[rowAt + column] = b[column * k + row];
    } else {
      heap.set(b.subarray(row * n, (row + 1) * n), rowAt);
    }
    heap.fill(0, rowAt + n, rowAt + paddedN);
  }
}
