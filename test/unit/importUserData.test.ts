import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Paper } from '../../src/core/paper';
import { applyTags, collectTags } from '../../src/commands/userData/tags';
import { metadataEditText, validateMetadataEdit } from '../../src/commands/userData/metadataEdit';
import { notesFileName } from '../../src/commands/userData/notes';
import { exportText, papersInScope } from '../../src/commands/export/exportFormats';
import { importText, previewImport } from '../../src/core/importers';

function paper(fields: Partial<Paper> & Pick<Paper, 'id' | 'citekey' | 'title'>): Paper {
  return { authors: [], abstract: '', tags: [], status: 'unread', ...fields };
}

const a = paper({ id: 'a', citekey: 'a2020', title: 'Alpha', tags: ['ml', 'shared'], topic: 'Vision', authors: ['Ann Lee'], year: 2020, arxivId: '2001.00001' });
const b = paper({ id: 'b', citekey: 'b2021', title: 'Beta', tags: ['shared', 'nlp'], status: 'read', starred: true, doi: '10.1000/b' });

test('tags: checked tags go on every paper, an unchecked tag that all had is removed, a partial tag stays', () => {
  assert.deepEqual(collectTags([a, b]), ['shared', 'ml', 'nlp']);
  const [na, nb] = applyTags([a, b], ['new tag', ' spaced   out ']);
  assert.deepEqual(na.tags, ['ml', 'new tag', 'spaced out']);
  assert.deepEqual(nb.tags, ['nlp', 'new tag', 'spaced out']);
  assert.deepEqual(applyTags([a], [])[0].tags, []);
});

test('metadata edit: valid edits apply, id/citekey stay, bad values are explained and nothing else changes', () => {
  const text = metadataEditText(a);
  const data = JSON.parse(text);
  assert.equal(data._paperShelf.citekey, 'a2020');
  data.title = 'Alpha, Revised';
  data.authors = ['Ann Lee', 'Bo Chen'];
  data.year = 2021;
  data.doi = 'https://doi.org/10.5555/NEW';
  data.starred = true;
  const edited = validateMetadataEdit(a, JSON.stringify(data), [a, b]);
  assert.equal(typeof edited, 'object');
  const paperEdited = edited as Paper;
  assert.deepEqual([paperEdited.id, paperEdited.citekey, paperEdited.title, paperEdited.year, paperEdited.doi, paperEdited.starred], ['a', 'a2020', 'Alpha, Revised', 2021, '10.5555/NEW', true]);
  assert.deepEqual(paperEdited.authors, ['Ann Lee', 'Bo Chen']);
  assert.match(validateMetadataEdit(a, '{"title": ', [a]) as string, /not valid JSON/);
  assert.match(validateMetadataEdit(a, JSON.stringify({ ...data, title: '' }), [a]) as string, /no title/);
  assert.match(validateMetadataEdit(a, JSON.stringify({ ...data, year: 'soon' }), [a]) as string, /year must be a whole number/);
  assert.match(validateMetadataEdit(a, JSON.stringify({ ...data, arxivId: 'nope' }), [a]) as string, /not an arXiv id/);
  assert.match(validateMetadataEdit(a, JSON.stringify({ ...data, doi: '10.1000/b' }), [a, b]) as string, /already has this DOI/);
  assert.match(validateMetadataEdit(a, JSON.stringify({ ...data, colour: 'red' }), [a]) as string, /unknown field "colour"/);
  assert.match(validateMetadataEdit(a, JSON.stringify({ ...data, status: 'done' }), [a]) as string, /status must be one of/);
  const cleared = validateMetadataEdit(a, JSON.stringify({ ...JSON.parse(text), arxivId: '', starred: false }), [a]) as Paper;
  assert.equal(cleared.arxivId, undefined);
  assert.equal('starred' in cleared, false);
});

test('notes file names are safe on every file system', () => {
  assert.equal(notesFileName('vaswani2017attention'), 'vaswani2017attention.md');
  assert.equal(notesFileName('a/b:c*d'), 'a_b_c_d.md');
  assert.equal(notesFileName('..'), '_.md');
  assert.equal(notesFileName('Müller2020'), 'Müller2020.md');
});

test('export: scopes (library, topic, tag, selection) and formats; exported BibTeX imports back to the same papers', () => {
  assert.deepEqual(papersInScope([a, b], 'topic:Vision').papers, [a]);
  assert.deepEqual(papersInScope([a, b], 'topic:Unsorted').papers, [b]);
  assert.deepEqual(papersInScope([a, b], 'tag:nlp').papers, [b]);
  assert.deepEqual(papersInScope([a, b], 'papers', ['b2021']).papers, [b]);
  assert.equal(papersInScope([a, b], 'library').papers.length, 2);

  const bib = exportText([a, b, paper({ id: 'c', citekey: 'bad key', title: 'Gamma' })], 'bibtex', 'x');
  assert.deepEqual(bib.skipped, ['bad key']);
  const back = previewImport([], importText(bib.text, 'export.bib'));
  assert.deepEqual(back.errors, []);
  assert.deepEqual(back.papers.map((p) => [p.citekey, p.title, p.authors, p.year ?? null, p.arxivId ?? null, p.doi ?? null]), [
    ['a2020', 'Alpha', ['Ann Lee'], 2020, '2001.00001', null],
    ['b2021', 'Beta', [], null, null, '10.1000/b'],
  ]);
  const csl = previewImport([], importText(exportText([a, b], 'csl-json', 'x').text, 'export.json'));
  assert.deepEqual(csl.papers.map((p) => [p.citekey, p.title, p.arxivId ?? null, p.doi ?? null]), [['a2020', 'Alpha', '2001.00001', null], ['b2021', 'Beta', null, '10.1000/b']]);

  const markdown = exportText([a, b], 'markdown', 'Reading list: #shared').text;
  assert.match(markdown, /^# Reading list: \\#shared\n/);
  assert.match(markdown, /## To read\n\n- \[ \] \[Alpha\]\(https:\/\/arxiv\.org\/abs\/2001\.00001\) — Lee · 2020 · `@a2020` — #ml #shared/);
  assert.match(markdown, /## Read\n\n- \[x\] \[Beta\]\(https:\/\/doi\.org\/10\.1000\/b\) ★/);
});
