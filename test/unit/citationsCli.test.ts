import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { ROOT, pandoc, parseWithPybtex } from './citationTools';

async function cli(args: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (chunk: string) => ((stdout += chunk), true) },
    stderr: { write: (chunk: string) => ((stderr += chunk), true) },
    defaultLibraryPath: path.join(ROOT, 'data/sample-library.json'),
    cwd,
  } as never);
  return { code, stdout, stderr };
}

test('cite: pandoc, bibtex, csl-json and formatted text; unknown keys on stderr with exit 1', async () => {
  const pandocOut = await cli(['cite', 'leviathan2022fast', '2107.10932']);
  assert.deepEqual([pandocOut.code, pandocOut.stdout, pandocOut.stderr], [0, '[@leviathan2022fast; @lou2021fnetar]\n', '']);
  const bib = await cli(['cite', 'leviathan2022fast', '--format', 'bibtex']);
  assert.equal(bib.code, 0);
  assert.deepEqual(Object.keys(parseWithPybtex(bib.stdout)), ['leviathan2022fast']);
  const csl = await cli(['cite', 'lou2021fnetar', '-f', 'csl-json']);
  assert.equal(JSON.parse(csl.stdout)[0].number, 'arXiv:2107.10932');
  const text = await cli(['cite', 'leviathan2022fast', 'lou2021fnetar', '--format', 'text', '--style', 'ieee']);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /^\[1\] Y\. Leviathan, M\. Kalman, and Y\. Matias, “Fast Inference/);
  assert.match(text.stdout, /\n\[2\] T\. Lou,/);
  const chicago = await cli(['cite', 'leviathan2022fast', '--format', 'text', '--style', 'chicago']);
  assert.match(chicago.stdout, /^Leviathan, Yaniv, Matan Kalman, and Yossi Matias\. 2022\./);
  const unknown = await cli(['cite', 'leviathan2022fast', 'nosuch2020']);
  assert.equal(unknown.code, 1);
  assert.equal(unknown.stdout, '[@leviathan2022fast]\n');
  assert.match(unknown.stderr, /no paper "nosuch2020"/);
  const badStyle = await cli(['cite', 'leviathan2022fast', '--format', 'text', '--style', 'mla']);
  assert.equal(badStyle.code, 2);
  assert.match(badStyle.stderr, /unknown style "mla"/);
});

test('bib: every cited key the library has, as BibTeX that pandoc renders the document with; unknown keys exit 1', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'paper-shelf-bib-'));
  const markdown = '---\nbibliography: out.bib\n---\nSee [@leviathan2022fast; @lou2021fnetar, p. 2], @chen2025mar and `@notcode`, mail me@example.com.\n';
  writeFileSync(path.join(dir, 'doc.md'), markdown);
  const result = await cli(['bib', 'doc.md', '--output', 'out.bib'], dir);
  assert.equal(result.code, 0, result.stderr);
  const bib = readFileSync(path.join(dir, 'out.bib'), 'utf8');
  assert.deepEqual(Object.keys(parseWithPybtex(bib)), ['leviathan2022fast', 'lou2021fnetar', 'chen2025mar']);
  const rendered = pandoc(['--citeproc', '-t', 'plain', 'doc.md'], undefined, dir);
  assert.equal(rendered.status, 0);
  assert.equal(rendered.stderr.trim(), '', rendered.stderr);

  writeFileSync(path.join(dir, 'unknown.md'), 'See [@leviathan2022fast; @GAC+16].\n');
  const partial = await cli(['bib', 'unknown.md'], dir);
  assert.equal(partial.code, 1);
  assert.match(partial.stdout, /^@inproceedings\{leviathan2022fast,/);
  assert.match(partial.stderr, /cited key "GAC\+16" is not in the library/);
  const missing = await cli(['bib', 'nope.md'], dir);
  assert.equal(missing.code, 2);
});
