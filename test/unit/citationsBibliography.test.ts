import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BibliographyFileError, bibliographyFormat, planBibliographyUpdate } from '../../src/core/citations/bibFile';
import { paperToCsl } from '../../src/core/citations/csl';
import { FIXTURES, pandoc, parseWithPybtex, samplePaper } from './citationTools';

const lev = samplePaper('leviathan2022fast');
const lou = samplePaper('lou2021fnetar');
const chen = samplePaper('chen2025mar');

test('formats by extension', () => {
  assert.equal(bibliographyFormat('a/refs.bib'), 'bibtex');
  assert.equal(bibliographyFormat('refs.JSON'), 'csl-json');
  assert.equal(bibliographyFormat('refs.yml'), 'csl-yaml');
  assert.equal(bibliographyFormat('refs.yaml'), 'csl-yaml');
  assert.equal(bibliographyFormat('refs.txt'), undefined);
});

test('BibTeX: appends after the existing bytes, never duplicates a key, result parses with pybtex', () => {
  const existing = readFileSync(path.join(FIXTURES, 'heudiconv/paper.bib'), 'utf8');
  const first = planBibliographyUpdate(existing, 'paper.bib', [lev, lou]);
  assert.deepEqual(first.added, ['leviathan2022fast', 'lou2021fnetar']);
  assert.ok(first.newText.startsWith(existing), 'the existing content is kept byte for byte');
  assert.equal(first.insertion?.offset, existing.length);
  const again = planBibliographyUpdate(first.newText, 'paper.bib', [lou, chen, lev]);
  assert.deepEqual(again.added, ['chen2025mar']);
  assert.deepEqual(again.alreadyPresent, ['lou2021fnetar', 'leviathan2022fast']);
  assert.ok(again.newText.startsWith(first.newText));
  const parsed = parseWithPybtex(again.newText);
  assert.equal(Object.keys(parsed).length, 13 + 3);
  assert.equal(parsed['GAC+16'].fields.journal, 'Scientific Data', 'entries that were there are still read the same');
  const none = planBibliographyUpdate(again.newText, 'paper.bib', [lev]);
  assert.equal(none.insertion, undefined);
  assert.equal(none.newText, again.newText);
});

test('BibTeX: a new file, a file without a final newline, CRLF files', () => {
  const fresh = planBibliographyUpdate(undefined, 'refs.bib', [lev]);
  assert.match(fresh.newText, /^@inproceedings\{leviathan2022fast,\n/);
  const noNewline = '@misc{x, title = {X}}';
  const appended = planBibliographyUpdate(noNewline, 'refs.bib', [lev]).newText;
  assert.ok(appended.startsWith(noNewline + '\n\n@inproceedings{leviathan2022fast,'));
  const crlf = '@misc{x,\r\n  title = {X}\r\n}\r\n';
  const crlfOut = planBibliographyUpdate(crlf, 'refs.bib', [lev]).newText;
  assert.ok(crlfOut.startsWith(crlf));
  assert.ok(!/[^\r]\n/.test(crlfOut), 'new lines follow the file\'s CRLF');
  assert.deepEqual(Object.keys(parseWithPybtex(crlfOut)), ['x', 'leviathan2022fast']);
});

test('a .bib that does not parse is refused with the problem and its line; pybtex rejects it too', () => {
  const malformed = readFileSync(path.join(FIXTURES, 'malformed.bib'), 'utf8');
  assert.throws(() => parseWithPybtex(malformed), /pybtex rejected/);
  assert.throws(
    () => planBibliographyUpdate(malformed, '/x/malformed.bib', [lev]),
    (error: unknown) => error instanceof BibliographyFileError && /malformed\.bib is not valid BibTeX \(line 8: .*\)\. Paper Shelf left it unchanged/.test(error.message),
  );
  assert.throws(() => planBibliographyUpdate('@article{, title={x}}', 'a.bib', [lev]), /no citation key/);
  assert.throws(() => planBibliographyUpdate('@article{k, title {x}}', 'a.bib', [lev]), /has no "="/);
});

test('CSL-JSON: inserted before the closing bracket, old bytes kept, pandoc reads it', () => {
  const existing = '[\n  {"id": "old", "type": "book", "title": "Old"}\n]\n';
  const update = planBibliographyUpdate(existing, 'refs.json', [lev, lou]);
  const offset = update.insertion!.offset;
  assert.equal(update.newText.slice(0, offset), existing.slice(0, offset));
  assert.equal(update.newText.slice(offset + update.insertion!.text.length), existing.slice(offset));
  const items = JSON.parse(update.newText) as { id: string }[];
  assert.deepEqual(items.map((item) => item.id), ['old', 'leviathan2022fast', 'lou2021fnetar']);
  assert.deepEqual(items[1], paperToCsl(lev, { abstract: false }));
  assert.deepEqual(JSON.parse(planBibliographyUpdate('[]', 'r.json', [lev]).newText).length, 1);
  assert.throws(() => planBibliographyUpdate('[{"id": "a"},', 'r.json', [lev]), /is not valid JSON/);
  assert.throws(() => planBibliographyUpdate('{"id": "a"}', 'r.json', [lev]), /not a CSL-JSON list/);
  const pandocRead = pandoc(['-f', 'csljson', '-t', 'csljson'], update.newText);
  assert.equal(pandocRead.status, 0, pandocRead.stderr);
  assert.equal(JSON.parse(pandocRead.stdout).length, 3);
});

test('CSL-YAML: appended to the references list at its indentation, comments and end marker kept', () => {
  const existing = '# my references\nreferences:\n  - id: old\n    type: book\n    title: Old\n  # keep me\n...\n';
  const update = planBibliographyUpdate(existing, 'refs.yaml', [lou]);
  const offset = update.insertion!.offset;
  assert.equal(update.newText.slice(0, offset) + update.newText.slice(offset + update.insertion!.text.length), existing);
  const data = parseYaml(update.newText.replace(/\n\.\.\.\n$/, '\n')) as { references: { id: string }[] };
  assert.deepEqual(data.references.map((item) => item.id), ['old', 'lou2021fnetar']);
  assert.deepEqual(data.references[1], JSON.parse(JSON.stringify(paperToCsl(lou, { abstract: false }))));
  const fresh = planBibliographyUpdate(undefined, 'refs.yaml', [lev, lou]).newText;
  assert.deepEqual((parseYaml(fresh.replace(/\n\.\.\.\n$/, '\n')) as { references: { id: string }[] }).references.map((item) => item.id), ['leviathan2022fast', 'lou2021fnetar']);
  assert.throws(() => planBibliographyUpdate('references: [\n', 'r.yaml', [lev]), /is not valid YAML/);
  assert.throws(() => planBibliographyUpdate('title: x\n', 'r.yaml', [lev]), /no "references:" list/);
});

test('end to end: Markdown + each bibliography format written by Paper Shelf render through pandoc --citeproc with no warnings', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'paper-shelf-cite-'));
  const papers = [lev, lou, chen, samplePaper('nawrot2024dynamic'), samplePaper('oswald2023uncovering')];
  for (const file of ['refs.bib', 'refs.json', 'refs.yaml']) {
    const first = planBibliographyUpdate(undefined, file, papers.slice(0, 2));
    const second = planBibliographyUpdate(first.newText, file, papers);
    writeFileSync(path.join(dir, file), second.newText);
    const markdown = `---\nbibliography: ${file}\n---\nAs shown [@leviathan2022fast; @lou2021fnetar, p. 3], @chen2025mar found [-@nawrot2024dynamic]; see also @oswald2023uncovering.\n`;
    const result = pandoc(['--citeproc', '-f', 'markdown', '-t', 'plain', '--wrap=none'], markdown, dir);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr.trim(), '', `pandoc warned for ${file}: ${result.stderr}`);
    assert.match(result.stdout, /Leviathan, Kalman, and Matias 2022; Lou et al\. 2021, 3/);
    assert.match(result.stdout, /Chen et al\. \(2025\) found \(2024\)/);
    assert.match(result.stdout, /Łańcucki/);
    assert.doesNotMatch(result.stdout, /\?\?|not found/);
    // Styles change title case (and pandoc lowercases "3D"), so compare without case.
    for (const paper of papers) assert.ok(result.stdout.toLowerCase().includes(paper.title.split(':')[0].slice(0, 20).toLowerCase()), `${file}: reference list lacks ${paper.citekey}`);
  }
});

test('real .bib files from ../shared: keys as pybtex sees them, and appending keeps them readable', async (t) => {
  const { existsSync, readdirSync } = await import('node:fs');
  const { scanBibtex } = await import('../../src/core/citations/bibtexScan');
  const dir = path.resolve(__dirname, '../../../shared/data/real-bib');
  if (!existsSync(dir)) {
    t.skip(`${dir} is absent; the JOSS paper's .bib in test/fixtures covers a real file`);
    return;
  }
  const files = readdirSync(dir).filter((name) => name.endsWith('.bib'));
  assert.ok(files.length >= 3);
  let checked = 0;
  for (const name of files) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const scan = scanBibtex(text);
    assert.deepEqual(scan.errors, [], `${name}: the scanner rejects a file real users keep`);
    let pybtexKeys: string[];
    try {
      pybtexKeys = Object.keys(parseWithPybtex(text));
    } catch {
      continue; // pybtex's strict mode refuses some real files (undefined @string macros, duplicate fields)
    }
    const entryKeys = scan.entries.filter((entry) => !['string', 'preamble', 'comment'].includes(entry.type)).map((entry) => entry.key);
    assert.deepEqual(entryKeys, pybtexKeys, `${name}: same entries as pybtex`);
    const update = planBibliographyUpdate(text, name, [lev]);
    assert.ok(update.newText.startsWith(text));
    assert.deepEqual(Object.keys(parseWithPybtex(update.newText)), [...pybtexKeys, 'leviathan2022fast']);
    checked++;
  }
  assert.ok(checked >= 2, `only ${checked} real files could be cross-checked with pybtex`);
});
