import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldAccents } from '../../src/core/text/fold';

test('combining accents are removed', () => {
  assert.equal(foldAccents('Müller'), 'Muller');
  assert.equal(foldAccents('Agüera y Arcas, Éric, Ñuñez, Dvořák, Çelik'), 'Aguera y Arcas, Eric, Nunez, Dvorak, Celik');
  assert.equal(foldAccents('Mu\u0308ller'), 'Muller', 'decomposed input too');
});

test('letters without a decomposition are mapped', () => {
  assert.equal(foldAccents('Łańcucki'), 'Lancucki');
  assert.equal(foldAccents('Straße ẞ'), 'Strasse SS');
  assert.equal(foldAccents('Ærø Œuvre'), 'AEro OEuvre');
  assert.equal(foldAccents('Þór ðe đ ı'), 'THor de d i');
});

test('compatibility forms are normalised, other scripts and ASCII left alone', () => {
  assert.equal(foldAccents('ﬁne ﬂow'), 'fine flow');
  assert.equal(foldAccents('深度学习 Привет'), '深度学习 Привет'.normalize('NFKD'));
  assert.equal(foldAccents('plain ASCII 123 -_'), 'plain ASCII 123 -_');
  assert.equal(foldAccents(''), '');
});
