import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Library } from '../../src/core/library';
import { arxivAbsUrl, familyName, paperLink, shortByline } from '../../src/core/paper';
import { derivePaperId, normalizeTitle } from '../../src/core/paperId';
import { makePaper } from './paperFixtures';

test('derivePaperId prefers arXiv, then DOI, then a hash of the normalised title', () => {
  assert.equal(derivePaperId({ arxivId: ' 2211.17192 ', doi: '10.1/x', title: 'T' }), 'arxiv:2211.17192');
  assert.equal(derivePaperId({ doi: '10.1/ABC', title: 'T' }), 'doi:10.1/abc');
  const id = derivePaperId({ title: 'Über Attention: A Study!' });
  assert.match(id, /^title:[0-9a-f]{12}$/);
  assert.equal(derivePaperId({ title: '  uber   attention a study ' }), id, 'case, accents and punctuation do not change it');
  assert.notEqual(derivePaperId({ title: 'Another Study' }), id);
  assert.equal(normalizeTitle('Über-Attention: A Study!'), 'uber attention a study');
});

test('Library finds papers by id, citekey (with @) and arXiv id (with prefix or version)', () => {
  const a = makePaper({ id: 'arxiv:2211.17192', citekey: 'leviathan2022fast', arxivId: '2211.17192' });
  const b = makePaper({ id: 'doi:10.1/x', citekey: 'b2020' });
  const library = new Library([a, b]);
  assert.equal(library.size, 2);
  assert.equal(library.get('doi:10.1/x'), b);
  assert.equal(library.find('arxiv:2211.17192'), a);
  assert.equal(library.find(' @leviathan2022fast '), a);
  assert.equal(library.find('arXiv:2211.17192v3'), a);
  assert.equal(library.find('2211.17192'), a);
  assert.equal(library.find('b2020'), b);
  assert.equal(library.find('nothing'), undefined);
});

test('Library.neighbour wraps around in library order', () => {
  const papers = [makePaper(), makePaper(), makePaper()];
  const library = new Library(papers);
  assert.equal(library.neighbour(papers[0].id, 1), papers[1]);
  assert.equal(library.neighbour(papers[2].id, 1), papers[0]);
  assert.equal(library.neighbour(papers[0].id, -1), papers[2]);
  assert.equal(library.neighbour('missing', 1), undefined);
  assert.equal(new Library([]).neighbour('x', 1), undefined);
});

test('family names and the tree byline', () => {
  assert.equal(familyName('Ashish Vaswani'), 'Vaswani');
  assert.equal(familyName('Vaswani, Ashish'), 'Vaswani');
  assert.equal(familyName('Blaise Agüera y Arcas'), 'Agüera y Arcas');
  assert.equal(familyName('Ludwig van Beethoven'), 'van Beethoven');
  assert.equal(familyName('Plato'), 'Plato');
  assert.equal(shortByline({ authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'], year: 2017 }), 'Vaswani et al. · 2017');
  assert.equal(shortByline({ authors: ['Ashish Vaswani', 'Noam Shazeer'], year: 2017 }), 'Vaswani & Shazeer · 2017');
  assert.equal(shortByline({ authors: ['Yaniv Leviathan'] }), 'Leviathan');
  assert.equal(shortByline({ authors: [], year: 2024 }), 'Unknown author · 2024');
});

test('paper links: arXiv first, then URL, then DOI', () => {
  assert.equal(arxivAbsUrl('2211.17192'), 'https://arxiv.org/abs/2211.17192');
  assert.equal(arxivAbsUrl('hep-th/9901001'), 'https://arxiv.org/abs/hep-th/9901001');
  assert.equal(paperLink({ arxivId: '1', url: 'https://u', doi: 'd' }), 'https://arxiv.org/abs/1');
  assert.equal(paperLink({ url: 'https://u', doi: 'd' }), 'https://u');
  assert.equal(paperLink({ doi: '10.1/x' }), 'https://doi.org/10.1/x');
  assert.equal(paperLink({}), undefined);
});
