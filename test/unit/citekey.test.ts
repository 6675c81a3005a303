import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCitekey, shortTitleWord, uniqueCitekey } from '../../src/core/citekey';

const key = (title: string, authors: string[], year?: number) => baseCitekey({ title, authors, year });

test('author + year + first significant title word, Better BibTeX style', () => {
  assert.equal(key('Fast Inference from Transformers via Speculative Decoding', ['Yaniv Leviathan', 'Matan Kalman', 'Yossi Matias'], 2022), 'leviathan2022fast');
  assert.equal(key('Attention Is All You Need', ['Vaswani, Ashish'], 2017), 'vaswani2017attention');
  assert.equal(key('On the Dangers of Stochastic Parrots', ['Emily M. Bender'], 2021), 'bender2021dangers');
  assert.equal(key('GPT-4 Technical Report', ['OpenAI'], 2023), 'openai2023gpt');
});

test('particles are dropped from the family name, in both name orders', () => {
  assert.equal(key('Molecular forces', ['Johannes Diderik van der Waals'], 1873), 'waals1873molecular');
  assert.equal(key('Molecular forces', ['van der Waals, Johannes Diderik'], 1873), 'waals1873molecular');
  assert.equal(key('The Quantum Theory', ['Ludwig van Beethoven'], 1800), 'beethoven1800quantum');
  assert.equal(key('Les fables', ['Jean de La Fontaine'], 1668), 'lafontaine1668fables');
  assert.equal(key('Networks', ['danah boyd'], 2010), 'boyd2010networks', 'an all-lowercase name is kept, not dropped');
});

test('accents, special letters and punctuation are folded to ASCII', () => {
  assert.equal(key('Ärger über Öl', ['Łukasz Kaiser'], 2020), 'kaiser2020arger');
  assert.equal(key('Über Attention', ['Jürgen Müller'], 2020), 'muller2020uber');
  assert.equal(key('Déjà vu', ["Zoë O'Neil-Smith"], 2019), 'oneilsmith2019deja');
  assert.equal(key('Straße', ['Åsa Ødegård'], 2001), 'odegard2001strasse');
});

test('skip words and punctuation in titles; missing parts', () => {
  assert.equal(shortTitleWord("L'apprentissage profond"), 'apprentissage');
  assert.equal(shortTitleWord("'Attention' is all you need"), 'attention');
  assert.equal(shortTitleWord('Self-Attention with Relative Position'), 'self');
  assert.equal(shortTitleWord('On the'), 'on', 'a title of skip words only falls back to its first word');
  assert.equal(key('A Survey', []), 'anonsurvey');
  assert.equal(key('', [], undefined), 'anon');
  assert.equal(key('深度学习', ['张伟'], 2020), 'anon2020');
});

test('clashes get suffixes a, b, … z, aa, ab', () => {
  assert.equal(uniqueCitekey('k', new Set()), 'k');
  assert.equal(uniqueCitekey('k', new Set(['k'])), 'ka');
  assert.equal(uniqueCitekey('k', new Set(['k', 'ka'])), 'kb');
  const letters = 'abcdefghijklmnopqrstuvwxyz'.split('').map((ch) => `k${ch}`);
  assert.equal(uniqueCitekey('k', new Set(['k', ...letters])), 'kaa');
  assert.equal(uniqueCitekey('k', new Set(['k', ...letters, 'kaa'])), 'kab');
});
