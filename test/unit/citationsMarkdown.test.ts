import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { citedKeys, completionContext, findCitations, groupAt, keyAt } from '../../src/core/citations/pandocCitations';
import { addBibliographyInsertion, bibliographyPaths, readFrontMatter } from '../../src/core/citations/frontMatter';
import { FIXTURES, ROOT, pandocCitationKeys } from './citationTools';

const keys = (text: string) => findCitations(text).keys.map((ref) => ref.key);

test('the citations pandoc sees: brackets, in-text, suppress-author, locators, internal punctuation', () => {
  assert.deepEqual(keys('[@a; @b] and @c [p. 3] and [-@d] and [see @e, pp. 33-35; also @f chap. 1]'), ['a', 'b', 'c', 'd', 'e', 'f']);
  assert.deepEqual(keys('@GAC+16 @PMA+24:bids-past @openneuro.ds003382.v1.0.0 @Li_2016 @k9:. @k17<x> @{a{b}c}'), ['GAC+16', 'PMA+24:bids-past', 'openneuro.ds003382.v1.0.0', 'Li_2016', 'k9', 'k17<x', 'a{b}c']);
  assert.deepEqual(keys('mail john@example.com or <jane@example.org>, \\@escaped, `@code`, $@math$, [x](http://u/@path)'), []);
  assert.deepEqual(keys('```\n@fenced\n```\n\n    @indented\n\n<!-- @comment -->\n[^@foot]\n\n[ref]: http://x/@def'), []);
  const found = findCitations('Text [@a; -@b, p. 4] and @c.');
  assert.equal(found.groups.length, 1);
  assert.deepEqual(found.groups[0].keys.map((ref) => [ref.key, ref.suppressAuthor, ref.bracketed]), [['a', false, true], ['b', true, true]]);
  assert.equal(found.keys[2].bracketed, false);
  assert.deepEqual(citedKeys('@b [@a; @b] @a'), ['b', 'a']);
});

test('same citations as pandoc -t json on hand-written edge cases', () => {
  const text = readFileSync(path.join(FIXTURES, 'pandoc-citation-cases.md'), 'utf8');
  const pandocKeys = pandocCitationKeys(text);
  assert.ok(pandocKeys.length > 60, `pandoc found only ${pandocKeys.length} citations`);
  assert.deepEqual(keys(text), pandocKeys);
});

test('same citations as pandoc on the real HeuDiConv JOSS paper (16 citations of 13 keys)', () => {
  const text = readFileSync(path.join(FIXTURES, 'heudiconv/paper.md'), 'utf8');
  const pandocKeys = pandocCitationKeys(text);
  assert.equal(pandocKeys.length, 16);
  assert.deepEqual(keys(text), pandocKeys);
  assert.equal(new Set(pandocKeys).size, 13);
  // Every cited key is in the paper's own .bib, which names it in the front matter.
  const header = readFrontMatter(text);
  assert.ok(header && !header.error);
  assert.deepEqual(header.bibliography, ['paper.bib']);
});

test('the copy of the JOSS paper matches ../shared when that is present', (t) => {
  const shared = path.resolve(ROOT, '../shared/data/real-markdown/nipy__heudiconv/paper.md');
  if (!existsSync(shared)) {
    t.skip(`${shared} is absent (the fixture copy is tested above)`);
    return;
  }
  assert.equal(readFileSync(path.join(FIXTURES, 'heudiconv/paper.md'), 'utf8'), readFileSync(shared, 'utf8'));
});

test('completion context: after "[@", "; @" or " @" inside brackets, not for e-mail or outside brackets', () => {
  assert.deepEqual(completionContext('See [@lev', 9), { keyStart: 6, prefix: 'lev' });
  assert.deepEqual(completionContext('See [@', 6), { keyStart: 6, prefix: '' });
  assert.deepEqual(completionContext('See [@a; @va', 12), { keyStart: 10, prefix: 'va' });
  assert.deepEqual(completionContext('[see @x', 7), { keyStart: 6, prefix: 'x' });
  assert.deepEqual(completionContext('[-@x', 4), { keyStart: 3, prefix: 'x' });
  assert.equal(completionContext('mail me@home', 12), undefined);
  assert.equal(completionContext('plain @x', 8), undefined);
  assert.equal(completionContext('[@a] @x', 7), undefined);
});

test('group and key at an offset', () => {
  const text = 'A [@a; @b] B @c';
  const found = findCitations(text);
  assert.equal(groupAt(found, 5)?.start, 2);
  assert.equal(groupAt(found, 12), undefined);
  assert.equal(keyAt(found, 4)?.key, 'a');
  assert.equal(keyAt(found, 14)?.key, 'c');
});

test('front matter: bibliography as a path or a list, resolved against the document; adding the field', () => {
  const list = '---\ntitle: T\nbibliography:\n  - refs.bib\n  - ../shared.json\n---\nBody';
  assert.deepEqual(bibliographyPaths(list, '/docs/paper/doc.md'), ['/docs/paper/refs.bib', '/docs/shared.json']);
  assert.deepEqual(bibliographyPaths('---\nbibliography: r.yaml\n...\n', '/d/x.qmd'), ['/d/r.yaml']);
  assert.deepEqual(bibliographyPaths('No header', '/d/x.md'), []);

  const plain = 'Hello\n';
  const add = addBibliographyInsertion(plain, 'references.bib');
  assert.deepEqual(add, { offset: 0, text: '---\nbibliography: references.bib\n---\n\n' });
  const header = '---\ntitle: "T"\n---\nBody\n';
  const addToHeader = addBibliographyInsertion(header, 'my refs.bib')!;
  assert.equal(addBibliographyInsertion(header, 'a: b.bib')!.text, 'bibliography: "a: b.bib"\n', 'YAML-significant text is quoted');
  const edited = header.slice(0, addToHeader.offset) + addToHeader.text + header.slice(addToHeader.offset);
  assert.equal(edited, '---\ntitle: "T"\nbibliography: my refs.bib\n---\nBody\n');
  assert.deepEqual(readFrontMatter(edited)?.bibliography, ['my refs.bib']);
  assert.equal(addBibliographyInsertion('---\nbibliography: a.bib\n---\n', 'b.bib'), undefined, 'an existing field is never replaced');
  assert.equal(addBibliographyInsertion('---\ntitle: [unclosed\n---\n', 'b.bib'), undefined, 'a broken header is never touched');
  assert.match(readFrontMatter('---\ntitle: [unclosed\n---\n')?.error ?? '', /./);
  const crlf = addBibliographyInsertion('---\r\ntitle: T\r\n---\r\n', 'r.bib')!;
  assert.equal(crlf.text, 'bibliography: r.bib\r\n');
});

test('inserting citations: a new bracket, or appended to the citation the cursor is in', async () => {
  const { citationInsertion } = await import('../../src/core/citations/citationEdit');
  const apply = (text: string, offset: number, keys: string[]) => {
    const insertion = citationInsertion(text, offset, keys);
    return insertion ? text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset) : text;
  };
  assert.equal(apply('As shown.', 8, ['a', 'b']), 'As shown [@a; @b].');
  assert.equal(apply('As shown ', 9, ['a']), 'As shown [@a]');
  assert.equal(apply('See [@a, p. 3] here', 6, ['b', 'a']), 'See [@a, p. 3; @b] here');
  assert.equal(apply('See [@a] here', 6, ['a']), 'See [@a] here', 'nothing new to add');
  assert.equal(apply('See [@a] here', 13, ['b']), 'See [@a] here [@b]', 'outside the brackets a new citation starts');
});
