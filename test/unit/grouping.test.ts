import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FALLBACK_GROUP_KEY, GROUP_BY_MODES, groupPapers, isGroupBy, compareLabels } from '../../src/core/grouping';
import { makePaper } from './paperFixtures';

const labels = (groups: { label: string }[]) => groups.map((group) => group.label);
const titles = (group: { papers: { title: string }[] }) => group.papers.map((paper) => paper.title);

test('topic groups sort largest first, ties alphabetically, Unsorted last', () => {
  const papers = [
    makePaper({ title: 'a', topic: 'Vision' }),
    makePaper({ title: 'b' }),
    makePaper({ title: 'c', topic: 'Decoding' }),
    makePaper({ title: 'd', topic: 'Vision' }),
    makePaper({ title: 'e', topic: 'Audio' }),
    makePaper({ title: 'f', topic: 'Decoding' }),
    makePaper({ title: 'g', topic: 'Vision' }),
  ];
  const groups = groupPapers(papers, 'topic');
  assert.deepEqual(labels(groups), ['Vision', 'Decoding', 'Audio', 'Unsorted']);
  assert.deepEqual(titles(groups[0]), ['a', 'd', 'g'], 'library order is kept inside a group');
  assert.deepEqual(titles(groups[3]), ['b']);
  assert.equal(groups[3].key, FALLBACK_GROUP_KEY);
});

test('a topic literally named "Unsorted" joins the fallback group instead of duplicating it', () => {
  const groups = groupPapers([makePaper({ topic: 'unsorted' }), makePaper({ topic: 'Big' }), makePaper({ topic: 'Big' }), makePaper()], 'topic');
  assert.deepEqual(labels(groups), ['Big', 'Unsorted']);
  assert.equal(groups[1].papers.length, 2);
});

test('text values differing only in case or accents share a group labelled as first seen', () => {
  const groups = groupPapers([makePaper({ venue: 'NeurIPS 2023' }), makePaper({ venue: 'neurips  2023' }), makePaper({ venue: 'Société' }), makePaper({ venue: 'societe' })], 'venue');
  assert.deepEqual(labels(groups), ['NeurIPS 2023', 'Société']);
  assert.deepEqual(groups.map((group) => group.papers.length), [2, 2]);
});

test('years are newest first with "No year" last', () => {
  const groups = groupPapers([makePaper({ year: 2017 }), makePaper({}), makePaper({ year: 2024 }), makePaper({ year: 2020 }), makePaper({ year: 2024 })], 'year');
  assert.deepEqual(labels(groups), ['2024', '2020', '2017', 'No year']);
  assert.equal(groups[0].papers.length, 2);
});

test('venues sort alphabetically (numbers naturally), "No venue" last', () => {
  const groups = groupPapers([makePaper({ venue: 'ICML 2024' }), makePaper({ venue: 'arXiv' }), makePaper({}), makePaper({ venue: 'ACL 2023' }), makePaper({ venue: 'ICML 10' }), makePaper({ venue: 'ICML 9' })], 'venue');
  assert.deepEqual(labels(groups), ['ACL 2023', 'arXiv', 'ICML 9', 'ICML 10', 'ICML 2024', 'No venue']);
});

test('tags: a paper appears under each of its tags once, untagged papers under "Untagged" last', () => {
  const both = makePaper({ title: 'both', tags: ['survey', 'to-cite', 'Survey'] });
  const groups = groupPapers([makePaper({ title: 'plain' }), both, makePaper({ title: 'cite', tags: ['to-cite'] })], 'tag');
  assert.deepEqual(labels(groups), ['survey', 'to-cite', 'Untagged']);
  assert.deepEqual(titles(groups[0]), ['both']);
  assert.deepEqual(titles(groups[1]), ['both', 'cite']);
  assert.deepEqual(titles(groups[2]), ['plain']);
});

test('status groups come as Reading, Unread, Read and empty statuses are left out', () => {
  const groups = groupPapers([makePaper({ status: 'read' }), makePaper({ status: 'unread' }), makePaper({ status: 'reading' }), makePaper({ status: 'read' })], 'status');
  assert.deepEqual(labels(groups), ['Reading', 'Unread', 'Read']);
  assert.deepEqual(groups.map((group) => group.key), ['reading', 'unread', 'read']);
  assert.deepEqual(labels(groupPapers([makePaper({ status: 'read' })], 'status')), ['Read']);
});

test('every mode handles an empty library and keeps every paper', () => {
  const papers = [makePaper({ topic: 'T', year: 2020, venue: 'V', tags: ['x'], status: 'reading' }), makePaper({})];
  for (const mode of GROUP_BY_MODES) {
    assert.deepEqual(groupPapers([], mode), [], mode);
    const shown = new Set(groupPapers(papers, mode).flatMap((group) => group.papers.map((paper) => paper.id)));
    assert.equal(shown.size, 2, `${mode} shows every paper`);
  }
});

test('isGroupBy accepts the modes only', () => {
  assert.equal(isGroupBy('tag'), true);
  assert.equal(isGroupBy('author'), false);
  assert.equal(isGroupBy(undefined), false);
});

test('labels compare ignoring case and accents, with numbers in numeric order', () => {
  const sorted = ['Zeta', 'Émile 10', 'emile 9', 'alpha', 'Alpha 2', 'Ångström', 'beta'].sort(compareLabels);
  assert.deepEqual(sorted, ['alpha', 'Alpha 2', 'Ångström', 'beta', 'emile 9', 'Émile 10', 'Zeta']);
  assert.equal(compareLabels('Müller', 'muller') !== 0, true, 'labels that differ only in case or accents still get a fixed order');
});
