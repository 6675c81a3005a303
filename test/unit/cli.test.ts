import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { version } from '../../package.json';

const root = path.join(__dirname, '..', '..');
const main = path.join(root, 'src', 'cli', 'main.ts');
const execFileAsync = promisify(execFile);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'paper-shelf-cli-'));
}

/**
 * The CLI bundled as `npm run build` bundles it, laid out as npm installs the package: dist/cli.js next to
 * data/sample-library.json and nothing else (no src/, no ../shared). Built once; a plain `node cli.js` starts fast.
 */
const bundle = (async () => {
  const pkg = path.join(tempDir(), 'paper-shelf');
  mkdirSync(path.join(pkg, 'data'), { recursive: true });
  copyFileSync(path.join(root, 'data', 'sample-library.json'), path.join(pkg, 'data', 'sample-library.json'));
  const outfile = path.join(pkg, 'dist', 'cli.js');
  await esbuild.build({ entryPoints: [main], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'silent', absWorkingDir: root });
  return outfile;
})();

/** Runs the CLI in a child process, as a user would: exit code, stdout and stderr as they are. */
async function cli(args: string[], options: { fromSource?: boolean; cwd?: string } = {}): Promise<Run> {
  const command = options.fromSource ? ['--import', 'tsx', main] : [await bundle];
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [...command, ...args], { cwd: options.cwd ?? root, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

function assertUsageError(run: Run, pattern: RegExp): void {
  assert.equal(run.code, 2, `exit code 2 expected, got ${run.code}: ${run.stderr}`);
  assert.equal(run.stdout, '');
  const lines = run.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got: ${run.stderr}`);
  assert.match(lines[0], /^paper-shelf: /);
  assert.match(lines[0], pattern);
}

test('--help lists the commands; --version prints the package version', async () => {
  const help = await cli(['--help']);
  assert.equal(help.code, 0);
  for (const name of ['list', 'search', 'show']) assert.match(help.stdout, new RegExp(`^  ${name}\\s+\\S`, 'm'));
  const commandHelp = await cli(['help', 'search']);
  assert.equal(commandHelp.code, 0);
  assert.match(commandHelp.stdout, /^Usage: paper-shelf search QUERY/);
  const versionRun = await cli(['--version']);
  assert.equal(versionRun.code, 0);
  assert.equal(versionRun.stdout.trim(), version);
});

test('list prints every paper of the sample library, as text or JSON', async () => {
  const text = await cli(['list']);
  assert.equal(text.code, 0, text.stderr);
  assert.equal(text.stdout.trimEnd().split('\n').length, 119);
  assert.match(text.stdout, /^leviathan2022fast\s+2022\s+Fast Inference from Transformers via Speculative Decoding$/m);
  const json = await cli(['list', '--json']);
  const papers = JSON.parse(json.stdout) as Array<{ id: string; citekey: string; arxivId: string | null; title: string }>;
  assert.equal(papers.length, 119);
  assert.ok(papers.some((paper) => paper.citekey === 'leviathan2022fast' && paper.arxivId === '2211.17192'));
});

test('search --json gives {id,citekey,arxivId,title,score} best first', async () => {
  const run = await cli(['search', 'speculative decoding', '--json', '--limit', '5']);
  assert.equal(run.code, 0, run.stderr);
  const hits = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
  assert.ok(hits.length >= 2 && hits.length <= 5);
  assert.deepEqual(Object.keys(hits[0]), ['id', 'citekey', 'arxivId', 'title', 'score']);
  assert.equal(hits[0].arxivId, '2211.17192');
  assert.equal(hits[0].citekey, 'leviathan2022fast');
  for (let i = 1; i < hits.length; i++) assert.ok((hits[i - 1].score as number) >= (hits[i].score as number));
  // Words after the command are one query, and field queries work from the terminal too.
  const unquoted = JSON.parse((await cli(['search', 'author:leviathan', '--json'])).stdout) as Array<{ citekey: string }>;
  assert.deepEqual(unquoted.map((hit) => hit.citekey), ['leviathan2022fast']);
});

test('search with nothing found prints an empty JSON array, or a note on stderr', async () => {
  const json = await cli(['search', 'zzzqqqxxx', '--json']);
  assert.equal(json.code, 0);
  assert.deepEqual(JSON.parse(json.stdout), []);
  const text = await cli(['search', 'zzzqqqxxx']);
  assert.equal(text.code, 0);
  assert.equal(text.stdout, '');
  assert.match(text.stderr, /no papers match/);
  const malformed = await cli(['search', 'title:', '--json']);
  assert.equal(malformed.code, 0);
  assert.deepEqual(JSON.parse(malformed.stdout), []);
});

test('show finds a paper by citation key or arXiv id and prints it for humans', async () => {
  for (const id of ['leviathan2022fast', '2211.17192', 'arXiv:2211.17192v2']) {
    const run = await cli(['show', id]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Fast Inference from Transformers via Speculative Decoding\n=+\n/);
    assert.match(run.stdout, /^Authors: +Yaniv Leviathan, Matan Kalman, Yossi Matias$/m);
    assert.match(run.stdout, /^Year: +2022$/m);
    assert.match(run.stdout, /^Venue: +ICML 2023$/m);
    assert.match(run.stdout, /^Link: +https:\/\/arxiv\.org\/abs\/2211\.17192$/m);
    assert.match(run.stdout, /Inference from large autoregressive models like Transformers is slow/);
  }
  const missing = await cli(['show', 'nobody2099nothing']);
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr.trimEnd().split('\n').length, 1);
  assert.match(missing.stderr, /no paper "nobody2099nothing"/);
});

test('usage mistakes give one line on stderr and exit 2', async () => {
  assertUsageError(await cli(['--bogus']), /unknown option --bogus/);
  assertUsageError(await cli(['frobnicate']), /unknown command "frobnicate"/);
  assertUsageError(await cli(['list', '--bogus']), /unknown option --bogus/);
  assertUsageError(await cli(['list', '--json=yes']), /--json takes no value/);
  assertUsageError(await cli(['list', 'extra']), /unexpected argument "extra"/);
  assertUsageError(await cli(['search']), /missing QUERY/);
  assertUsageError(await cli(['search', 'x', '--limit']), /--limit needs a value/);
  assertUsageError(await cli(['search', 'x', '--limit', 'ten']), /--limit needs a whole number/);
  assertUsageError(await cli(['search', 'x', '--limit', '0']), /--limit must be at least 1/);
  assertUsageError(await cli(['search', 'x', '--library']), /--library needs a value/);
  assertUsageError(await cli(['show']), /missing paper ID/);
  assertUsageError(await cli(['help', 'nope']), /unknown command "nope"/);
});

test('a missing or broken library file gives one line naming it and exit 2; invalid papers are skipped', async () => {
  const dir = tempDir();
  const missing = path.join(dir, 'missing.json');
  assertUsageError(await cli(['list', '--library', missing]), new RegExp(`${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: file not found`));
  const broken = path.join(dir, 'broken.json');
  writeFileSync(broken, '{"papers": [ {"title": "A"}, ');
  assertUsageError(await cli(['search', 'a', '--library', broken]), /broken\.json: not valid JSON/);
  const wrongShape = path.join(dir, 'shape.json');
  writeFileSync(wrongShape, '{"hello": 1}');
  assertUsageError(await cli(['list', '--library', wrongShape]), /expected a list of papers/);

  const partial = path.join(dir, 'partial.json');
  writeFileSync(partial, JSON.stringify({ papers: [{ title: 'Good Paper on Zymurgy', authors: ['Ann Author'], year: 2021, abstract: 'Brewing.' }, { authors: ['No Title'] }] }));
  const run = await cli(['search', 'zymurgy', '--library', partial, '--json']);
  assert.equal(run.code, 0);
  assert.deepEqual((JSON.parse(run.stdout) as Array<{ title: string }>).map((hit) => hit.title), ['Good Paper on Zymurgy']);
  assert.equal(run.stderr.trimEnd().split('\n').length, 1);
  assert.match(run.stderr, /warning: skipped 1 invalid paper in .*partial\.json \(paper 2 has no title\)/);
  // A relative --library is resolved against the working directory.
  const relative = await cli(['list', '--library', 'partial.json', '--json'], { cwd: dir });
  assert.equal((JSON.parse(relative.stdout) as unknown[]).length, 1);
});

test('the CLI also runs from source and from any working directory', async () => {
  const fromSource = await cli(['search', 'speculative decoding', '--json', '--limit', '1'], { fromSource: true });
  assert.equal(fromSource.code, 0, fromSource.stderr);
  assert.equal((JSON.parse(fromSource.stdout) as Array<{ arxivId: string }>)[0].arxivId, '2211.17192');
  const elsewhere = await cli(['show', '2211.17192'], { cwd: os.tmpdir() });
  assert.equal(elsewhere.code, 0, elsewhere.stderr);
  assert.match(elsewhere.stdout, /^Fast Inference from Transformers via Speculative Decoding$/m);
});
