// esbuild options shared by scripts/build.mjs (what the VSIX ships) and the activation bench (which must measure
// exactly that bundle).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Large libraries that only a few commands need. They are bundled on their own into `vendor/` beside the extension
 * and required on first use (src/core/citations/format.ts, yamlModule.ts, src/core/search/lunrModule.ts), so activating the extension does
 * not parse them: together they were three quarters of the extension bundle.
 */
/** The SIMD batched-matmul kernel: AssemblyScript source and the committed WebAssembly built from it. */
export const KERNEL_SOURCE = 'src/model/kernels/assembly/batchMatMul.ts';
export const KERNEL_BINARY = 'src/model/kernels/batchMatMul.wasm';
export const KERNEL_COMPILER_FLAGS = ['-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd', '--initialMemory', '1'];

export const LAZY_VENDOR = ['citeproc', 'yaml', 'lunr'];

const lazyVendorPlugin = {
  name: 'lazy-vendor',
  setup(build) {
    const filter = new RegExp(`^(${LAZY_VENDOR.join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: `./vendor/${args.path}.js`, external: true }));
  },
};

/**
 * Every `import * as vscode from 'vscode'` becomes one shared namespace. Left to itself esbuild wraps the external
 * `vscode` module in its own `__toESM` copy for each of the ~30 files that import it: ~3 ms of activation copying
 * the API's properties again and again.
 */
const oneVscodeNamespacePlugin = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-namespace' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-namespace' });
    build.onLoad({ filter: /.*/, namespace: 'vscode-namespace' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/** Node side: the extension host entry, the CLI and the model worker share src/core. `vscode` is provided by the host. */
/** What every Node-side bundle shares: CommonJS for the extension host's Node (20 and later). */
function nodeCommon(production, outdir) {
  return { bundle: true, minify: production, logLevel: 'info', absWorkingDir: root, platform: 'node', format: 'cjs', target: 'node20', outdir };
}

export function nodeBuildOptions({ production = false, outdir = path.join(root, 'dist'), entryPoints } = {}) {
  return {
    ...nodeCommon(production, outdir),
    sourcemap: production ? false : 'linked',
    external: ['vscode'],
    plugins: [lazyVendorPlugin, oneVscodeNamespacePlugin],
    entryPoints: entryPoints ?? { extension: 'src/extension.ts', cli: 'src/cli/main.ts', modelWorker: 'src/model/worker/embeddingWorker.ts' },
  };
}

/** The lazily required libraries, one CommonJS file each, in `vendor/` next to the node bundles. */
export function vendorBuildOptions({ production = false, outdir = path.join(root, 'dist') } = {}) {
  return { ...nodeCommon(production, outdir), entryPoints: Object.fromEntries(LAZY_VENDOR.map((name) => [`vendor/${name}`, name])) };
}
