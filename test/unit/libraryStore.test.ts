import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LibraryFileError, parseLibraryText, readLibraryFile, serializeLibrary, writeFileAtomic, writeLibraryFile } from '../../src/core/libraryStore';
import type { Paper } from '../../src/core/paper';
import { makePaper } from './paperFixtures';

const CHILD = path.join(__dirname, '..', 'fixtures', 'atomic-write-child.ts');

async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'paper-shelf-store-'));
}

function libraryOf(count: number, prefix: string): Paper[] {
  return Array.from({ length: count }, (_, i) =>
    makePaper({ id: `${prefix}:${i}`, citekey: `${prefix}${i}`, title: `${prefix} paper ${i} Über`, authors: ['Jürgen Müller', 'Ann Lee'], year: 2000 + (i % 25), abstract: 'word '.repeat(60).trim(), tags: ['t'], status: 'reading', topic: 'Topic' }),
  );
}

test('a library survives a write/read round trip unchanged', async () => {
  const file = path.join(await tempDir(), 'nested', 'library.json');
  const papers = libraryOf(5, 'rt');
  papers[0] = { ...papers[0], arxivId: '2211.17192', venue: 'ICML 2023', summary: 'TL;DR.', codeUrl: 'https://example.org/code' };
  await writeLibraryFile(file, papers);
  const loaded = await readLibraryFile(file);
  assert.deepEqual(loaded.problems, []);
  assert.deepEqual(loaded.papers, papers);
  // Saving what was loaded is a fixed point: a second round trip changes no byte.
  await writeLibraryFile(file, loaded.papers);
  const saved = await fs.readFile(file, 'utf8');
  assert.equal(serializeLibrary((await readLibraryFile(file)).papers), saved);
});

test('invalid JSON throws a LibraryFileError naming the file, and the file is left alone', async () => {
  const file = path.join(await tempDir(), 'broken.json');
  await fs.writeFile(file, '{"papers": [ {"title": "x"}, ');
  await assert.rejects(readLibraryFile(file), (error: unknown) => {
    assert.ok(error instanceof LibraryFileError);
    assert.equal(error.filePath, file);
    assert.match(error.message, /broken\.json: not valid JSON/);
    return true;
  });
  assert.equal(await fs.readFile(file, 'utf8'), '{"papers": [ {"title": "x"}, ');
});

test('a missing file and a JSON value that is not a library give clear LibraryFileErrors', async () => {
  const dir = await tempDir();
  await assert.rejects(readLibraryFile(path.join(dir, 'nope.json')), /nope\.json: file not found/);
  assert.throws(() => parseLibraryText('{"title": "one paper"}', 'lib.json'), /lib\.json: expected a list of papers/);
  assert.throws(() => parseLibraryText('null', 'lib.json'), LibraryFileError);
});

test('both the library format and a bare array load; invalid papers are reported, valid ones kept', () => {
  const bare = parseLibraryText(JSON.stringify([{ title: 'A', authors: ['X Y'] }, { authors: [] }]), 'a.json');
  assert.deepEqual(bare.papers.map((paper) => paper.title), ['A']);
  assert.deepEqual(bare.problems, [{ index: 1, message: 'paper 2 has no title' }]);
  const wrapped = parseLibraryText(serializeLibrary(bare.papers), 'b.json');
  assert.deepEqual(wrapped.papers, bare.papers);
});

test('writeFileAtomic keeps the previous version as .bak and leaves no temp files', async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'library.json');
  await writeFileAtomic(file, 'first');
  assert.deepEqual(await fs.readdir(dir), ['library.json'], 'no .bak when there was nothing before');
  await writeFileAtomic(file, 'second');
  assert.equal(await fs.readFile(file, 'utf8'), 'second');
  assert.equal(await fs.readFile(`${file}.bak`, 'utf8'), 'first');
  await writeFileAtomic(file, 'third', { backup: false });
  assert.equal(await fs.readFile(`${file}.bak`, 'utf8'), 'first');
  assert.deepEqual((await fs.readdir(dir)).sort(), ['library.json', 'library.json.bak']);
});

test('concurrent saves never mix: the file ends as exactly one of the texts', async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'library.json');
  const texts = Array.from({ length: 12 }, (_, i) => JSON.stringify({ i, pad: 'x'.repeat(60_000 - i * 4_000) }));
  await Promise.all(texts.map((text) => writeFileAtomic(file, text)));
  assert.ok(texts.includes(await fs.readFile(file, 'utf8')));
  assert.deepEqual((await fs.readdir(dir)).sort(), ['library.json', 'library.json.bak']);
});

test('a save that fails midway (file size limit hit) keeps the original intact and removes its temp file', async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'library.json');
  const original = serializeLibrary(libraryOf(3, 'orig'));
  await fs.writeFile(file, original);
  // ulimit -f 32: writes past 32 KiB fail with EFBIG (Node ignores SIGXFSZ), half-way through the 400 KB text.
  const big = serializeLibrary(libraryOf(600, 'big'));
  assert.ok(big.length > 300_000);
  const source = path.join(await tempDir(), 'big.json');
  await fs.writeFile(source, big);
  const script = `ulimit -f 32 && exec "${process.execPath}" --import tsx "${CHILD}" once "$0" "$1"`;
  const run = spawnSync('bash', ['-c', script, file, source], { encoding: 'utf8', cwd: path.join(__dirname, '..', '..') });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), { ok: false, code: 'EFBIG' });
  assert.equal(await fs.readFile(file, 'utf8'), original);
  assert.deepEqual(await fs.readdir(dir), ['library.json']);
});

test('a process killed (SIGKILL) while saving leaves a library that loads with the old or the new content', async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'library.json');
  const oldText = serializeLibrary(libraryOf(400, 'old'));
  const newText = serializeLibrary(libraryOf(700, 'new'));
  await fs.writeFile(file, oldText);
  const sources = await tempDir();
  await fs.writeFile(path.join(sources, 'new.json'), newText);
  await fs.writeFile(path.join(sources, 'old.json'), oldText);
  for (const delayMs of [5, 40, 90, 150]) {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, 'loop', file, path.join(sources, 'new.json'), path.join(sources, 'old.json')], { cwd: path.join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const text = await fs.readFile(file, 'utf8');
    assert.ok(text === oldText || text === newText, `after a kill at ${delayMs} ms the file is neither version (${text.length} chars)`);
    const loaded = await readLibraryFile(file);
    assert.ok(loaded.papers.length === 400 || loaded.papers.length === 700);
  }
});

test('entries that are not valid papers are kept, unchanged, when the library is saved again', async () => {
  const file = path.join(await tempDir(), 'library.json');
  const mistyped = { title: 'Half-edited paper', authors: 'Ann Lee', note: 'authors should be a list' };
  const untitled = { authors: ['Nobody'], abstract: 'No title yet.' };
  await fs.writeFile(file, JSON.stringify({ papers: [{ title: 'Good paper', authors: ['Ann Lee'], year: 2024 }, mistyped, untitled] }));
  const loaded = await readLibraryFile(file);
  assert.equal(loaded.papers.length, 1);
  assert.deepEqual(loaded.unreadable, [mistyped, untitled]);

  await writeLibraryFile(file, [{ ...loaded.papers[0], status: 'read' }], loaded.unreadable);
  const reloaded = await readLibraryFile(file);
  assert.equal(reloaded.papers[0].status, 'read');
  assert.deepEqual(reloaded.unreadable, [mistyped, untitled]);
  assert.equal(reloaded.problems.length, 2);
});
