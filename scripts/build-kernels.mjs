// Compiles the AssemblyScript kernels to WebAssembly.
//   node scripts/build-kernels.mjs          writes src/model/kernels/batchMatMul.wasm
//   node scripts/build-kernels.mjs --check  exits 1 if the committed binary differs from a fresh build
// The binary is committed so that the extension, the unit tests and the benchmarks run without a build step;
// the unit tests run --check, so a change to the source that is not rebuilt fails.
import asc from 'assemblyscript/asc';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { KERNEL_BINARY, KERNEL_COMPILER_FLAGS, KERNEL_SOURCE, root } from './buildConfig.mjs';

export async function compileKernel() {
  let binary;
  const { error, stderr } = await asc.main([path.join(root, KERNEL_SOURCE), '--outFile', 'kernel.wasm', ...KERNEL_COMPILER_FLAGS], {
    writeFile: (name, contents) => { if (name.endsWith('.wasm')) binary = Buffer.from(contents); },
  });
  if (error || !binary) throw new Error(`AssemblyScript could not compile ${KERNEL_SOURCE}: ${error?.message ?? 'no output'}\n${stderr.toString()}`);
  return binary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fresh = await compileKernel();
  const target = path.join(root, KERNEL_BINARY);
  if (process.argv.includes('--check')) {
    const committed = await fs.readFile(target).catch(() => Buffer.alloc(0));
    if (!committed.equals(fresh)) {
      console.error(`${KERNEL_BINARY} is out of date with ${KERNEL_SOURCE}: run npm run build:kernels and commit it.`);
      process.exit(1);
    }
    console.log(`${KERNEL_BINARY} matches ${KERNEL_SOURCE}`);
  } else {
    await fs.writeFile(target, fresh);
    console.log(`${KERNEL_BINARY}: ${fresh.length} bytes`);
  }
}
