import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SUMMARY_SCORER } from '../../src/core/summary/defaultScorer';
import { splitSentences } from '../../src/core/summary/sentences';
import { summarizeAbstracts } from '../../src/core/summary/summarizeAbstracts';
import { candidateSentences, chooseSummary, MAX_SUMMARY_CHARS, tidySummary } from '../../src/core/summary/summarizer';
import { buildTopicBrief, topicKeywords } from '../../src/core/summary/topicBrief';
import type { Paper } from '../../src/core/paper';

const ABSTRACT =
  'Large language models are expensive to run at inference time. Existing methods trade quality for speed, e.g. by pruning. ' +
  'In this paper, we propose speculative decoding, an algorithm that samples from a model faster by computing several tokens in parallel. ' +
  'We show a 2.5x speed-up on T5-XXL (Fig. 3) without any change to the outputs. Code is available at https://github.com/x/y.';

/** A deterministic stand-in for the model: it lets the test check the plumbing, not the model's opinions. */
function hashEmbed(texts: string[]): Promise<Float32Array[]> {
  return Promise.resolve(
    texts.map((text) => {
      const vector = new Float32Array(512);
      for (const word of text.toLowerCase().split(/\W+/)) if (word) vector[[...word].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 512, 7)] += 1;
      const norm = Math.hypot(...vector) || 1;
      return vector.map((v) => v / norm);
    }),
  );
}

test('the TL;DR is one of the abstract sentences (tidied) — lexical and with embeddings', async () => {
  const sentences = splitSentences(ABSTRACT);
  const lexical = chooseSummary(candidateSentences(ABSTRACT), DEFAULT_SUMMARY_SCORER);
  assert.ok(lexical && sentences.includes(lexical.sentence));
  const outcome = await summarizeAbstracts([{ id: 'p', abstract: ABSTRACT }], { scorer: DEFAULT_SUMMARY_SCORER, embed: hashEmbed, modelId: DEFAULT_SUMMARY_SCORER.modelId });
  const choice = outcome.results[0].choice!;
  assert.equal(outcome.fallbackReason, undefined);
  assert.ok(sentences.includes(choice.sentence));
  assert.equal(choice.summary, tidySummary(choice.sentence));
  // The contribution sentence, not the background or the code link.
  assert.match(lexical!.sentence, /we propose speculative decoding|We show/);
});

test('a leading connective is dropped and the sentence re-capitalized', () => {
  assert.equal(tidySummary('In this paper, we propose a new method for sparse attention.'), 'We propose a new method for sparse attention.');
  assert.equal(tidySummary('To address these issues, we introduce FlashAttention, an IO-aware kernel.'), 'We introduce FlashAttention, an IO-aware kernel.');
  assert.equal(tidySummary('Here, we show that X holds for all graphs.'), 'We show that X holds for all graphs.');
  assert.equal(tidySummary('We propose X.'), 'We propose X.');
  assert.equal(tidySummary('However, short.'), 'However, short.', 'too little would be left');
});

test('empty, one-sentence and huge abstracts', async () => {
  assert.equal(chooseSummary(candidateSentences(''), DEFAULT_SUMMARY_SCORER), undefined);
  assert.equal(chooseSummary(candidateSentences('  \n '), DEFAULT_SUMMARY_SCORER), undefined);
  assert.equal(chooseSummary(candidateSentences('We propose a model.'), DEFAULT_SUMMARY_SCORER)?.summary, 'We propose a model.');
  const huge = Array.from({ length: 3000 }, (_, i) => `Sentence ${i} reports a result on benchmark ${i}.`).join(' ');
  assert.ok(huge.length > 100_000);
  const started = Date.now();
  const outcome = await summarizeAbstracts([{ id: 'huge', abstract: huge }, { id: 'empty', abstract: '' }], { scorer: DEFAULT_SUMMARY_SCORER, embed: hashEmbed, modelId: DEFAULT_SUMMARY_SCORER.modelId });
  assert.ok(Date.now() - started < 10_000);
  assert.ok(huge.includes(outcome.results[0].choice!.sentence));
  assert.equal(outcome.results[1].choice, undefined);
  const oneLong = `We ${'very '.repeat(40_000)}long claim.`;
  const long = chooseSummary(candidateSentences(oneLong), DEFAULT_SUMMARY_SCORER)!;
  assert.ok(long.summary.length <= MAX_SUMMARY_CHARS + 1 && long.summary.endsWith('…'));
});

test('a failing model falls back to the lexical scorer and says why; cancellation propagates', async () => {
  const failing = () => Promise.reject(new Error('The model file is missing. Reinstall the Paper Shelf extension.'));
  const outcome = await summarizeAbstracts([{ id: 'p', abstract: ABSTRACT }], { scorer: DEFAULT_SUMMARY_SCORER, embed: failing, modelId: 'use-lite-v1' });
  assert.match(outcome.fallbackReason ?? '', /Reinstall/);
  assert.ok(splitSentences(ABSTRACT).includes(outcome.results[0].choice!.sentence));
  const controller = new AbortController();
  controller.abort();
  const cancelled = () => Promise.reject(new Error('cancelled'));
  await assert.rejects(summarizeAbstracts([{ id: 'p', abstract: ABSTRACT }], { scorer: DEFAULT_SUMMARY_SCORER, embed: cancelled, signal: controller.signal }));
});

function paper(id: string, title: string, abstract: string, topic: string): Paper {
  return { id, citekey: id, title, authors: ['A. Author'], year: 2024, abstract, topic, tags: [], status: 'unread' };
}

test('a topic brief has the label, keywords, key sentences with [@citekey], and the paper list', async () => {
  const members = [
    paper('leviathan2023', 'Fast Inference via Speculative Decoding', ABSTRACT, 'Decoding'),
    paper('chen2023', 'Accelerating Decoding with Speculative Sampling', 'We present speculative sampling, which uses a draft model to speed up decoding. It gives a 2x speed-up.', 'Decoding'),
  ];
  const other = paper('ho2020', 'Denoising Diffusion Probabilistic Models', 'We present high quality image synthesis results using diffusion models.', 'Images');
  const markdown = await buildTopicBrief('Decoding', members, [...members, other], { scorer: DEFAULT_SUMMARY_SCORER, embed: hashEmbed, modelId: DEFAULT_SUMMARY_SCORER.modelId });
  assert.match(markdown, /^# Decoding\n/);
  assert.match(markdown, /\*\*Keywords:\*\* .*speculative/);
  const points = markdown.split('## Key points')[1].split('## Papers')[0].trim().split('\n');
  assert.equal(points.length, 2);
  for (const point of points) assert.match(point, /^- .+ \[@(leviathan2023|chen2023)\]$/);
  assert.match(markdown, /- Fast Inference via Speculative Decoding \(2024\) \[@leviathan2023\]/);
  assert.ok(!markdown.includes('ho2020'));
  assert.deepEqual(topicKeywords([], []), []);
});

test('"In this work we …" without a comma is trimmed too, other openings are not', () => {
  assert.equal(tidySummary('In this work we introduce speculative decoding, an algorithm for faster sampling.'), 'We introduce speculative decoding, an algorithm for faster sampling.');
  assert.equal(tidySummary('In this setting, models overfit quickly and badly.'), 'In this setting, models overfit quickly and badly.');
  assert.equal(tidySummary('Here we show that attention is enough for translation.'), 'We show that attention is enough for translation.');
});
