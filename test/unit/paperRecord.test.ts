import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paperFromRecord, papersFromRecords } from '../../src/core/paperRecord';

test('a minimal entry gets an id, a citekey, an empty abstract and tags, and status unread', () => {
  const paper = paperFromRecord({ title: '  Fast Inference from Transformers via Speculative Decoding ', authors: ['Yaniv Leviathan'], year: 2022 }, new Set());
  assert.ok(typeof paper !== 'string');
  assert.equal(paper.title, 'Fast Inference from Transformers via Speculative Decoding');
  assert.equal(paper.citekey, 'leviathan2022fast');
  assert.match(paper.id, /^title:[0-9a-f]{12}$/);
  assert.equal(paper.abstract, '');
  assert.deepEqual(paper.tags, []);
  assert.equal(paper.status, 'unread');
  assert.ok(!('venue' in paper), 'absent optional fields are left out, not stored as undefined');
});

test('the id comes from the arXiv id, else the DOI, and an explicit id is kept', () => {
  const taken = new Set<string>();
  const arxiv = paperFromRecord({ title: 'T', arxivId: '2211.17192', doi: '10.1/X' }, taken);
  const doi = paperFromRecord({ title: 'T', doi: '10.48550/ARXIV.1' }, taken);
  const explicit = paperFromRecord({ title: 'T', id: 'my-id', arxivId: '1' }, taken);
  assert.equal(typeof arxiv !== 'string' && arxiv.id, 'arxiv:2211.17192');
  assert.equal(typeof doi !== 'string' && doi.id, 'doi:10.48550/arxiv.1');
  assert.equal(typeof explicit !== 'string' && explicit.id, 'my-id');
});

test('entries missing a title or with wrong types are reported by position; valid ones still load', () => {
  const { papers, problems } = papersFromRecords([
    { title: 'Good one', authors: ['A B'], year: '2021', tags: [' t ', ''], status: 'reading' },
    { authors: ['No Title'] },
    { title: '   ' },
    { title: 'Bad authors', authors: 'A B' },
    { title: 'Bad author item', authors: ['A', 3] },
    { title: 'Bad tags', tags: 'x' },
    { title: 'Bad year', year: '20x1' },
    { title: 'Fractional year', year: 2021.5 },
    { title: 'Far year', year: 99999 },
    { title: 'Bad status', status: 'done' },
    { title: 'Bad abstract', abstract: 5 },
    42,
    null,
    ['title'],
    { title: 'Good two', year: '', authors: null, tags: null },
  ]);
  assert.deepEqual(papers.map((paper) => paper.title), ['Good one', 'Good two']);
  assert.equal(papers[0].year, 2021);
  assert.deepEqual(papers[0].tags, ['t']);
  assert.equal(papers[0].status, 'reading');
  assert.equal(papers[1].year, undefined, 'a blank year means no year');
  assert.deepEqual(papers[1].authors, []);
  assert.deepEqual(problems.map((problem) => problem.index), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  assert.equal(problems[0].message, 'paper 2 has no title');
  assert.equal(problems[2].message, 'paper 4 "Bad authors": authors must be a list of names');
  assert.equal(problems[5].message, 'paper 7 "Bad year": year must be a whole number like 2024');
  assert.equal(problems[8].message, 'paper 10 "Bad status": status must be one of unread, reading, read');
  assert.equal(problems[10].message, 'paper 12 is not an object');
});

test('generated citekeys never take a key owned by any entry and clash with suffixes a, b …', () => {
  const { papers } = papersFromRecords([
    { title: 'Fast Inference from Transformers via Speculative Decoding', authors: ['Yaniv Leviathan'], year: 2022 },
    { title: 'Fast Again', authors: ['Yaniv Leviathan'], year: 2022 },
    { title: 'Owned later', authors: ['Y Leviathan'], year: 2022, citekey: 'leviathan2022fast' },
  ]);
  assert.deepEqual(papers.map((paper) => paper.citekey), ['leviathan2022fasta', 'leviathan2022fastb', 'leviathan2022fast']);
});

test('a citekey repeated in the file stays with its first paper; later ones get a suffix, so keys are unique', () => {
  const { papers, problems } = papersFromRecords([
    { title: 'One', citekey: 'dup' },
    { title: 'Two', citekey: 'dup' },
    { title: 'Three', citekey: 'dupa' },
    { title: 'Four', citekey: 'dup' },
  ]);
  assert.deepEqual(problems, []);
  assert.deepEqual(papers.map((paper) => paper.citekey), ['dup', 'dupb', 'dupa', 'dupc']);
});

test('a repeated id is reported and the first paper with it kept', () => {
  const { papers, problems } = papersFromRecords([{ title: 'A', arxivId: '1' }, { title: 'B', arxivId: '1' }]);
  assert.deepEqual(papers.map((paper) => paper.title), ['A']);
  assert.deepEqual(problems, [{ index: 1, message: 'paper 2 repeats id arxiv:1' }]);
});
