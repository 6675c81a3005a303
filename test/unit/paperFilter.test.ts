import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPaperFilter, filterHighlights, filterPapers, filterWords } from '../../src/core/paperFilter';
import { makePaper } from './paperFixtures';

const leviathan = makePaper({
  title: 'Fast Inference from Transformers via Speculative Decoding',
  authors: ['Yaniv Leviathan', 'Matan Kalman', 'Yossi Matias'],
  citekey: 'leviathan2022fast',
  topic: 'Decoding',
  tags: ['to-read'],
  venue: 'ICML 2023',
  arxivId: '2211.17192',
});
const muller = makePaper({ title: 'Über Attention', authors: ['Jürgen Müller'], citekey: 'muller2020uber' });
const papers = [leviathan, muller];
const titlesFor = (filter: string) => filterPapers(papers, filter).map((paper) => paper.title);

test('a blank filter keeps everything', () => {
  assert.equal(createPaperFilter('   '), undefined);
  assert.equal(filterPapers(papers, ''), papers);
});

test('every word must match somewhere: title, authors, citekey, topic, tags, venue or arXiv id', () => {
  assert.deepEqual(titlesFor('speculative'), [leviathan.title]);
  assert.deepEqual(titlesFor('kalman'), [leviathan.title]);
  assert.deepEqual(titlesFor('leviathan2022'), [leviathan.title]);
  assert.deepEqual(titlesFor('decoding'), [leviathan.title]);
  assert.deepEqual(titlesFor('to-read'), [leviathan.title]);
  assert.deepEqual(titlesFor('icml'), [leviathan.title]);
  assert.deepEqual(titlesFor('2211.17192'), [leviathan.title]);
  assert.deepEqual(titlesFor('speculative muller'), []);
  assert.deepEqual(titlesFor('attention'), [muller.title]);
});

test('case, accents and partial words are tolerated both ways', () => {
  assert.deepEqual(titlesFor('MULLER'), [muller.title]);
  assert.deepEqual(titlesFor('müller'), [muller.title]);
  assert.deepEqual(titlesFor('uber'), [muller.title]);
  assert.deepEqual(titlesFor('transf'), [leviathan.title]);
  assert.deepEqual(titlesFor('former'), [leviathan.title]);
});

test('quotes, a leading @ and trailing punctuation are ignored', () => {
  assert.deepEqual(filterWords('"Speculative Decoding", @Leviathan2022fast!'), ['speculative', 'decoding', 'leviathan2022fast']);
  assert.deepEqual(titlesFor('@leviathan2022fast'), [leviathan.title]);
});

test('abstracts are not searched (the tree filter is about what people remember a paper by)', () => {
  const paper = makePaper({ title: 'Plain', abstract: 'mentions zebra' });
  assert.deepEqual(filterPapers([paper], 'zebra'), []);
});

test('a paper edited in place is matched on its new text', () => {
  const paper = makePaper({ title: 'Old Title', tags: [] });
  assert.equal(filterPapers([paper], 'old').length, 1);
  paper.title = 'Brand New';
  paper.tags.push('Überblick');
  assert.equal(filterPapers([paper], 'old').length, 0);
  assert.equal(filterPapers([paper], 'new uberblick').length, 1);
});

test('filterHighlights marks every occurrence of each word, merging overlaps', () => {
  assert.deepEqual(filterHighlights('Speculative Decoding for Speculative Sampling', 'spec decoding'), [[0, 4], [12, 20], [25, 29]]);
  assert.deepEqual(filterHighlights('Transformers', 'transf former'), [[0, 11]]);
  assert.deepEqual(filterHighlights('Attention', ''), []);
  assert.deepEqual(filterHighlights('Attention', 'zzz'), []);
});
