import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Paper } from '../../src/core/paper';
import { papersFromRecords } from '../../src/core/paperRecord';
import { importText, previewImport, mergeLinkedBibliography, formatPreviewSummary, ParsedImport } from '../../src/core/importers';

function paper(fields: Partial<Paper> & Pick<Paper, 'id' | 'citekey' | 'title'>): Paper {
  return { authors: [], abstract: '', tags: [], status: 'unread', ...fields };
}

const library: Paper[] = [
  paper({ id: 'arxiv:1706.03762', citekey: 'vaswani2017attention', title: 'Attention Is All You Need', arxivId: '1706.03762' }),
  paper({ id: 'doi:10.1000/abc', citekey: 'smith2020abc', title: 'Some Journal Paper', doi: '10.1000/ABC' }),
  paper({ id: 'title:1', citekey: 'doe2019deep', title: 'Deep Learning for Everyone' }),
];

test('duplicates by arXiv id (any version), DOI (any case or URL form) and normalized title; within the file too', () => {
  const bib = String.raw`
@misc{a, title={Attention is all you need (v5)}, eprint={1706.03762v5}, archivePrefix={arXiv}}
@article{b, title={Renamed}, doi={https://doi.org/10.1000/abc}}
@article{c, title={{D}eep {L}earning for {\'E}veryone!}}
@article{d, title={A Genuinely New Paper}, year=2024, author={Lee, Kim}}
@article{e, title={A genuinely new paper}}
@article{vaswani2017attention, title={Another Paper With a Taken Key}}
@article{broken, title={x}
`;
  const preview = previewImport(library, importText(bib, 'x.bib'));
  assert.equal(preview.added, 2);
  assert.equal(preview.duplicates, 4);
  assert.deepEqual(preview.duplicateEntries.map((entry) => [entry.line, entry.reason, entry.existingId]), [
    [2, 'arXiv id', 'arxiv:1706.03762'],
    [3, 'DOI', 'doi:10.1000/abc'],
    [4, 'title', 'title:1'],
    [6, 'title', preview.papers[0].id],
  ]);
  assert.deepEqual(preview.papers.map((p) => p.citekey), ['d', 'vaswani2017attentiona']);
  assert.deepEqual(preview.errors.map((error) => error.line), [8]);
  assert.match(formatPreviewSummary(preview), /^2 new, 4 duplicates \(same arXiv id \/ DOI \/ normalized title\), 1 entry with errors \(line 8: unbalanced brace/);
});

test('previewed papers are valid library records: ids unique, citekeys unique, status unread', () => {
  const parsed = importText('@a{k, title={T1}}\n@a{k, title={T2}}\n@a{k2, title={\\\\}}\n@a{k3, title={日本語のタイトル}}\n@a{k4, title={中文标题}}', 'x.bib');
  const preview = previewImport([], parsed);
  assert.deepEqual(preview.papers.map((p) => p.citekey), ['k', 'ka', 'k3', 'k4']);
  assert.equal(new Set(preview.papers.map((p) => p.id)).size, preview.papers.length);
  const roundTrip = papersFromRecords(JSON.parse(JSON.stringify(preview.papers)));
  assert.deepEqual(roundTrip.problems, []);
  assert.deepEqual(roundTrip.papers, preview.papers);
});

test('nothing in the preview mutates the library passed in', () => {
  const before = JSON.stringify(library);
  previewImport(library, importText('@a{new, title={New}}', 'x.bib'));
  assert.equal(JSON.stringify(library), before);
});

function parsedBib(source: string): ParsedImport {
  return importText(source, 'linked.bib');
}

test('a linked bibliography re-read keeps user data for entries that stay, updates metadata, drops removed, adds new', () => {
  const source = '/home/me/refs.bib';
  const first = mergeLinkedBibliography(library, source, parsedBib('@a{one, title={One}, year=2020}\n@a{two, title={Two}}\n@a{three, title={Three}, abstract={Old}}'));
  assert.equal(first.added, 3);
  const linked = first.papers.filter((p) => p.linkedFrom === source);
  assert.equal(linked.length, 3);
  // The user tags, stars, reads and organizes.
  const edited = first.papers.map((p) =>
    p.citekey === 'one' ? { ...p, tags: ['mine'], status: 'read' as const, starred: true, topic: 'Pets', topicLocked: true }
      : p.citekey === 'three' ? { ...p, summary: 'tl;dr of old' } : p);
  const second = mergeLinkedBibliography(edited, source, parsedBib('@a{one, title={One, Revised}, year=2021}\n@a{three, title={Three}, abstract={New}}\n@a{four, title={Four}}\n@a{dup, title={Attention Is All You Need}}'));
  assert.deepEqual([second.added, second.updated, second.removed, second.duplicates], [1, 2, 1, 1]);
  const one = second.papers.find((p) => p.citekey === 'one')!;
  const oldOne = edited.find((p) => p.citekey === 'one')!;
  assert.equal(one.id, oldOne.id);
  assert.equal(one.title, 'One, Revised');
  assert.equal(one.year, 2021);
  assert.deepEqual([one.tags, one.status, one.starred, one.topic, one.topicLocked], [['mine'], 'read', true, 'Pets', true]);
  assert.equal(second.papers.find((p) => p.citekey === 'three')!.summary, undefined, 'a TL;DR of a changed abstract is dropped');
  assert.equal(second.papers.find((p) => p.citekey === 'two'), undefined);
  // Papers that are not from this link are untouched and stay first, in order.
  assert.deepEqual(second.papers.slice(0, 3), library);
});
