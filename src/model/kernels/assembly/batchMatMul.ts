// AssemblyScript, compiled to WebAssembly (SIMD) by scripts/buildKernels.mjs; not part of the TypeScript program.
//
// TF.js's WebAssembly backend runs a batched matmul (attention: [batch·heads, L, d] × [batch·heads, d, L]) on a
// scalar fallback at ~1 GFLOP/s, while its 2-D matmuls reach ~18. This kernel gives the batched case the same
// register-blocked SIMD treatment. The caller runs it per matrix and pads: m % 4 == 0, n % 8 == 0, `b` laid out [k, n].

/** First free byte after the module's static data; the caller places its buffers from here on. */
export function heapBase(): usize {
  return __heap_base;
}

/**
 * c[m][n] = a[m][k] · b[k][n], row-major f32. A 4-row × 8-column block of c stays in 8 SIMD registers while k runs,
 * so each loaded value of b serves four rows.
 */
export function matMul(a: usize, b: usize, c: usize, m: i32, k: i32, n: i32): void {
  const rowBytes = <usize>k << 2;
  const bRowBytes = <usize>n << 2;
  for (let i = 0; i < m; i += 4) {
    const a0 = a + <usize>i * rowBytes;
    const a1 = a0 + rowBytes;
    const a2 = a1 + rowBytes;
    const a3 = a2 + rowBytes;
    for (let j = 0; j < n; j += 8) {
      let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
      let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
      let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
      let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
      let bp = b + (<usize>j << 2);
      for (let p: usize = 0; p < <usize>k << 2; p += 4) {
        const b0 = v128.load(bp);
        const b1 = v128.load(bp, 16);
        let x = f32x4.splat(load<f32>(a0 + p));
        c00 = f32x4.add(c00, f32x4.mul(x, b0));
        c01 = f32x4.add(c01, f32x4.mul(x, b1));
        x = f32x4.splat(load<f32>(a1 + p));
        c10 = f32x4.add(c10, f32x4.mul(x, b0));
        c11 = f32x4.add(c11, f32x4.mul(x, b1));
        x = f32x4.splat(load<f32>(a2 + p));
        c20 = f32x4.add(c20, f32x4.mul(x, b0));
        c21 = f32x4.add(c21, f32x4.mul(x, b1));
        x = f32x4.splat(load<f32>(a3 + p));
        c30 = f32x4.add(c30, f32x4.mul(x, b0));
        c31 = f32x4.add(c31, f32x4.mul(x, b1));
        bp += bRowBytes;
      }
      const c0 = c + ((<usize>i * <usize>n + <usize>j) << 2);
      const c1 = c0 + bRowBytes;
      const c2 = c1 + bRowBytes;
      const c3 = c2 + bRowBytes;
      v128.store(c0, c00);
      v128.store(c0, c01, 16);
      v128.store(c1, c10);
      v128.store(c1, c11, 16);
      v128.store(c2, c20);
      v128.store(c2, c21, 16);
      v128.store(c3, c30);
      v128.store(c3, c31, 16);
    }
  }
}
