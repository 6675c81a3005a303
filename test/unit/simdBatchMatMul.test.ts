import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { SimdBatchMatMul } from '../../src/model/kernels/simdBatchMatMul';
import { registerSimdBatchMatMul } from '../../src/model/kernels/registerSimdBatchMatMul';
import { locateUseLiteFiles } from '../../src/model/useLite/modelFiles';
import { seededRandom } from '../../src/core/seededRandom';

const files = locateUseLiteFiles();
const kernelFile = files.kernelFile!;

function randomMatrices(count: number, random: () => number): Float32Array {
  return Float32Array.from({ length: count }, () => random() * 2 - 1);
}

/** The textbook triple loop, in doubles. */
function reference(a: Float32Array, b: Float32Array, batch: number, m: number, k: number, n: number, transposeB: boolean): Float64Array {
  const out = new Float64Array(batch * m * n);
  for (let index = 0; index < batch; index++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let p = 0; p < k; p++) sum += a[(index * m + i) * k + p] * (transposeB ? b[(index * n + j) * k + p] : b[(index * k + p) * n + j]);
        out[(index * m + i) * n + j] = sum;
      }
    }
  }
  return out;
}

function maxDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  assert.equal(actual.length, expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  return worst;
}

test('the SIMD kernel matches the textbook product, with and without transposed b, on sizes that need padding', () => {
  const kernel = SimdBatchMatMul.load(kernelFile);
  const random = seededRandom(7);
  // Attention's own shapes, then odd sizes that exercise the 4-row and 8-column padding, then a single row.
  const shapes = [[8, 128, 64, 128], [4, 37, 64, 37], [3, 5, 3, 9], [2, 1, 16, 1], [6, 13, 128, 21]];
  for (const [batch, m, k, n] of shapes) {
    for (const transposeB of [false, true]) {
      const a = randomMatrices(batch * m * k, random);
      const b = randomMatrices(batch * k * n, random);
      const out = new Float32Array(batch * m * n).fill(Number.NaN);
      kernel.multiply(a, b, out, { batch, m, k, n }, transposeB);
      const difference = maxDifference(out, reference(a, b, batch, m, k, n, transposeB));
      assert.ok(difference < 1e-4, `[${batch}, ${m}, ${k}] × [${k}, ${n}] transposeB=${transposeB}: off by ${difference}`);
    }
  }
});

test('a bigger product after a smaller one grows the kernel memory and stays right', () => {
  const kernel = SimdBatchMatMul.load(kernelFile);
  const random = seededRandom(11);
  for (const [batch, m, k, n] of [[1, 4, 4, 8], [64, 128, 128, 128]]) {
    const a = randomMatrices(batch * m * k, random);
    const b = randomMatrices(batch * k * n, random);
    const out = new Float32Array(batch * m * n);
    kernel.multiply(a, b, out, { batch, m, k, n }, false);
    assert.ok(maxDifference(out, reference(a, b, batch, m, k, n, false)) < 1e-4);
  }
});

test('registered in TF.js, batched matMul goes through the SIMD kernel with the same results; 2-D matMul is untouched', async () => {
  setWasmPaths(files.wasmDir + path.sep);
  assert.ok(await tf.setBackend('wasm'));
  await tf.ready();
  const random = seededRandom(3);
  const a = randomMatrices(2 * 3 * 10 * 16, random);
  const b = randomMatrices(2 * 3 * 12 * 16, random);
  const product = async () => {
    const result = tf.matMul(tf.tensor4d(a, [2, 3, 10, 16]), tf.tensor4d(b, [2, 3, 12, 16]), false, true);
    const plain = tf.matMul(tf.tensor2d(a.slice(0, 160), [10, 16]), tf.tensor2d(b.slice(0, 192), [16, 12]));
    return { batched: await result.data(), plain: await plain.data() };
  };
  const stock = await product();
  assert.ok(registerSimdBatchMatMul(kernelFile));
  const simd = await product();
  assert.deepEqual(simd.plain, stock.plain);
  assert.ok(maxDifference(simd.batched, reference(a, b, 6, 10, 16, 12, true)) < 1e-4);
  assert.ok(maxDifference(simd.batched, stock.batched) < 1e-5);
  assert.equal(registerSimdBatchMatMul(path.join(path.dirname(kernelFile), 'missing.wasm')), false, 'a missing kernel file leaves the registered kernel');
});

test('a kernel that fails while running hands that product and all later ones to the stock kernel', async () => {
  setWasmPaths(files.wasmDir + path.sep);
  assert.ok(await tf.setBackend('wasm'));
  await tf.ready();
  let calls = 0;
  assert.ok(registerSimdBatchMatMul({ multiply: () => { calls++; throw new Error('memory could not grow'); } }));
  const random = seededRandom(5);
  const a = randomMatrices(4 * 6 * 8, random);
  const b = randomMatrices(4 * 8 * 5, random);
  for (let run = 0; run < 2; run++) {
    const before = tf.memory().numTensors;
    const result = tf.matMul(tf.tensor3d(a, [4, 6, 8]), tf.tensor3d(b, [4, 8, 5]));
    assert.ok(maxDifference(await result.data(), reference(a, b, 4, 6, 8, 5, false)) < 1e-4, `run ${run}`);
    tf.dispose(result);
    assert.equal(tf.memory().numTensors, before + 2, 'only the two inputs are left: the failed output was released');
  }
  assert.equal(calls, 1);
});

test('the committed kernel binary is the one its AssemblyScript source compiles to', () => {
  const output = execFileSync(process.execPath, [path.join(__dirname, '../../scripts/build-kernels.mjs'), '--check'], { encoding: 'utf8' });
  assert.match(output, /matches/);
});
