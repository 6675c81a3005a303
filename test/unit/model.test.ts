import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddingClient } from '../../src/model/embeddingClient';
import { cosine, EmbeddingCancelledError, ModelUnavailableError } from '../../src/model/embeddingModel';
import { locateUseLiteFiles } from '../../src/model/useLite/modelFiles';
import { SentencePieceTokenizer } from '../../src/model/useLite/tokenizer';

const files = locateUseLiteFiles();

test('the ported tokenizer gives the ids of the reference USE tokenizer', async () => {
  const vocabulary = JSON.parse(await fs.readFile(path.join(files.modelDir, 'vocab.json'), 'utf8'));
  const tokenizer = new SentencePieceTokenizer(vocabulary);
  // Expected ids produced by @tensorflow-models/universal-sentence-encoder@1.3.3's Tokenizer on the same vocabulary.
  assert.deepEqual(tokenizer.encode('Attention is all you need.'), [674, 6495, 18, 65, 19, 161, 6]);
  assert.deepEqual(tokenizer.encode('héllo wörld ñ 中文 😀 $x^2$'), [1786, 1133, 120, 102, 848, 6781, 93, 2706, 30, 7137, 30, 0, 30, 0, 583, 152, 1848, 1552]);
  assert.deepEqual(tokenizer.encode(''), []);
});

test('the real model loads from node_modules in a worker; paraphrases are closer than unrelated sentences', async () => {
  const client = new EmbeddingClient();
  try {
    const [cat, catParaphrase, finance, empty] = await client.embed([
      'The cat sat on the mat.',
      'A cat was sitting on the rug.',
      'Quarterly revenue grew by five percent.',
      '',
    ]);
    assert.equal(cat.length, 512);
    assert.ok(Math.abs(cosine(cat, cat) - 1) < 1e-4, 'vectors are normalized');
    assert.ok(cosine(cat, catParaphrase) > 0.6, `paraphrase similarity ${cosine(cat, catParaphrase)}`);
    assert.ok(cosine(cat, catParaphrase) > cosine(cat, finance) + 0.3);
    assert.ok(empty.every((value) => value === 0), 'an empty text embeds to zeros');
    const [again] = await client.embed(['The cat sat on the mat.']);
    assert.ok(cosine(cat, again) > 0.9999, 'deterministic, and independent of the batch it was in');
    assert.ok(client.lastLoadMs !== undefined && client.lastLoadMs > 0);
  } finally {
    await client.dispose();
  }
});

test('the client cancels a running request and the worker keeps serving', async () => {
  const client = new EmbeddingClient();
  try {
    await client.embed(['warm up']);
    const controller = new AbortController();
    const texts = Array.from({ length: 400 }, (_, i) => `Sentence ${i} about transformers, attention and long abstracts that take a while to embed.`);
    const running = client.embed(texts, { signal: controller.signal, onProgress: () => controller.abort() });
    await assert.rejects(running, EmbeddingCancelledError);
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(client.embed(['x'], { signal: aborted.signal }), EmbeddingCancelledError);
    const [after] = await client.embed(['still works']);
    assert.equal(after.length, 512);
  } finally {
    await client.dispose();
  }
});

test('a dying worker is restarted once and reported; the request still completes', async () => {
  const reports: [string, boolean][] = [];
  const client = new EmbeddingClient({ onWorkerCrash: (message, restarted) => reports.push([message, restarted]) });
  try {
    await client.embed(['first']);
    const firstThread = client.workerThreadId;
    const pending = client.embed(['survives the crash']);
    client.crashWorkerForTest(9);
    const [vector] = await pending;
    assert.equal(vector.length, 512);
    assert.equal(reports.length, 1);
    assert.match(reports[0][0], /stopped \(exit code 9\); it was restarted/);
    assert.equal(reports[0][1], true);
    assert.notEqual(client.workerThreadId, firstThread);
  } finally {
    await client.dispose();
  }
});

test('missing or corrupt weights give a clear ModelUnavailableError, not a crash', async () => {
  const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'paper-shelf-no-model-'));
  const missing = new EmbeddingClient({ files: { modelDir: empty, wasmDir: files.wasmDir } });
  try {
    await assert.rejects(missing.embed(['x']), (error: Error) => error instanceof ModelUnavailableError && /missing or unreadable.*Reinstall/.test(error.message));
  } finally {
    await missing.dispose();
  }
  const corrupt = await fs.mkdtemp(path.join(os.tmpdir(), 'paper-shelf-bad-model-'));
  for (const name of await fs.readdir(files.modelDir)) await fs.copyFile(path.join(files.modelDir, name), path.join(corrupt, name));
  await fs.writeFile(path.join(corrupt, 'group1-shard3of7'), 'truncated');
  const broken = new EmbeddingClient({ files: { modelDir: corrupt, wasmDir: files.wasmDir } });
  try {
    await assert.rejects(broken.embed(['x']), (error: Error) => error instanceof ModelUnavailableError && /corrupt/.test(error.message));
  } finally {
    await broken.dispose();
  }
});
