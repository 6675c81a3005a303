import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../src/core/summary/sentences';

function check(text: string, expected: string[]): void {
  assert.deepEqual(splitSentences(text), expected);
}

test('splits plain sentences on . ? !', () => {
  check('We propose a model. It works well! Does it scale? Yes.', ['We propose a model.', 'It works well!', 'Does it scale?', 'Yes.']);
});

test('does not split after e.g. and i.e., even before a capital', () => {
  check('We use priors, e.g. Gaussian ones, and losses, i.e. KL terms. Then we train.', [
    'We use priors, e.g. Gaussian ones, and losses, i.e. KL terms.',
    'Then we train.',
  ]);
  check('Many tasks (e.g. NER, i.e., tagging) benefit. We show this.', ['Many tasks (e.g. NER, i.e., tagging) benefit.', 'We show this.']);
});

test('et al. continues the sentence unless a sentence opener follows', () => {
  check('As shown by Vaswani et al. (2017), attention suffices. We go further.', ['As shown by Vaswani et al. (2017), attention suffices.', 'We go further.']);
  check('This extends Smith et al. Transformers are used.', ['This extends Smith et al. Transformers are used.']);
  check('This was proposed by Smith et al. We improve it.', ['This was proposed by Smith et al.', 'We improve it.']);
});

test('figure, equation, section and table references are not boundaries', () => {
  check('See Fig. 3 and Eq. 2 in Sec. 4. The results hold.', ['See Fig. 3 and Eq. 2 in Sec. 4.', 'The results hold.']);
  check('Results are in Tab. 1 vs. the baseline. No. 5 is best.', ['Results are in Tab. 1 vs. the baseline.', 'No. 5 is best.']);
});

test('decimals, versions and percentages stay inside a sentence', () => {
  check('Accuracy rose from 71.3% to 84.9%. BLEU improved by 2.5 points. Version 1.2.3 is out.', [
    'Accuracy rose from 71.3% to 84.9%.',
    'BLEU improved by 2.5 points.',
    'Version 1.2.3 is out.',
  ]);
  check('The loss is 0.5. 3 models were trained.', ['The loss is 0.5.', '3 models were trained.']);
});

test('URLs and e-mail addresses are not split, and a final period after them still ends the sentence', () => {
  check('Code is at https://github.com/org/repo.git. Contact a.b@uni.edu. Data at www.example.org/data. Done.', [
    'Code is at https://github.com/org/repo.git.',
    'Contact a.b@uni.edu.',
    'Data at www.example.org/data.',
    'Done.',
  ]);
  check('Our code is available at github.com/x/y. We thank reviewers.', ['Our code is available at github.com/x/y.', 'We thank reviewers.']);
});

test('LaTeX math keeps its periods', () => {
  check('We bound $\\|x\\|. Y$ tightly. Then $a.b$ holds. Finally \\(x. Y\\) too.', ['We bound $\\|x\\|. Y$ tightly.', 'Then $a.b$ holds.', 'Finally \\(x. Y\\) too.']);
  check('The rate is $O(1/\\sqrt{T})$. This is optimal.', ['The rate is $O(1/\\sqrt{T})$.', 'This is optimal.']);
});

test('a sentence may start with math, a digit, a quote or a bracket', () => {
  check('We study graphs. $k$-means fails here. "Robust" models help. (This is known.) 10 runs suffice.', [
    'We study graphs.',
    '$k$-means fails here.',
    '"Robust" models help.',
    '(This is known.)',
    '10 runs suffice.',
  ]);
});

test('lower-case continuation after a period is not a boundary', () => {
  check('We compare with approx. the same budget and cf. prior work. Done.', ['We compare with approx. the same budget and cf. prior work.', 'Done.']);
  check('It uses the U.S. census data. It works.', ['It uses the U.S. census data.', 'It works.']);
});

test('initials are not boundaries', () => {
  check('Work by J. Smith and A. B. Jones shows this. We agree.', ['Work by J. Smith and A. B. Jones shows this.', 'We agree.']);
});

test('ellipses, quotes and closing brackets', () => {
  check('They said "it works." We disagree. Tokens (a, b, c...) are used. Fine.', ['They said "it works."', 'We disagree.', 'Tokens (a, b, c...) are used.', 'Fine.']);
});

test('whitespace, newlines and paragraphs', () => {
  check('  First line\ncontinues here.  Second.\n\nNew paragraph without period\n\nLast.', [
    'First line continues here.',
    'Second.',
    'New paragraph without period',
    'Last.',
  ]);
});

test('empty and degenerate inputs', () => {
  check('', []);
  check('   \n\n  ', []);
  check('No final period', ['No final period']);
  check('...', ['...']);
});

test('a huge input without periods is one sentence, and splitting stays fast', () => {
  const words = Array.from({ length: 20_000 }, (_, i) => `word${i}`).join(' ');
  const started = Date.now();
  assert.equal(splitSentences(words).length, 1);
  const many = Array.from({ length: 2_000 }, (_, i) => `Sentence number ${i} ends here.`).join(' ');
  assert.equal(splitSentences(many).length, 2_000);
  assert.ok(Date.now() - started < 5_000);
});

test('pathological dotted tokens and stray math delimiters stay linear', () => {
  const started = Date.now();
  assert.equal(splitSentences('a.b-c'.repeat(20_000)).length, 1);
  assert.ok(splitSentences(`${'$'.repeat(5_000)} x. Y z.`).length >= 1);
  assert.ok(Date.now() - started < 5_000);
});
