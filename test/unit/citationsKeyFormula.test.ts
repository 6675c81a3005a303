import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_KEY_FORMULA, KeyFormulaError, compileKeyFormula, generateCitekey, parseKeyFormula } from '../../src/core/citations/keyFormula';
import { samplePapers } from './citationTools';

const lev = { title: 'Fast Inference from Transformers via Speculative Decoding', authors: ['Yaniv Leviathan', 'Matan Kalman', 'Yossi Matias'], year: 2022, arxivId: '2211.17192' };

test('the default formula is Better BibTeX\'s and reproduces every sample-library key', () => {
  const run = compileKeyFormula(DEFAULT_KEY_FORMULA);
  assert.equal(run(lev), 'leviathan2022fast');
  // Keys in the sample were made with the default formula; a/b suffixes aside, the formula gives them back.
  const papers = samplePapers();
  const mismatched = papers.filter((paper) => !paper.citekey.startsWith(run(paper)));
  assert.deepEqual(mismatched.map((paper) => paper.citekey), []);
});

test('fields, filters, literals and alternatives', () => {
  const cases: [string, string][] = [
    ["auth + ':' + year", 'Leviathan:2022'],
    ['authEtAl.lower + shortyear', 'leviathanetal22'],
    ['auth(3,1).upper + shortyear', 'LEV22'],
    ['auth(0,2).lower + year', 'kalman2022'],
    ['authors(2).lower + year', 'leviathankalman2022'],
    ['authorLast.lower + year', 'matias2022'],
    ['shorttitle(3,3) + year', 'FastInferenceTransformers2022'],
    ["title.skipwords.select(1,2).condense('_').lower", 'fast_inference'],
    ["title.substring(1,4).lower + year.prefix('-')", 'fast-2022'],
    ["arxiv.replace('.', '') | auth.lower", '221117192'],
    ['venue.lower | auth.lower + year', 'leviathan2022'],
  ];
  for (const [formula, key] of cases) assert.equal(compileKeyFormula(formula)(lev), key, formula);
  assert.equal(compileKeyFormula('auth.lower + year')({ title: 'Über', authors: ['Jürgen Müller'], year: 2020 }), 'muller2020', 'keys are folded to ASCII');
  assert.equal(compileKeyFormula("auth.lower + '?' ")({ title: 'x', authors: ['A B'] }), 'b', 'trailing punctuation is trimmed so pandoc reads the whole key');
});

test('unique keys get Better BibTeX suffixes', () => {
  assert.equal(generateCitekey(lev, new Set()), 'leviathan2022fast');
  assert.equal(generateCitekey(lev, new Set(['leviathan2022fast'])), 'leviathan2022fasta');
  assert.equal(generateCitekey(lev, new Set(['Leviathan:2022']), "auth + ':' + year"), 'Leviathan:2022a');
});

test('a bad formula is rejected with what is wrong and where', () => {
  const message = (formula: string) => {
    try {
      parseKeyFormula(formula);
    } catch (error) {
      assert.ok(error instanceof KeyFormulaError);
      return error.message;
    }
    return 'no error';
  };
  assert.match(message('auth.lowr'), /unknown filter "lowr" .* at character 6/);
  assert.match(message('foo + year'), /unknown field "foo"/);
  assert.match(message('auth +'), /expected a field name, found the end/);
  assert.match(message("auth + 'x"), /unclosed quote/);
  assert.match(message('auth year'), /expected "\+" or "\|"/);
});

test('the configured formula applies to new papers only through newPaperCitekey', async () => {
  const { configureNewPaperKeys, newPaperCitekey } = await import('../../src/core/citations/keyFormula');
  try {
    configureNewPaperKeys("auth + ':' + year");
    assert.equal(newPaperCitekey(lev, new Set()), 'Leviathan:2022');
    assert.throws(() => configureNewPaperKeys('auth.nosuch'), KeyFormulaError);
    assert.equal(newPaperCitekey(lev, new Set(['Leviathan:2022'])), 'Leviathan:2022a', 'a bad formula leaves the previous one in force');
  } finally {
    configureNewPaperKeys(DEFAULT_KEY_FORMULA);
  }
  assert.equal(newPaperCitekey(lev, new Set()), 'leviathan2022fast');
});
