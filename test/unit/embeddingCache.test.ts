import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddingCache } from '../../src/model/embeddingCache';
import { EmbeddingService, type EmbeddingBackend } from '../../src/model/embeddingService';

const vector = (...values: number[]) => Float32Array.from(values);

async function tempFile(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'paper-shelf-cache-'));
  return path.join(dir, 'embeddings-cache.json');
}

/** Counts what reaches the "model": a deterministic fake that encodes the text length. */
class CountingBackend implements EmbeddingBackend {
  readonly id = 'fake-model';
  readonly dimension = 2;
  embedded: string[] = [];
  async embed(texts: string[]): Promise<Float32Array[]> {
    this.embedded.push(...texts);
    return texts.map((text) => vector(text.length, 1));
  }
}

test('entries survive a restart (save, reopen) and are keyed by model id and exact text', async () => {
  const file = await tempFile();
  const cache = await EmbeddingCache.open(file);
  cache.set('m1', 'hello', vector(1, 2, 3));
  await cache.save();
  const reopened = await EmbeddingCache.open(file);
  assert.deepEqual([...reopened.get('m1', 'hello')!], [1, 2, 3]);
  assert.equal(reopened.get('m2', 'hello'), undefined);
  assert.equal(reopened.get('m1', 'hello '), undefined);
  assert.equal(reopened.discardedReason, undefined);
});

test('a corrupt cache file is discarded, not fatal, and replaced on the next save', async () => {
  const file = await tempFile();
  for (const junk of ['{not json', '{"format":"something-else","version":1,"entries":[]}', '{"format":"paper-shelf-embedding-cache","version":1,"entries":[["k",1,"###"]]}', '']) {
    await fs.writeFile(file, junk);
    const cache = await EmbeddingCache.open(file);
    assert.equal(cache.size, 0);
    assert.match(cache.discardedReason ?? '', /corrupt/);
    cache.set('m', 'x', vector(1));
    await cache.save();
    assert.deepEqual([...(await EmbeddingCache.open(file)).get('m', 'x')!], [1]);
  }
});

test('the bound is respected, evicting the least recently used entries', async () => {
  const file = await tempFile();
  const cache = await EmbeddingCache.open(file, 3);
  cache.set('m', 'a', vector(1));
  cache.set('m', 'b', vector(2));
  cache.set('m', 'c', vector(3));
  cache.get('m', 'a'); // a is now more recent than b
  cache.set('m', 'd', vector(4));
  assert.equal(cache.size, 3);
  assert.equal(cache.get('m', 'b'), undefined);
  assert.ok(cache.get('m', 'a') && cache.get('m', 'c') && cache.get('m', 'd'));
  await cache.save();
  const smaller = await EmbeddingCache.open(file, 2);
  assert.equal(smaller.size, 2);
});

test('saves are atomic: no temp files are left and a failed save keeps the old file', async () => {
  const file = await tempFile();
  const cache = await EmbeddingCache.open(file);
  cache.set('m', 'a', vector(1));
  await cache.save();
  assert.deepEqual(await fs.readdir(path.dirname(file)), ['embeddings-cache.json']);
  const before = await fs.readFile(file, 'utf8');
  await fs.chmod(path.dirname(file), 0o500);
  cache.set('m', 'b', vector(2));
  try {
    if (process.getuid?.() !== 0) await assert.rejects(cache.save());
  } catch {
    // root ignores directory permissions; the content check below still holds
  } finally {
    await fs.chmod(path.dirname(file), 0o700);
  }
  const after = await fs.readFile(file, 'utf8');
  assert.ok(after === before || JSON.parse(after).entries.length === 2);
});

test('the service embeds only misses, deduplicates, and re-embeds a changed text', async () => {
  const file = await tempFile();
  const backend = new CountingBackend();
  const service = new EmbeddingService(backend, await EmbeddingCache.open(file));
  const first = await service.embed(['abc', 'de', 'abc']);
  assert.deepEqual(first.map((v) => v[0]), [3, 2, 3]);
  assert.deepEqual(backend.embedded, ['abc', 'de']);
  const restarted = new EmbeddingService(backend, await EmbeddingCache.open(file));
  await restarted.embed(['abc', 'de']);
  assert.deepEqual(backend.embedded, ['abc', 'de'], 'answered from the cache file after a restart');
  const changed = await restarted.embed(['abcd']);
  assert.equal(changed[0][0], 4);
  assert.deepEqual(backend.embedded, ['abc', 'de', 'abcd']);
});
