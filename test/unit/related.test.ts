import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Paper } from '../../src/core/paper';
import { RelatedIndex } from '../../src/core/related';
import { hybridRanking, lexicalCoverage, reciprocalRankFusion, semanticRanking, isSearchMode } from '../../src/core/search/hybrid';

function paper(id: string, title: string, abstract = ''): Paper {
  return { id, citekey: id, title, authors: [], abstract, tags: [], status: 'unread' };
}

const papers = [
  paper('kv1', 'Compressing the KV cache', 'Key-value cache memory grows with context length; we compress the cache.'),
  paper('kv2', 'Constant-size KV cache for dialogue', 'A bounded key-value cache keeps memory constant for long dialogue.'),
  paper('mesh1', 'Mesh generation with transformers', 'Artist-like triangle meshes from point clouds.'),
  paper('mesh2', 'Articulated mesh assets', 'Triangle meshes with moving parts for games.'),
  paper('spec', 'Speculative decoding', 'A draft model proposes tokens the target model verifies.'),
];

test('related papers by words: the nearest paper shares the rare words, the paper itself is left out', () => {
  const index = new RelatedIndex(papers);
  const related = index.related('kv1', 3);
  assert.equal(related[0].id, 'kv2');
  assert.ok(!related.some((hit) => hit.id === 'kv1'));
  assert.equal(index.related('mesh1', 1)[0].id, 'mesh2');
  assert.deepEqual(index.related('missing'), []);
  assert.equal(index.related('kv1', 10).length, 4);
});

test('related papers with known embeddings: the embedding neighbour wins when words do not decide', () => {
  // spec and mesh2 share no words with kv1; the vectors say spec is kv1's neighbour.
  const vectors = new Map<string, Float32Array>([
    ['kv1', Float32Array.from([1, 0, 0])],
    ['kv2', Float32Array.from([0.9, 0.1, 0])],
    ['mesh1', Float32Array.from([0, 1, 0])],
    ['mesh2', Float32Array.from([0, 0.9, 0.1])],
    ['spec', Float32Array.from([0.95, 0, 0.05])],
  ]);
  const index = new RelatedIndex(papers, vectors, 0);
  assert.ok(index.semantic);
  const related = index.related('kv1', 4).map((hit) => hit.id);
  assert.deepEqual(related.slice(0, 2).sort(), ['kv2', 'spec']);
  assert.ok(related.indexOf('mesh1') > 1 && related.indexOf('mesh2') > 1);
  const mixed = new RelatedIndex(papers, vectors, 0.5).related('kv1', 1);
  assert.equal(mixed[0].id, 'kv2');
});

test('reciprocal rank fusion rewards agreement and keeps weights', () => {
  const fused = reciprocalRankFusion([{ ids: ['a', 'b', 'c'] }, { ids: ['b', 'c', 'd'] }]);
  assert.deepEqual(fused.map((hit) => hit.id), ['b', 'c', 'a', 'd']);
  assert.ok(Math.abs(fused[0].score - (1 / 62 + 1 / 61)) < 1e-12);
  const weighted = reciprocalRankFusion([{ ids: ['a', 'b'], weight: 0.1 }, { ids: ['b', 'a'], weight: 1 }]);
  assert.equal(weighted[0].id, 'b');
  assert.deepEqual(reciprocalRankFusion([]), []);
});

test('semantic ranking orders by cosine, optionally after centering', () => {
  const vectors = new Map([['x', Float32Array.from([1, 0])], ['y', Float32Array.from([0, 1])], ['z', Float32Array.from([0.7, 0.7])]]);
  assert.deepEqual(semanticRanking(Float32Array.from([1, 0.1]), vectors).map((hit) => hit.id), ['x', 'z', 'y']);
  assert.deepEqual(semanticRanking(Float32Array.from([1, 0.1]), vectors, { limit: 1 }).map((hit) => hit.id), ['x']);
});

test('lexical coverage: full for matched words (typos, plurals), low for paraphrases', () => {
  const texts = ['Fast inference from transformers via speculative decoding. Draft models propose tokens.'];
  assert.equal(lexicalCoverage('speculative decoding', texts), 1);
  assert.equal(lexicalCoverage('speculatve decodng', texts), 1);
  assert.equal(lexicalCoverage('how does speculative decoding work?', texts), 1);
  assert.ok(lexicalCoverage('guess ahead with a cheap helper network', texts) < 0.3);
  assert.equal(lexicalCoverage('the of and', texts), 0);
});

test('hybrid ranking: full coverage keeps the lexical order, no coverage follows the semantic list', () => {
  const semantic = [{ id: 's1', score: 0.9 }, { id: 's2', score: 0.8 }, { id: 'l2', score: 0.1 }];
  // Full coverage: lunr's hits come before any semantic-only hit (the semantic list may reorder lunr's near-ties).
  assert.deepEqual(hybridRanking(['l1', 'l2'], semantic, { coverage: 1 }).slice(0, 2).map((hit) => hit.id).sort(), ['l1', 'l2']);
  assert.deepEqual(hybridRanking(['l1', 'l2'], semantic, { coverage: 0 }).slice(0, 2).map((hit) => hit.id), ['s1', 's2']);
  assert.equal(hybridRanking(['l1'], semantic, { limit: 2 }).length, 2);
  assert.ok(isSearchMode('hybrid') && !isSearchMode('fuzzy'));
});
