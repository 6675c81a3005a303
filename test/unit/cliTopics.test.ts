import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/command';
import { topicsCommand } from '../../src/cli/commands/topics';
import { relatedCommand } from '../../src/cli/commands/related';
import { UsageError } from '../../src/cli/args';

const SAMPLE = path.resolve(__dirname, '../../data/sample-library.json');

function capture(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const sink = (append: (text: string) => void) => new Writable({ write: (chunk, _encoding, done) => (append(String(chunk)), done()) });
  return {
    io: { stdout: sink((text) => (out += text)), stderr: sink((text) => (err += text)), defaultLibraryPath: SAMPLE, cwd: process.cwd() },
    out: () => out,
    err: () => err,
  };
}

test('paper-shelf topics --json lists the shipped topics with keywords and every paper once', async () => {
  const { io, out } = capture();
  assert.equal(await topicsCommand.run(['--json'], io), 0);
  const { topics } = JSON.parse(out()) as { topics: { label: string; keywords: string[]; papers: { id: string; citekey: string; arxivId: string | null; title: string }[] }[] };
  assert.ok(topics.length >= 6);
  const ids = topics.flatMap((topic) => topic.papers.map((paper) => paper.id));
  assert.equal(ids.length, 119);
  assert.equal(new Set(ids).size, 119);
  for (const topic of topics) {
    assert.ok(topic.keywords.length >= 2, topic.label);
    assert.ok(topic.papers.length <= 119 / 3, topic.label);
    for (const paper of topic.papers) assert.deepEqual(Object.keys(paper), ['id', 'citekey', 'arxivId', 'title']);
  }
  assert.equal(new Set(topics.map((topic) => topic.label)).size, topics.length);
});

test('paper-shelf topics --recompute --count 4 --lexical organizes afresh without the model', async () => {
  const { io, out } = capture();
  assert.equal(await topicsCommand.run(['--recompute', '--count', '4', '--lexical', '--json'], io), 0);
  const { topics } = JSON.parse(out()) as { topics: { papers: unknown[] }[] };
  assert.equal(topics.length, 4);
  assert.equal(topics.reduce((sum, topic) => sum + topic.papers.length, 0), 119);
});

test('paper-shelf related finds the speculative-decoding papers for Leviathan et al.', async () => {
  const { io, out } = capture();
  assert.equal(await relatedCommand.run(['leviathan2022fast', '--lexical', '--json', '--limit', '3'], io), 0);
  const related = JSON.parse(out()) as { citekey: string; score: number }[];
  assert.equal(related.length, 3);
  assert.ok(related.slice(0, 2).some((paper) => paper.citekey === 'jang2024lantern' || paper.citekey === 'teng2024accelerating'), JSON.stringify(related));
  assert.ok(!related.some((paper) => paper.citekey === 'leviathan2022fast'));
  await assert.rejects(relatedCommand.run(['no-such-paper', '--lexical'], capture().io), UsageError);
  await assert.rejects(relatedCommand.run([], capture().io), UsageError);
});
