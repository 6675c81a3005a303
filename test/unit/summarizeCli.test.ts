import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError } from '../../src/cli/args';
import type { CliIo } from '../../src/cli/command';
import { summarizeCommand } from '../../src/cli/commands/summarize';
import { splitSentences } from '../../src/core/summary/sentences';
import { tidySummary } from '../../src/core/summary/summarizer';

const root = path.join(__dirname, '..', '..');

function capture(cwd: string): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (chunk: string) => ((out += chunk), true) },
      stderr: { write: (chunk: string) => ((err += chunk), true) },
      defaultLibraryPath: path.join(root, 'data', 'sample-library.json'),
      cwd,
    } as CliIo,
    out: () => out,
    err: () => err,
  };
}

const ROWS = [
  { id: 'a', title: 'Speculative decoding', abstract: 'Large language models are slow to sample from. In this paper, we propose speculative decoding, which computes several tokens in parallel with a draft model. We show a 2x speed-up on T5 without changing the outputs.' },
  { id: 7, abstract: '' },
  { id: 'c', abstract: 'A single sentence about graph neural networks.' },
];

test('summarize --input/--output writes one {"id","summary"} line per input line, with the model', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'paper-shelf-summarize-'));
  await fs.writeFile(path.join(dir, 'in.jsonl'), ROWS.map((row) => JSON.stringify(row)).join('\n') + '\n');
  const { io, out, err } = capture(dir);
  assert.equal(await summarizeCommand.run(['--input', 'in.jsonl', '--output', 'out.jsonl'], io), 0);
  assert.equal(out(), '');
  assert.match(err(), /1 abstract is empty/);
  assert.doesNotMatch(err(), /without the local model/);
  const lines = (await fs.readFile(path.join(dir, 'out.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(lines.map((line) => line.id), ['a', 7, 'c']);
  const sentences = splitSentences(ROWS[0].abstract);
  assert.ok(sentences.some((sentence) => tidySummary(sentence) === lines[0].summary), lines[0].summary);
  assert.equal(lines[1].summary, '');
  assert.equal(lines[2].summary, 'A single sentence about graph neural networks.');
  assert.deepEqual((await fs.readdir(dir)).sort(), ['in.jsonl', 'out.jsonl'], 'no temp files left');
});

test('summarize IDs from the library, to stdout; bad input is a usage error that writes nothing', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'paper-shelf-summarize-'));
  const { io, out } = capture(dir);
  assert.equal(await summarizeCommand.run(['leviathan2022fast', '--lexical'], io), 0);
  const [line] = out().trim().split('\n').map((text) => JSON.parse(text));
  assert.equal(line.id, 'arxiv:2211.17192');
  assert.match(line.summary, /speculative decoding/i);

  await assert.rejects(summarizeCommand.run([], io), UsageError);
  await assert.rejects(summarizeCommand.run(['no-such-paper-xyz'], io), /no paper "no-such-paper-xyz"/);
  await fs.writeFile(path.join(dir, 'bad.jsonl'), '{"id":"ok","abstract":"Fine."}\n{"id":"x"}\n');
  await fs.writeFile(path.join(dir, 'out.jsonl'), 'previous content\n');
  await assert.rejects(summarizeCommand.run(['--input', 'bad.jsonl', '--output', 'out.jsonl'], io), /bad\.jsonl:2: each line needs "id"/);
  assert.equal(await fs.readFile(path.join(dir, 'out.jsonl'), 'utf8'), 'previous content\n', 'the output file was not touched');
});
