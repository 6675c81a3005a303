import { words } from './sentences';

/**
 * Per-sentence features for choosing an abstract's TL;DR sentence. The "lexical" ones need only text; the
 * "semantic" ones need sentence embeddings (L2-normalized vectors, as src/model returns them).
 */
export const LEXICAL_FEATURES = [
  'position',
  'isFirst',
  'isSecond',
  'isLast',
  'logWords',
  'short',
  'long',
  'cueProposal',
  'cueFinding',
  'cueThisPaper',
  'cueOurMethod',
  'cueResult',
  'cueBackground',
  'startsWithWe',
  'digits',
  'lexicalCentrality',
] as const;

export const SEMANTIC_FEATURES = ['centroidSimilarity', 'centroidRank', 'centroidZ', 'maxSimilarity'] as const;

const CUES: Record<string, RegExp> = {
  cueProposal: /\b(we|this paper|this work|this article)\s+(also\s+)?(propose|proposes|introduce|introduces|present|presents|develop|develops|design|designs|describe|describes|devise|formulate|offer|offers|put forward)\b|\b(is|are) proposed\b/i,
  cueFinding: /\b(we|results?|experiments?|analysis|evaluations?)\s+(also\s+|further\s+|empirically\s+|theoretically\s+)?(show|shows|demonstrate|demonstrates|find|finds|found|prove|proves|observe|reveal|reveals|establish|confirm|confirms|indicate|indicate|suggest|suggests)\b/i,
  cueThisPaper: /\b(in this (paper|work|study|article|note)|this (paper|work|study|article)|here,? we)\b/i,
  cueOurMethod: /\bour (method|approach|model|framework|algorithm|technique|system|results?|analysis)\b/i,
  cueResult: /\b(outperform|outperforms|state[- ]of[- ]the[- ]art|significantly|substantially|improv\w*|achiev\w*|accuracy|benchmark\w*|experiment\w*)\b/i,
  cueBackground: /\b(however|although|recent(ly)?|existing|remains?|challeng\w*|problem|limited|typically|often|widely|traditional|despite)\b/i,
};

const STOP = new Set('a an the of and or to in on for with by from as at is are was were be been being that this these those it its we our which can such than into their there also using based via'.split(' '));

function contentWords(sentence: string): Set<string> {
  return new Set(words(sentence).filter((word) => !STOP.has(word) && word.length > 2));
}

export function lexicalFeatures(sentences: string[]): number[][] {
  const n = sentences.length;
  const bags = sentences.map(contentWords);
  return sentences.map((sentence, i) => {
    const tokens = words(sentence);
    let overlap = 0;
    for (let j = 0; j < n; j++) {
      if (j === i || !bags[i].size || !bags[j].size) continue;
      let shared = 0;
      for (const word of bags[i]) if (bags[j].has(word)) shared++;
      overlap += shared / Math.sqrt(bags[i].size * bags[j].size);
    }
    const digits = (sentence.match(/\d/g) ?? []).length / Math.max(sentence.length, 1);
    return [
      n > 1 ? i / (n - 1) : 0,
      i === 0 ? 1 : 0,
      i === 1 ? 1 : 0,
      i === n - 1 && n > 1 ? 1 : 0,
      Math.log(1 + tokens.length),
      tokens.length < 8 ? 1 : 0,
      tokens.length > 40 ? 1 : 0,
      CUES.cueProposal.test(sentence) ? 1 : 0,
      CUES.cueFinding.test(sentence) ? 1 : 0,
      CUES.cueThisPaper.test(sentence) ? 1 : 0,
      CUES.cueOurMethod.test(sentence) ? 1 : 0,
      CUES.cueResult.test(sentence) ? 1 : 0,
      CUES.cueBackground.test(sentence) ? 1 : 0,
      /^\W*we\b/i.test(sentence) ? 1 : 0,
      digits * 10,
      n > 1 ? overlap / (n - 1) : 0,
    ];
  });
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k] * b[k];
  return sum;
}

export function semanticFeatures(embeddings: Float32Array[]): number[][] {
  const n = embeddings.length;
  if (!n) return [];
  const dimension = embeddings[0].length;
  const total = new Float32Array(dimension);
  for (const vector of embeddings) for (let k = 0; k < dimension; k++) total[k] += vector[k];
  // Similarity to the centroid of the *other* sentences: a sentence should not vote for itself.
  const similarity = embeddings.map((vector) => {
    if (n === 1) return 0;
    const others = new Float32Array(dimension);
    let norm = 0;
    for (let k = 0; k < dimension; k++) {
      others[k] = total[k] - vector[k];
      norm += others[k] * others[k];
    }
    return norm > 0 ? dot(vector, others) / Math.sqrt(norm) : 0;
  });
  const mean = similarity.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(similarity.reduce((a, b) => a + (b - mean) ** 2, 0) / n) || 1;
  const order = similarity.map((_, i) => i).sort((a, b) => similarity[b] - similarity[a]);
  const rank = new Array<number>(n);
  order.forEach((index, position) => (rank[index] = n > 1 ? 1 - position / (n - 1) : 1));
  return embeddings.map((vector, i) => {
    let max = 0;
    for (let j = 0; j < n; j++) if (j !== i) max = Math.max(max, dot(vector, embeddings[j]));
    return [similarity[i], rank[i], (similarity[i] - mean) / sd, max];
  });
}
