import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../../src/cli/main';
import { readLibraryFile } from '../../src/core/libraryStore';

const fixtures = path.join(__dirname, '..', 'fixtures', 'import');

function capture(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { text: () => string };
  stream.text = () => chunks.join('');
  return stream;
}

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = capture();
  const stderr = capture();
  const code = await runCli(args, { stdout, stderr, defaultLibraryPath: path.join(cwd, 'sample.json'), cwd });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'paper-shelf-import-cli-'));
}

test('import --dry-run --json prints the preview and writes nothing', async () => {
  const dir = tempDir();
  const library = path.join(dir, 'library.json');
  const result = await cli(['import', path.join(fixtures, 'sample.bib'), '--library', library, '--dry-run', '--json'], dir);
  assert.equal(result.code, 0, result.stderr);
  const json = JSON.parse(result.stdout);
  assert.deepEqual(Object.keys(json), ['added', 'duplicates', 'errors', 'papers']);
  assert.equal(json.added, 5);
  assert.equal(json.duplicates, 0);
  assert.deepEqual(json.errors.map((error: { line: number }) => error.line), [27, 45, 52]);
  assert.ok(json.errors.every((error: object) => Object.keys(error).join() === 'line,message'));
  assert.deepEqual(json.papers.map((paper: { citekey: string }) => paper.citekey), ['vaswani2017attention', 'vanderberg2020', 'goodafterbroken', 'parenthesised', 'undefinedmacro']);
  assert.equal(existsSync(library), false);
});

test('import writes the library, keeps a .bak, and a second import of the same file finds only duplicates', async () => {
  const dir = tempDir();
  const library = path.join(dir, 'library.json');
  const first = await cli(['import', path.join(fixtures, 'sample.bib'), '--library', library], dir);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^5 new, 3 entries with errors \(line 27: unbalanced brace/);
  assert.match(first.stdout, /Added 5 papers to .*library\.json \(5 in total\)/);
  assert.equal((await readLibraryFile(library)).papers.length, 5);
  const more = await cli(['import', path.join(fixtures, 'ids.txt'), path.join(fixtures, 'sample.ris'), '-l', 'library.json'], dir);
  assert.equal(more.code, 0, more.stderr);
  // ids.txt repeats two arXiv ids of sample.bib (1706.03762, 2001.08361); sample.ris's ResNet repeats ids.txt's 1512.03385.
  assert.match(more.stdout, /^5 new, 3 duplicates/);
  const loaded = await readLibraryFile(library);
  assert.equal(loaded.papers.length, 10);
  assert.deepEqual(loaded.problems, []);
  assert.ok(loaded.papers.some((paper) => paper.metadataMissing));
  assert.equal(JSON.parse(readFileSync(`${library}.bak`, 'utf8')).papers.length, 5);
  const again = await cli(['import', path.join(fixtures, 'sample.bib'), '--library', library], dir);
  assert.match(again.stdout, /^0 new, 5 duplicates/);
  assert.match(again.stdout, /left unchanged/);
});

test('import refuses a binary file and a library with invalid papers, writing nothing; usage errors exit 2', async () => {
  const dir = tempDir();
  const binary = path.join(dir, 'x.bib');
  writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 0xff]));
  const library = path.join(dir, 'library.json');
  const refused = await cli(['import', binary, '--library', library], dir);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /cannot import x\.bib: this looks like a binary file/);
  assert.equal(existsSync(library), false);

  const damaged = JSON.stringify({ papers: [{ title: 'Good', authors: [] }, { title: 42 }] });
  writeFileSync(library, damaged);
  const blocked = await cli(['import', path.join(fixtures, 'ids.txt'), '--library', library], dir);
  assert.equal(blocked.code, 2);
  assert.match(blocked.stderr, /1 invalid paper .*Nothing was written/);
  assert.equal(readFileSync(library, 'utf8'), damaged);

  assert.equal((await cli(['import', path.join(fixtures, 'ids.txt')], dir)).code, 2);
  assert.equal((await cli(['import', '--library', library], dir)).code, 2);
});

test('killing the process (SIGKILL) mid-import, many times, leaves a library with the old or the new content', { timeout: 240_000 }, async () => {
  const dir = tempDir();
  const library = path.join(dir, 'library.json');
  const child = path.join(fixtures, 'importKillChild.ts');
  let kills = 0;
  let lastConfirmed = -1;
  for (let round = 0; round < 8; round++) {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, library, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      proc.stdout.on('data', (chunk) => {
        output += String(chunk);
        if (output.includes('ready\n') && !(proc as unknown as { timer?: NodeJS.Timeout }).timer) {
          // Let it complete a few imports, then kill at an arbitrary moment.
          (proc as unknown as { timer?: NodeJS.Timeout }).timer = setTimeout(() => proc.kill('SIGKILL'), 150 + ((round * 137) % 400));
        }
      });
      proc.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code} before being killed`))));
    });
    kills++;
    const confirmed = [...output.matchAll(/imported (\d+)/g)].map((match) => Number(match[1]));
    if (confirmed.length) lastConfirmed = confirmed[confirmed.length - 1];
    if (!existsSync(library)) {
      assert.equal(lastConfirmed, -1, 'an import was confirmed but no library exists');
      continue;
    }
    const loaded = await readLibraryFile(library);
    assert.deepEqual(loaded.problems, []);
    // Either the state after the last confirmed import, or one more (killed after the rename, before printing).
    const count = loaded.papers.length;
    assert.ok(count === lastConfirmed + 1 || count === lastConfirmed + 2, `library has ${count} papers, last confirmed import was #${lastConfirmed}`);
    assert.deepEqual(loaded.papers.map((paper) => paper.title), Array.from({ length: count }, (_, i) => `Paper number ${i}`));
    lastConfirmed = count - 1;
  }
  assert.equal(kills, 8);
  assert.ok(lastConfirmed >= 0, 'at least one import completed across the rounds');
});
