// Bundles the extension host code, the CLI and the reader webview with esbuild.
//   node scripts/build.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  absWorkingDir: root,
};

/** Node side: the extension host entry and the CLI share src/core. `vscode` is provided by the host. */
const nodeBuild = {
  ...common,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  entryPoints: { extension: 'src/extension.ts', cli: 'src/cli/main.ts' },
  outdir: 'dist',
};

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

if (watch) {
  const contexts = await Promise.all([esbuild.context(nodeBuild), esbuild.context(webviewBuild)]);
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await fs.rm(path.join(root, 'dist'), { recursive: true, force: true });
  await Promise.all([esbuild.build(nodeBuild), esbuild.build(webviewBuild)]);
  await addShebang();
}
