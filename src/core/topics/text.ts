import { foldAccents } from '../text/fold';

/**
 * English function words plus the boilerplate of paper abstracts ("we propose", "results show"). They carry no
 * topic, so they neither shape clusters nor appear in labels.
 */
const STOPWORDS = new Set(
  `a about above across after again against all almost along already also although always am among an and another any
  are around as at be became because become becomes been before being below between both but by can cannot could did
  do does doing done down during each either else enough especially etc even ever every few for from further had has
  have having he her here hers him his how however i if in into is it its itself just least less let like made main
  mainly make makes making many may me might more moreover most mostly much must my near nearly neither no nor not now
  of off often on once one only onto or other others otherwise our ours out over own per perhaps quite rather re
  really same several she should since so some such than that the their theirs them themselves then there thereby
  therefore these they this those though through throughout thus to together too toward towards under unlike until
  up upon us use used uses using very via was we well were what whatever when where whereas whether which while who
  whom whose why will with within without would yet you your
  abstract achieve achieved achieves achieving address addresses addressing advance advances allow allows approach
  approaches available based benchmark benchmarks better case cases challenge challenges challenging code common
  compared comparable competitive consider considered consistently contrast contribution contributions current
  demonstrate demonstrated demonstrates demonstrating design designed despite different directly effective
  effectively enable enables enabling existing experiment experimental experiments extensive facilitate field find
  findings first framework frameworks furthermore given good great high higher highly however identify important
  improve improved improvement improvements improves improving include including introduce introduced introduces
  introducing issue key known large larger last level leverage leverages leveraging lead leads limited lower makes
  method methods new novel observe obtain offer offers outperform outperforming outperforms overall paper particular
  particularly perform performance performances performs play possible potential present presents previous prior
  problem problems promising propose proposed proposes provide provides publicly range recent recently reduce reduces
  related release released remain remains require requires research result results reveal second significant
  significantly simple simply show showed showing shown shows similar specific state-of-the-art strong study studies
  substantial success successful superior task tasks three two terms times toward types typically underlying various
  way ways widely work works yield yields arxiv github https http www com org`
    .split(/\s+/)
    .filter(Boolean),
);

export function isStopword(key: string): boolean {
  return STOPWORDS.has(key) || /^\d+$/.test(key);
}

/** A word as it appeared (for labels) and the key it counts under (folded, dehyphenated, singular). */
export interface Token {
  key: string;
  surface: string;
}

/**
 * Light singularization: enough to merge "models"/"model" and "queries"/"query" without a stemmer's mangled
 * word forms, so a key can still be shown to humans through its most common surface form.
 */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && /(sh|ch|x|ss|zz)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is|ics|ous)$/.test(word)) return word.slice(0, -1);
  return word;
}

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/**
 * Splits text into chunks at punctuation (a phrase never spans a comma or a full stop) and each chunk into
 * tokens. "Auto-regressive" and "autoregressive" share the key "autoregressive".
 */
export function tokenizeChunks(text: string): Token[][] {
  const chunks: Token[][] = [];
  // Folding is the slow part and most abstracts are plain ASCII.
  const folded = /[^\x00-\x7f]/.test(text) ? foldAccents(text) : text;
  for (const piece of folded.split(/[.,;:!?()[\]{}"“”]+|\s[-–—]\s/)) {
    const tokens: Token[] = [];
    for (const match of piece.matchAll(WORD)) {
      const surface = match[0].replace(/['’]s$/i, '');
      const key = singular(surface.toLowerCase().replace(/[-'’]/g, ''));
      if (key.length < 2 && !/\d/.test(key)) continue;
      tokens.push({ key, surface });
    }
    if (tokens.length) chunks.push(tokens);
  }
  return chunks;
}

/** Unigram and bigram terms of a text; bigrams join two adjacent content words ("speculative decoding"). */
export function extractTerms(text: string): Token[] {
  const terms: Token[] = [];
  for (const chunk of tokenizeChunks(text)) {
    for (let i = 0; i < chunk.length; i++) {
      const token = chunk[i];
      if (isStopword(token.key)) continue;
      terms.push(token);
      const next = chunk[i + 1];
      if (next && !isStopword(next.key)) terms.push({ key: `${token.key} ${next.key}`, surface: `${token.surface} ${next.surface}` });
    }
  }
  return terms;
}
