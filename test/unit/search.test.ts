import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { readLibraryFile } from '../../src/core/libraryStore';
import { Library } from '../../src/core/library';
import { PaperIndex } from '../../src/core/search/paperIndex';
import { parseQuery } from '../../src/core/search/queryParser';
import { makeSnippet } from '../../src/core/search/snippet';
import { LibrarySearch } from '../../src/library/librarySearch';
import { makePaper } from './paperFixtures';

const SAMPLE = path.join(__dirname, '..', '..', 'data', 'sample-library.json');
const loaded = readLibraryFile(SAMPLE).then(({ papers }) => ({ papers, index: PaperIndex.build(papers), library: new Library(papers) }));

async function topIds(query: string, limit = 10): Promise<string[]> {
  const { index, library } = await loaded;
  return index.search(query, { limit }).map((hit) => library.get(hit.id)?.citekey ?? hit.id);
}

test('"speculative decoding" ranks Leviathan et al. (arXiv 2211.17192) first', async () => {
  const { index, library } = await loaded;
  const hits = index.search('speculative decoding');
  assert.equal(library.get(hits[0].id)?.arxivId, '2211.17192');
  assert.ok(hits.length >= 2, 'other speculative decoding papers follow');
  for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].score >= hits[i].score, 'best first');
});

test('an exact title ranks its paper first', async () => {
  assert.equal((await topIds('Fast Inference from Transformers via Speculative Decoding'))[0], 'leviathan2022fast');
  const { papers } = await loaded;
  // Every title in the sample finds its own paper at the top.
  let misses = 0;
  for (const paper of papers) {
    const top = (await loaded).index.search(paper.title, { limit: 1 })[0];
    if (top?.id !== paper.id) misses++;
  }
  assert.equal(misses, 0);
});

test('author: and year: field queries filter', async () => {
  assert.deepEqual(await topIds('author:leviathan'), ['leviathan2022fast']);
  assert.deepEqual(await topIds('author: leviathan'), ['leviathan2022fast']);
  assert.deepEqual(await topIds('by:Leviathan decoding'), ['leviathan2022fast']);
  const { index, library, papers } = await loaded;
  const hits2024 = index.search('year:2024', { limit: 500 });
  assert.equal(hits2024.length, papers.filter((paper) => paper.year === 2024).length);
  assert.ok(hits2024.every((hit) => library.get(hit.id)?.year === 2024));
  const transformers2024 = index.search('year:2024 transformer', { limit: 500 });
  assert.ok(transformers2024.length > 0 && transformers2024.length < hits2024.length);
  assert.ok(transformers2024.every((hit) => library.get(hit.id)?.year === 2024));
  assert.deepEqual(await topIds('title:speculative author:leviathan'), ['leviathan2022fast']);
});

test('a partial last word is completed', async () => {
  assert.ok((await topIds('specul', 5)).includes('leviathan2022fast'));
  // "specula" is a prefix of "speculative" but not of its stem "specul": completion works on the words.
  assert.ok((await topIds('specula', 5)).includes('leviathan2022fast'));
  assert.equal((await topIds('speculative decod'))[0], 'leviathan2022fast');
  assert.equal((await topIds('fast inference from transf'))[0], 'leviathan2022fast');
  // A finished word (trailing space) is not completed any more.
  assert.deepEqual(await topIds('specula '), []);
});

test('one typo in longer words is tolerated', async () => {
  assert.equal((await topIds('speculatve decodng'))[0], 'leviathan2022fast');
  assert.equal((await topIds('levaithan'))[0], 'leviathan2022fast');
  // Short words need to be exact: a typo there matches too much.
  assert.deepEqual(await topIds('zqx'), []);
});

test('accents fold both ways', async () => {
  assert.equal((await topIds('deiseroth'))[0], 'neitemeier2025hierarchical');
  assert.equal((await topIds('Bjorn'))[0], 'neitemeier2025hierarchical');
  assert.equal((await topIds('Björn Deiseroth'))[0], 'neitemeier2025hierarchical');
  assert.equal((await topIds('Fleuret'))[0], 'katharopoulos2020transformers');
  assert.equal((await topIds('francois fleuret'))[0], 'katharopoulos2020transformers');
  assert.equal((await topIds('lancucki'))[0], 'nawrot2024dynamic');
  assert.equal((await topIds('author:Łańcucki'))[0], 'nawrot2024dynamic');
  assert.equal((await topIds('Sessler'))[0], 'borisov2022language');

  const muller = makePaper({ title: 'Sparse attention kernels', authors: ['Thomas Muller'], abstract: 'Kernels.' });
  const mueller = makePaper({ title: 'Dense attention', authors: ['Anna Müller'], abstract: 'We study Müller’s method.' });
  const index = PaperIndex.build([muller, mueller]);
  assert.deepEqual(new Set(index.search('Müller').map((hit) => hit.id)), new Set([muller.id, mueller.id]));
  assert.deepEqual(new Set(index.search('muller').map((hit) => hit.id)), new Set([muller.id, mueller.id]));
  // The typo and prefix paths fold too (a wildcard term skips lunr's pipeline, ours does not).
  assert.deepEqual(new Set(index.search('Müll').map((hit) => hit.id)), new Set([muller.id, mueller.id]));
  assert.deepEqual(new Set(index.search('Mülller').map((hit) => hit.id)), new Set([muller.id, mueller.id]));
});

test('citekeys and arXiv ids are searchable', async () => {
  assert.equal((await topIds('2211.17192'))[0], 'leviathan2022fast');
  assert.equal((await topIds('arxiv:2211.17192'))[0], 'leviathan2022fast');
  assert.equal((await topIds('leviathan2022fast'))[0], 'leviathan2022fast');
});

test('+required and -prohibited words', async () => {
  const { index, library } = await loaded;
  const without = index.search('speculative decoding -jacobi', { limit: 50 });
  assert.ok(without.length > 0);
  assert.ok(without.every((hit) => !/jacobi/i.test(`${library.get(hit.id)?.title} ${library.get(hit.id)?.abstract}`)));
  const required = index.search('decoding +speculative', { limit: 50 });
  assert.ok(required.every((hit) => /speculat/i.test(`${library.get(hit.id)?.title} ${library.get(hit.id)?.abstract}`)));
});

test('malformed queries never throw and give results or an empty list', async () => {
  const { index } = await loaded;
  const queries = [
    '', ' ', 'title:', 'title: ', 'author:', ':', '::', '+', '-', '+ -', '- speculative', '+speculative', '--x', '~', '^', '*', '**', '~1', '^2',
    'speculative~', 'speculative^', 'speculative~2', 'speculative^10', 'spec*', '*decoding', 'spe*ulative', '"speculative decoding', '"', '""', '"unbalanced',
    'unknownfield:foo', 'foo:bar:baz', 'year:', 'year:abc', 'year:20', 'title:"', '(', ')', '[', '{', '\\', '\u0000', '\ud800', 'a'.repeat(5000),
    Array.from({ length: 200 }, (_, i) => `word${i}`).join(' '), '🙂 emoji', '数据', 'Ελληνικά', 'author:"le scao"', '-speculative', '- - -', 'title:+', '+title:',
  ];
  for (const query of queries) {
    let hits: unknown;
    assert.doesNotThrow(() => {
      hits = index.search(query);
    }, `query ${JSON.stringify(query.slice(0, 40))}`);
    assert.ok(Array.isArray(hits));
  }
  assert.equal((await topIds('"speculative decoding'))[0], 'leviathan2022fast');
  assert.equal((await topIds('speculative~1 decoding^2'))[0], 'leviathan2022fast');
  assert.equal((await topIds('unknownfield:speculative decoding'))[0], 'leviathan2022fast');
  assert.deepEqual(await topIds('title:'), []);
  assert.deepEqual(index.search('speculative', { limit: 0 }), []);
});

test('hits carry a snippet around the first matched word of the abstract', async () => {
  const { index, library } = await loaded;
  const [hit] = index.search('speculative decoding', { limit: 1 });
  assert.ok(hit.snippet.length > 0 && hit.snippet.length <= 165);
  assert.match(hit.snippet.toLowerCase(), /speculative|decoding/);
  const abstract = library.get(hit.id)?.abstract ?? '';
  assert.ok(abstract.replace(/\s+/g, ' ').includes(hit.snippet.replace(/^…|…$/g, '')));
  // A match deep in an abstract starts the snippet near it, not at the beginning.
  const paper = makePaper({ title: 'X', abstract: `${'filler words here. '.repeat(30)}The needle appears late in this abstract.` });
  const snippet = PaperIndex.build([paper]).search('needle')[0].snippet;
  assert.ok(snippet.startsWith('…') && snippet.includes('needle'));
});

test('limit is respected and results are deterministic', async () => {
  const { index } = await loaded;
  assert.equal(index.search('transformer', { limit: 3 }).length, 3);
  assert.deepEqual(index.search('language model', { limit: 30 }), index.search('language model', { limit: 30 }));
});

test('makeSnippet cuts at word boundaries', () => {
  assert.equal(makeSnippet('short text'), 'short text');
  const long = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
  const snippet = makeSnippet(long, long.indexOf('w50'));
  assert.ok(snippet.startsWith('…') && snippet.endsWith('…'));
  assert.ok(snippet.includes('w50'));
  assert.ok(!/^…\S*\d \S/.test(snippet) || snippet.split(' ').every((word) => /^…?w\d+…?$/.test(word)));
});

test('parseQuery marks the last word as partial only while it is being typed', () => {
  assert.deepEqual(parseQuery('speculative deco').map((word) => word.prefix), [false, true]);
  assert.deepEqual(parseQuery('speculative deco ').map((word) => word.prefix), [false, false]);
  assert.deepEqual(parseQuery('author:Müller').map(({ word, fields, presence }) => ({ word, fields, presence })), [{ word: 'muller', fields: ['authors'], presence: 'required' }]);
});

test('LibrarySearch keeps one index per library snapshot and rebuilds when it changes', async () => {
  const { papers } = await loaded;
  let library = new Library(papers);
  const search = new LibrarySearch(() => library);
  const first = search.index();
  assert.equal(search.index(), first, 'same snapshot, same index');
  assert.equal(search.search('speculative decoding')[0].id, 'arxiv:2211.17192');
  const extra = makePaper({ title: 'Zymurgy for transformers', abstract: 'Brewing.' });
  library = library.withPapers([...papers, extra]);
  assert.notEqual(search.index(), first, 'a new snapshot gets a new index');
  assert.equal(search.search('zymurgy')[0].id, extra.id);
  const lexical = await search.rank('speculative decoding', { mode: 'hybrid' });
  assert.equal(lexical.mode, 'lexical', 'without a semantic source hybrid falls back to lexical');
  assert.equal(lexical.hits[0].id, 'arxiv:2211.17192');
});

test('LibrarySearch fuses a semantic source in hybrid mode and falls back when it fails', async () => {
  const a = makePaper({ title: 'Alpha decoding', abstract: 'Speculative decoding with drafts.' });
  const b = makePaper({ title: 'Beta', abstract: 'Nothing lexical in common with the query at all.' });
  const library = new Library([a, b]);
  const search = new LibrarySearch(() => library);
  const vectors = new Map([[a.id, Float32Array.from([1, 0])], [b.id, Float32Array.from([0, 1])]]);
  search.setSemanticSource({ paperVectors: async () => vectors, embedQuery: async () => Float32Array.from([0, 1]) });
  const semantic = await search.rank('a paraphrase', { mode: 'semantic' });
  assert.equal(semantic.mode, 'semantic');
  assert.equal(semantic.hits[0].id, b.id);
  const hybrid = await search.rank('speculative decoding', { mode: 'hybrid' });
  assert.equal(hybrid.mode, 'hybrid');
  assert.deepEqual(new Set(hybrid.hits.map((hit) => hit.id)), new Set([a.id, b.id]));
  assert.equal(hybrid.hits[0].id, a.id, 'a query the words explain fully stays lexical at the top');
  search.setSemanticSource({ paperVectors: async () => vectors, embedQuery: async () => Promise.reject(new Error('model missing')) });
  const fallback = await search.rank('speculative decoding', { mode: 'hybrid' });
  assert.equal(fallback.mode, 'lexical');
  assert.match(fallback.notice ?? '', /model missing/);
  assert.equal(fallback.hits[0].id, a.id);
});
