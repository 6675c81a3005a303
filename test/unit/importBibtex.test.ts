import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseBibtexSyntax, collectBibtexStrings } from '../../src/core/importers/bibtex/bibtexSyntax';
import { latexToUnicode } from '../../src/core/importers/bibtex/latexToUnicode';
import { parseBibName, parseBibNameList } from '../../src/core/importers/bibtex/bibtexNames';
import { importBibtex } from '../../src/core/importers/bibtex/importBibtex';
import { importFiles } from '../../src/core/importers';

const fixtures = path.join(__dirname, '..', 'fixtures', 'import');
const read = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

test('LaTeX accents, special letters, dashes, quotes and math become Unicode', () => {
  assert.equal(latexToUnicode(String.raw`M{\"u}ller and M\"uller and M\"{u}ller`), 'Müller and Müller and Müller');
  assert.equal(latexToUnicode(String.raw`{\'E}cole, Erd\H{o}s, \v{C}ech, {\aa}ngstr{\"o}m, Stra{\ss}e, {\L}ukasz, Ji\v{r}\'{\i}`), 'École, Erdős, Čech, ångström, Straße, Łukasz, Jiří');
  assert.equal(latexToUnicode("pages 1--5 --- ``quoted'' \\& 50\\% \\emph{fast} \\textbf{bold}"), 'pages 1–5 — “quoted” & 50% fast bold');
  assert.equal(latexToUnicode(String.raw`$O(n^2)$ with $\alpha$-divergence and H$_2$O`), 'O(n²) with α-divergence and H₂O');
  assert.equal(latexToUnicode(String.raw`{{Attention}} Is All You {Need}`), 'Attention Is All You Need');
  assert.equal(latexToUnicode(String.raw`\href{https://x.org}{the site} and \url{https://a.b/c_d}`), 'the site and https://a.b/c_d');
  assert.equal(latexToUnicode(String.raw`an \unknownmacro{kept} and \MaxMinAntSystem`), 'an kept and MaxMinAntSystem');
});

test('names: "and" at brace depth 0, von particles, Jr, corporate names in braces, "others" dropped', () => {
  assert.deepEqual(parseBibName('van der Berg, Jan'), { first: 'Jan', von: 'van der', last: 'Berg', jr: '' });
  assert.deepEqual(parseBibName('Ana de la Cruz'), { first: 'Ana', von: 'de la', last: 'Cruz', jr: '' });
  assert.deepEqual(parseBibName('King, Jr., Martin Luther'), { first: 'Martin Luther', von: '', last: 'King', jr: 'Jr.' });
  assert.deepEqual(parseBibName('Ludwig van Beethoven'), { first: 'Ludwig', von: 'van', last: 'Beethoven', jr: '' });
  assert.deepEqual(parseBibName(String.raw`Charles Louis Xavier Joseph de la Vall{\'e}e Poussin`), { first: 'Charles Louis Xavier Joseph', von: 'de la', last: String.raw`Vall{\'e}e Poussin`, jr: '' });
  assert.deepEqual(
    parseBibNameList(String.raw`{Barnes and Noble, Inc.} and Vaswani, Ashish and D{\'\i}az, Jos{\'e} and others`),
    ['Barnes and Noble, Inc.', 'Ashish Vaswani', 'José Díaz'],
  );
  assert.deepEqual(parseBibNameList('Smith, J. AND Doe, Jane'), ['J. Smith', 'Jane Doe']);
});

test('@string macros (also from other files), # concatenation, month macros, quotes, parentheses and comments', () => {
  const result = parseBibtexSyntax(String.raw`
@string{conf = "Proc. of "}
@STRING(venue = conf # {ICML})
@preamble{ "\newcommand{\noop}[1]{}" }
@comment{ @article{notreal, title={x}} }
Free text with an e-mail a@b.org between entries.
@Article{k1, title = "A {"}quoted{"} title", journal = venue # " 2020", month = mar, year = 2020, note = external}
@book(k2, title={Parens}, )
`, { strings: new Map([['external', 'From another file']]) });
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.entries.map((entry) => entry.key), ['k1', 'k2']);
  const k1 = result.entries[0];
  assert.equal(k1.type, 'article');
  assert.equal(k1.fields.get('title'), 'A {"}quoted{"} title');
  assert.equal(k1.fields.get('journal'), 'Proc. of ICML 2020');
  assert.equal(k1.fields.get('month'), 'March');
  assert.equal(k1.fields.get('year'), '2020');
  assert.equal(k1.fields.get('note'), 'From another file');
  assert.equal(k1.line, 7);
  assert.deepEqual([...result.strings.keys()], ['conf', 'venue']);
});

test('a broken entry is reported with its line and the parser recovers at the next entry', () => {
  const source = [
    '@article{good1, title={First}}', // 1
    '@article{bad1,', // 2
    '  title = {Unbalanced {brace},', // 3
    '  year = 2020', // 4
    '}', // 5
    '@article{good2, title={Second}}', // 6
    '@article{bad2 title={No comma}}', // 7
    '@article{good3, title={Third}, author = {A} and {B}}', // 8
    '@article{good4, title={Fourth}}', // 9
    '@article{, title={No key}}', // 10
    '@article{good5, title={Fifth}, title={Again}}', // 11
    '@article{bad3, title={Never closed', // 12
  ].join('\n');
  const result = parseBibtexSyntax(source);
  assert.deepEqual(result.entries.map((entry) => entry.key), ['good1', 'good2', 'good4', 'good5']);
  assert.deepEqual(result.problems.map((problem) => [problem.line, problem.entryKept]), [[2, false], [7, false], [8, false], [10, false], [11, true], [12, false]]);
  assert.match(result.problems[0].message, /unbalanced brace: entry bad1 is not closed before the next entry \(line 6\)/);
  assert.match(result.problems[5].message, /unbalanced brace: .*end of the file/);
  assert.equal(result.entries[3].fields.get('title'), 'Fifth');
});

test('the sample .bib: keys kept, names, accents, DOI from a URL, arXiv eprint and URL, dates, venues', () => {
  const result = importBibtex(read('sample.bib'));
  const byKey = new Map(result.entries.map(({ draft }) => [draft.citekey, draft]));
  assert.deepEqual([...byKey.keys()], ['vaswani2017attention', 'vanderberg2020', 'goodafterbroken', 'parenthesised', 'undefinedmacro']);
  const vaswani = byKey.get('vaswani2017attention')!;
  assert.equal(vaswani.title, 'Attention Is All You Need');
  assert.deepEqual(vaswani.authors, ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar']);
  assert.equal(vaswani.arxivId, '1706.03762');
  assert.equal(vaswani.venue, 'Advances in Neural Information Processing Systems 30');
  assert.equal(vaswani.year, 2017);
  const berg = byKey.get('vanderberg2020')!;
  assert.equal(berg.title, 'Über die Methode von Müller – eine Étude');
  assert.deepEqual(berg.authors, ['Jan van der Berg', 'Ana de la Cruz', 'Hans Müller', 'Łukasz Kaiser', 'King, Jr., Martin Luther']);
  assert.equal(berg.doi, '10.1000/XYZ.123');
  assert.equal(berg.url, undefined);
  assert.equal(berg.year, 2020);
  assert.equal(berg.venue, 'International Conference on Machine Learning');
  assert.equal(berg.abstract, 'We show O(n²) bounds with α≤1 and fast “quoted” text.');
  assert.equal(byKey.get('goodafterbroken')!.arxivId, '2001.08361');
  assert.deepEqual(byKey.get('parenthesised')!.authors, ['Donald E. Knuth']);
  assert.deepEqual(result.errors.map((error) => error.line), [27, 45, 52]);
  assert.match(result.errors[1].message, /notitle2018 has no title/);
});

test('macros defined in other files passed together resolve (iridia excerpt: abbrev + entries)', async () => {
  const alone = importBibtex(read('iridia-excerpt-entries.bib'));
  assert.ok(alone.errors.some((error) => /undefined @string macro "aaaimit"/.test(error.message)));
  const strings = collectBibtexStrings([read('iridia-excerpt-abbrev.bib')]);
  assert.equal(latexToUnicode(strings.get('aaai10')!), 'Proceedings of the 10th National Conference on Artificial Intelligence');
  const together = await importFiles([path.join(fixtures, 'iridia-excerpt-abbrev.bib'), path.join(fixtures, 'iridia-excerpt-entries.bib')]);
  assert.deepEqual(together.errors, []);
  assert.deepEqual(together.entries.map(({ draft }) => [draft.citekey, draft.title]), [
    ['AAAI1988', 'Proceedings of the 7th National Conference on Artificial Intelligence, St. Paul, MN, August 21-26, AAAI-88'],
    ['AAAI1992', 'Proceedings of the 10th National Conference on Artificial Intelligence'],
    ['AAAI1993', 'Proceedings of the 11th National Conference on Artificial Intelligence'],
  ]);
});
