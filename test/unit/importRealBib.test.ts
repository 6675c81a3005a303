// Real .bib files written by other people (../shared/data/real-bib, see its README) checked against an independent
// parser, Debian's python3-pybtex: same entries, same keys, same order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseBibtexSyntax, collectBibtexStrings } from '../../src/core/importers/bibtex/bibtexSyntax';
import { importFiles, previewImport } from '../../src/core/importers';
import { pybtexPython } from './citationTools';

const REAL_BIB = path.join(__dirname, '..', '..', '..', 'shared', 'data', 'real-bib');
const PYBTEX_SCRIPT = path.join(__dirname, '..', 'fixtures', 'import', 'pybtex_keys.py');
const file = (name: string) => path.join(REAL_BIB, name);
const ABBREV = 'iridia-ulb__references__abbrev.bib';
const AUTHORS = 'iridia-ulb__references__authors.bib';
const CROSSREF = 'iridia-ulb__references__crossref.bib';

function pybtexKeys(...files: string[]): string[] {
  let output: string;
  try {
    output = execFileSync(pybtexPython(), [PYBTEX_SCRIPT, ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    throw new Error(`pybtex reference parse failed${/No module named 'pybtex'/.test(stderr) ? ': install Debian\'s python3-pybtex (apt-get install python3-pybtex)' : ''}\n${stderr}`);
  }
  return (JSON.parse(output) as { keys: string[] }).keys;
}

function skipWithoutShared(t: { skip(message: string): void }): boolean {
  if (existsSync(REAL_BIB)) return false;
  t.skip(`../shared/data/real-bib is absent (${REAL_BIB}); the real-world .bib comparison needs the shared data`);
  return true;
}

for (const name of ['mlr-org__mlr3book__book.bib', 'mne-tools__mne-python__references.bib', CROSSREF, ABBREV, AUTHORS]) {
  test(`${name}: same entry count and keys as pybtex`, (t) => {
    if (skipWithoutShared(t)) return;
    const ours = parseBibtexSyntax(readFileSync(file(name), 'utf8'));
    const reference = pybtexKeys(file(name));
    assert.deepEqual(ours.entries.map((entry) => entry.key), reference);
    // Only undefined-macro and repeated-field warnings are allowed: the entries themselves all parse.
    assert.deepEqual(ours.problems.filter((problem) => !problem.entryKept), []);
  });
}

test('crossref.bib with abbrev.bib + authors.bib: 429 entries, pybtex keys, and every macro resolves', async (t) => {
  if (skipWithoutShared(t)) return;
  const reference = pybtexKeys(file(ABBREV), file(AUTHORS), file(CROSSREF));
  assert.equal(reference.length, 429);
  const strings = collectBibtexStrings([readFileSync(file(ABBREV), 'utf8'), readFileSync(file(AUTHORS), 'utf8')]);
  assert.equal(strings.size, 403 + 958);
  const syntax = parseBibtexSyntax(readFileSync(file(CROSSREF), 'utf8'), { strings });
  assert.deepEqual(syntax.entries.map((entry) => entry.key), reference);
  assert.deepEqual(syntax.problems, []);
  // The whole import path, as the command and the CLI run it.
  const parsed = await importFiles([file(ABBREV), file(AUTHORS), file(CROSSREF)]);
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.entries.map(({ draft }) => draft.citekey), reference);
  const preview = previewImport([], parsed);
  assert.equal(preview.added + preview.duplicates, 429);
  assert.deepEqual(preview.papers.map((paper) => paper.citekey), preview.papers.map((paper) => paper.citekey).filter((key) => reference.includes(key)), 'imported keys are kept');
  // Crossref.bib alone: the same entries, with undefined-macro errors reported (entries kept).
  const alone = parseBibtexSyntax(readFileSync(file(CROSSREF), 'utf8'));
  assert.equal(alone.entries.length, 429);
  assert.ok(alone.problems.length > 100 && alone.problems.every((problem) => problem.entryKept && /undefined @string macro/.test(problem.message)));
});

test('real files: LaTeX accents become Unicode, DOIs written as URLs are DOIs, arXiv eprints are found', async (t) => {
  if (skipWithoutShared(t)) return;
  const parsed = await importFiles([file('mne-tools__mne-python__references.bib'), file('mlr-org__mlr3book__book.bib')]);
  const drafts = parsed.entries.map(({ draft }) => draft);
  const text = JSON.stringify(drafts);
  assert.ok(!/\\["'`^~=.]|\{\\/.test(drafts.map((d) => d.title + d.authors.join()).join('\n')), 'no LaTeX accent commands left in titles or names');
  assert.ok(text.includes('Hämäläinen'));
  assert.ok(drafts.every((draft) => !draft.doi || /^10\.\d{4,9}\//.test(draft.doi)), 'DOIs are bare');
  assert.ok(drafts.some((draft) => draft.arxivId), 'at least one arXiv id found');
});
