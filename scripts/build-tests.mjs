// Bundles the integration tests for the extension host: test/integration/suite/{index,*.test}.ts → out/test/integration/suite/.
// CommonJS for mocha 11; `vscode` comes from the host and mocha is loaded from node_modules.
import * as esbuild from 'esbuild';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suite = path.join(root, 'test/integration/suite');
const outdir = path.join(root, 'out/test/integration/suite');
const entryPoints = (await fs.readdir(suite)).filter((name) => name === 'index.ts' || name.endsWith('.test.ts')).map((name) => path.join(suite, name));

await fs.rm(outdir, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`build-tests: ${entryPoints.length} integration bundles → ${path.relative(root, outdir)}`);
