import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importText, importFiles, detectFormat, ImportRefusedError, MAX_IMPORT_BYTES, readImportFile, formatPreviewSummary, previewImport } from '../../src/core/importers';

const fixtures = path.join(__dirname, '..', 'fixtures', 'import');
const read = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const HF_LISTING = path.join(__dirname, '..', '..', '..', 'shared', 'seed', 'hf-papers-listing.txt');

test('CSL-JSON (Zotero / Better BibTeX): keys, names with particles, dates, arXiv from number/URL, DOI from URL, item lines', () => {
  const result = importText(read('sample-csl.json'), 'library.json');
  assert.equal(result.format, 'csl-json');
  assert.deepEqual(result.entries.map(({ draft, line }) => [draft.citekey, line]), [['radford2019language', 2], ['kaplan2020scaling', 12], ['beethoven', 24]]);
  const [radford, kaplan, beethoven] = result.entries.map(({ draft }) => draft);
  assert.deepEqual(radford.authors, ['Alec Radford', 'Jeffrey Wu']);
  assert.equal(radford.year, 2019);
  assert.equal(kaplan.arxivId, '2001.08361');
  assert.equal(kaplan.year, 2020);
  assert.deepEqual(kaplan.authors, ['Jared Kaplan', 'OpenAI']);
  assert.deepEqual(beethoven.authors, ['Ludwig van Beethoven']);
  assert.equal(beethoven.doi, '10.5555/sym.1808');
  assert.equal(beethoven.year, 1808);
  assert.deepEqual(result.errors, [{ line: 23, message: 'item 3 (noTitle) has no title (skipped)' }]);
});

test('CSL-JSON syntax errors are reported with a line, not thrown', () => {
  const result = importText('[\n  {"title": "A"},\n  {"title": }\n]', 'x.json');
  assert.equal(result.entries.length, 0);
  assert.equal(result.errors.length, 1);
  assert.equal(result.errors[0].line, 3);
  assert.match(result.errors[0].message, /not valid JSON/);
});

test('RIS: continuation lines, names "Last, First", keywords as tags, a record without ER, a record without title', () => {
  const result = importText(read('sample.ris'), 'export.ris');
  assert.equal(result.format, 'ris');
  const [bert, resnet] = result.entries.map(({ draft }) => draft);
  assert.equal(bert.title, 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding');
  assert.deepEqual(bert.authors, ['Jacob Devlin', 'Ming-Wei Chang']);
  assert.equal(bert.citekey, 'devlin2019bert');
  assert.equal(bert.doi, '10.18653/v1/N19-1423');
  assert.deepEqual(bert.tags, ['nlp', 'transformers']);
  assert.equal(resnet.arxivId, '1512.03385');
  assert.equal(resnet.year, 2016);
  assert.deepEqual(result.errors.map((error) => error.line), [15, 20]);
});

test('an id list becomes stubs marked metadataMissing, with links; bad lines are reported', () => {
  const result = importText(read('ids.txt'), 'ids.txt');
  assert.equal(result.format, 'id-list');
  assert.deepEqual(result.entries.map(({ draft }) => draft.arxivId ?? draft.doi), ['2001.08361', '1706.03762', '1512.03385', 'hep-th/9901001', '10.1145/3236386.3241340', '10.1007/s10618-022-00831-6']);
  assert.ok(result.entries.every(({ draft }) => draft.metadataMissing === true && draft.url?.startsWith('https://')));
  assert.deepEqual(result.errors, [{ line: 8, message: 'not an arXiv id or DOI: "not an identifier"' }]);
});

test('Hugging Face listing excerpt: page noise dropped, "Subscribe" unglued from the first title', () => {
  const result = importText(read('hf-listing-excerpt.txt'), 'listing.txt');
  assert.equal(result.format, 'hf-listing');
  assert.deepEqual(result.entries.map(({ draft, line }) => [line, draft.title]), [
    [3, 'MAR-3D: Progressive Masked Auto-regressor for High-Resolution 3D Generation'],
    [5, 'RCStat: A Statistical Framework for using Relative Contextualization in Transformers'],
    [7, 'Hierarchical Neural Coding for Controllable CAD Model Generation'],
  ]);
  assert.ok(result.entries.every(({ draft }) => draft.abstract.length > 200));
  assert.deepEqual(result.errors, []);
  const broken = importText('Title One\nA short line\nAnother Title\n' + 'word '.repeat(40), 'l.txt', { format: 'hf-listing' });
  assert.deepEqual(broken.entries.map(({ draft }) => draft.title), ['Another Title']);
  assert.deepEqual(broken.errors.map((error) => error.line), [1, 2]);
});

test('the real Hugging Face listing (../shared): 119 title/abstract pairs, no errors', (t) => {
  if (!existsSync(HF_LISTING)) {
    t.skip(`../shared/seed/hf-papers-listing.txt is absent (${HF_LISTING}); the real-listing check needs the shared data`);
    return;
  }
  const result = importText(readFileSync(HF_LISTING, 'utf8'), HF_LISTING);
  assert.equal(result.format, 'hf-listing');
  assert.equal(result.entries.length, 119);
  assert.deepEqual(result.errors, []);
  assert.equal(result.entries[0].draft.title, 'MAR-3D: Progressive Masked Auto-regressor for High-Resolution 3D Generation');
  assert.equal(result.entries[118].draft.title, 'FNetAR: Mixing Tokens with Autoregressive Fourier Transforms');
  assert.ok(result.entries.every(({ draft }) => !/^Subscribe|trending papers/i.test(draft.title)));
});

test('format detection: extension first, then content', () => {
  assert.equal(detectFormat('a.bib', ''), 'bibtex');
  assert.equal(detectFormat('a.ris', ''), 'ris');
  assert.equal(detectFormat('a.json', ''), 'csl-json');
  assert.equal(detectFormat('a.txt', '@article{x, title={y}}'), 'bibtex');
  assert.equal(detectFormat('a', 'TY  - JOUR\nTI  - x\nER  - '), 'ris');
  assert.equal(detectFormat('a.txt', '[{"title":"x"}]'), 'csl-json');
  assert.equal(detectFormat('a.txt', '2101.00001\n10.1000/xyz\n'), 'id-list');
  assert.equal(detectFormat('a.txt', 'Some Title\n' + 'abstract words '.repeat(20)), 'hf-listing');
});

test('a file over 50 MB and a binary file are refused before parsing, with messages that say what to do', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'paper-shelf-guard-'));
  const big = path.join(dir, 'huge.bib');
  writeFileSync(big, '');
  // A sparse file: the size check must come from metadata, never from reading 50 MB.
  const { truncateSync } = await import('node:fs');
  truncateSync(big, MAX_IMPORT_BYTES + 1);
  await assert.rejects(readImportFile(big), (error: unknown) => error instanceof ImportRefusedError && /50\.0 MB; Paper Shelf imports files up to 50\.0 MB/.test((error as Error).message));
  const binary = path.join(dir, 'paper.pdf.bib');
  writeFileSync(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff, 0xfe]));
  await assert.rejects(importFiles([binary]), /looks like a binary file, not a bibliography/);
  await assert.rejects(readImportFile(path.join(dir, 'missing.bib')), /file not found/);
  const latin1 = path.join(dir, 'old.bib');
  writeFileSync(latin1, Buffer.from('@article{k, title={M\xfcller}}', 'latin1'));
  const parsed = await importFiles([latin1]);
  assert.equal(parsed.entries[0].draft.title, 'Müller');
});

test('the preview summary reads like the issue asks', () => {
  const parsed = importText(read('sample.bib'), 'sample.bib');
  const summary = formatPreviewSummary(previewImport([], parsed));
  assert.equal(summary, '5 new, 3 entries with errors (line 27: unbalanced brace: field title of entry broken2021 is not closed before the next entry; 2 more)');
});

test('another Paper Shelf library file imports as papers (authors as plain strings, keys and tags kept)', () => {
  const library = JSON.stringify({ format: 'paper-shelf-library', version: 1, papers: [{ id: 'x', citekey: 'lee2020x', title: 'X', authors: ['Ann Lee'], year: 2020, arxivId: 'arXiv:2001.00001v2', tags: ['t'], status: 'read', abstract: '' }] });
  const result = importText(library, 'other-library.json');
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.entries.map(({ draft }) => draft), [{ citekey: 'lee2020x', title: 'X', authors: ['Ann Lee'], year: 2020, abstract: '', arxivId: '2001.00001', tags: ['t'] }]);
});
