import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bibtexEntryType, bibtexName, formatBibtex, formatBibtexEntry } from '../../src/core/citations/bibtexWriter';
import { latexEscape } from '../../src/core/citations/latex';
import { scanBibtex } from '../../src/core/citations/bibtexScan';
import type { Paper } from '../../src/core/paper';
import { pandoc, parseWithPybtex, samplePaper, samplePapers } from './citationTools';

const tricky: Paper = {
  id: 'test:tricky',
  citekey: 'aguera2025unicode',
  title: 'Ünïcode & 100% $cost$ #1 in C_1 {braces} \\ back ^ ~ — “quoted” αβγ 中文 GPT-4 ImageNet a { lone brace',
  authors: ['Blaise Agüera y Arcas', 'Johannes von Oswald', 'Adrian Łańcucki', 'OpenAI', 'Kathrin Seßler', 'Ludwig van der Waals', 'François Fleuret'],
  year: 2025,
  venue: 'IEEE Transactions on Foo & Bar',
  abstract: 'We reach 57.1% with $O(n)$ cost, see {this} and that } brace.',
  arxivId: '2503.20519',
  doi: '10.1000/a_b%c',
  tags: ['LLM', 'speed & memory'],
  status: 'unread',
};

test('entry types: journal → article, conference → inproceedings, arXiv-only → misc with eprint fields', () => {
  assert.equal(bibtexEntryType({ venue: 'IEEE Transactions on Audio, Speech and Language Processing (2025)' }), 'article');
  assert.equal(bibtexEntryType({ venue: 'TMLR 2024' }), 'article');
  assert.equal(bibtexEntryType({ venue: 'NeurIPS 2024' }), 'inproceedings');
  assert.equal(bibtexEntryType({ venue: 'Findings of EMNLP 2025' }), 'inproceedings');
  assert.equal(bibtexEntryType({ arxivId: '2107.10932' }), 'misc');
  const misc = formatBibtexEntry(samplePaper('lou2021fnetar'));
  assert.match(misc, /^@misc\{lou2021fnetar,\n/);
  assert.match(misc, /\n  eprint = \{2107\.10932\},\n  archivePrefix = \{arXiv\},/);
  const conference = formatBibtexEntry(samplePaper('leviathan2022fast'));
  assert.match(conference, /^@inproceedings\{leviathan2022fast,/);
  assert.match(conference, /booktitle = \{\{ICML 2023\}\}/);
  assert.match(conference, /eprint = \{2211\.17192\}/, 'a published arXiv paper keeps its eprint');
  assert.match(formatBibtexEntry({ ...samplePaper('lou2021fnetar'), arxivCategory: 'cs.CL' }), /primaryClass = \{cs\.CL\}/);
  assert.match(formatBibtexEntry({ ...samplePaper('lou2021fnetar'), arxivId: 'hep-th/9901001' }), /primaryClass = \{hep-th\}/);
});

test('LaTeX escaping: specials escaped, accents as commands, other non-ASCII braced, lone braces safe', () => {
  assert.equal(latexEscape('100% & $5 #1 a_b'), '100\\% \\& \\$5 \\#1 a\\_b');
  assert.equal(latexEscape('Müller Łańcucki Seßler François'), 'M{\\"u}ller {\\L}a{\\\'n}cucki Se{\\ss}ler Fran{\\c c}ois');
  assert.equal(latexEscape('αβ 中'), '{α}{β} {中}');
  assert.equal(latexEscape('{x} }'), '\\{x\\} \\textbraceright{}');
  assert.equal(latexEscape('a – b — “c”'), 'a -- b --- ``c\'\'');
});

test('names are written "Family, Given"; inner particles braced, leading particles left to BibTeX', () => {
  assert.equal(bibtexName('Yaniv Leviathan'), 'Leviathan, Yaniv');
  assert.equal(bibtexName('Blaise Agüera y Arcas'), '{Ag{\\"u}era y Arcas}, Blaise');
  assert.equal(bibtexName('Johannes von Oswald'), 'von Oswald, Johannes');
  assert.equal(bibtexName('OpenAI'), 'OpenAI');
  assert.equal(bibtexName('Vaswani, Ashish'), 'Vaswani, Ashish');
});

test('pybtex parses every sample paper and the tricky one, with the right people and fields', () => {
  const papers = [...samplePapers(), tricky];
  const bib = formatBibtex(papers);
  const parsed = parseWithPybtex(bib);
  assert.equal(Object.keys(parsed).length, papers.length);
  for (const paper of papers) {
    const entry = parsed[paper.citekey];
    assert.ok(entry, `pybtex lost ${paper.citekey}`);
    assert.equal(entry.persons.author?.length ?? 0, paper.authors.length, `${paper.citekey}: author count`);
    assert.equal(entry.fields.year, paper.year ? String(paper.year) : undefined);
    if (paper.arxivId) assert.equal(entry.fields.eprint, paper.arxivId);
  }
  const people = parsed[tricky.citekey].persons.author;
  assert.deepEqual(people[0].last, ['{Ag{\\"u}era y Arcas}']);
  assert.deepEqual([people[1].prelast, people[1].last], [['von'], ['Oswald']]);
  assert.deepEqual([people[5].prelast, people[5].last], [['van', 'der'], ['Waals']]);
  assert.deepEqual(people[3].last, ['OpenAI']);
  // The structural scanner agrees with pybtex on what the file holds.
  assert.deepEqual(scanBibtex(bib).entries.map((entry) => entry.key), papers.map((paper) => paper.citekey));
});

test('pandoc reads the BibTeX back to the same titles, names, venues and identifiers', () => {
  const papers = [...samplePapers(), tricky];
  const result = pandoc(['-f', 'bibtex', '-t', 'csljson'], formatBibtex(papers));
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr.trim(), '', 'pandoc warned while reading the .bib');
  const items = new Map((JSON.parse(result.stdout) as { id: string; title: string; author?: { family?: string; given?: string; 'dropping-particle'?: string; literal?: string }[]; 'container-title'?: string; DOI?: string; URL?: string }[]).map((item) => [item.id, item]));
  for (const paper of papers) {
    const item = items.get(paper.citekey);
    assert.ok(item, `pandoc lost ${paper.citekey}`);
    // pandoc converts BibTeX titles to sentence case, so compare without case.
    // A lone brace is written \\textbraceleft{}, which LaTeX and pybtex keep and pandoc 2.17 drops.
    const expectedTitle = paper.title.replace(' { lone', '  lone');
    assert.equal(item.title.toLowerCase().replace(/[“”]/g, '"'), expectedTitle.toLowerCase().replace(/[“”]/g, '"'), `${paper.citekey}: title`);
    const names = (item.author ?? []).map((name) => [name.given, name['dropping-particle'], name.family ?? name.literal].filter(Boolean).join(' '));
    assert.deepEqual(names, paper.authors.map((author) => author.replace(/\s+/g, ' ')), `${paper.citekey}: authors`);
    if (paper.venue) assert.equal(item['container-title'], paper.venue);
    if (paper.doi) assert.equal(item.DOI, paper.doi);
    assert.ok(item.URL, `${paper.citekey}: URL`);
  }
});

test('a key BibTeX cannot hold is refused instead of written', () => {
  assert.throws(() => formatBibtexEntry({ ...tricky, citekey: 'has space' }), /cannot be used as a BibTeX key/);
  assert.throws(() => formatBibtexEntry({ ...tricky, citekey: 'a,b' }), /cannot be used as a BibTeX key/);
});

test('round trip through Paper Shelf\'s own BibTeX importer: every field written comes back', async () => {
  const { importBibtex } = await import('../../src/core/importers/bibtex/importBibtex');
  // Lone braces (\\textbraceleft{}) are left out: the importer, like pandoc, does not decode them.
  const papers = [...samplePapers(), { ...tricky, title: tricky.title.replace(' a { lone brace', ''), abstract: tricky.abstract.replace(' that } brace', ' that brace') }];
  const imported = importBibtex(formatBibtex(papers));
  assert.deepEqual(imported.errors, []);
  assert.equal(imported.entries.length, papers.length);
  // TeX ligatures in the source text (-- --- `` '') are read as the dashes and quotes they typeset.
  const typeset = (text: string | undefined) => text?.replace(/---/g, '—').replace(/--/g, '–').replace(/``/g, '“').replace(/''/g, '”');
  const mismatches: string[] = [];
  imported.entries.forEach(({ draft }, index) => {
    const paper = papers[index];
    const expected = { citekey: paper.citekey, title: paper.title, authors: paper.authors, year: paper.year, venue: paper.venue, arxivId: paper.arxivId, doi: paper.doi, abstract: typeset(paper.abstract.replace(/\s+/g, ' ').trim()), tags: paper.tags };
    const actual = { citekey: draft.citekey, title: draft.title, authors: draft.authors, year: draft.year, venue: draft.venue === 'arXiv' && !paper.venue ? undefined : draft.venue, arxivId: draft.arxivId, doi: draft.doi, abstract: typeset(draft.abstract), tags: draft.tags ?? [] };
    try {
      assert.deepEqual(actual, expected);
    } catch (error) {
      const differing = (Object.keys(expected) as (keyof typeof expected)[]).filter((field) => JSON.stringify(expected[field]) !== JSON.stringify(actual[field]));
      mismatches.push(`${paper.citekey}: ${differing.map((field) => `${field} ${JSON.stringify(actual[field])?.slice(0, 200)} ≠ ${JSON.stringify(expected[field])?.slice(0, 200)}`).join('; ')}`);
      void error;
    }
  });
  assert.deepEqual(mismatches, []);
});
