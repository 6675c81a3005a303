import lunr from 'lunr';
import { foldAccents } from '../text/fold';

const NON_ASCII = /[^\x00-\x7f]/;

/** Word separators for documents and queries alike: whitespace, hyphens, dashes and slashes ("encoder-decoder"). */
export const WORD_SEPARATOR = /[\s\-\u2010-\u2015/]+/;
const WORD = /[^\s\-\u2010-\u2015/]+/g;

/** lunr's tokenizer with our separators; positions refer to the original text, which the snippets rely on. */
export function tokenize(text: unknown, metadata?: object): lunr.Token[] {
  if (text === null || text === undefined) return [];
  const source = String(text);
  const tokens: lunr.Token[] = [];
  for (const match of source.matchAll(WORD)) {
    tokens.push(new lunr.Token(match[0].toLowerCase(), { ...metadata, position: [match.index, match[0].length], index: tokens.length }));
  }
  return tokens;
}

/** Folds accents per token, so "Müller" is indexed and searched as "muller" (and "Łańcucki" as "lancucki"). */
export const foldPipelineFunction: lunr.PipelineFunction = (token) =>
  token.update((text) => (NON_ASCII.test(text) ? foldAccents(text) : text));
lunr.Pipeline.registerFunction(foldPipelineFunction, 'paperShelfFold');

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** lunr's Porter stemmer, memoized: a library repeats the same few thousand words millions of times. */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = (lunr.stemmer(new lunr.Token(word, {})) as lunr.Token).toString();
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

export const cachedStemmer: lunr.PipelineFunction = (token) => token.update(stem);
lunr.Pipeline.registerFunction(cachedStemmer, 'paperShelfStemmer');

/**
 * Receives every surface word (folded, trimmed, not a stop word) while an index is built. lunr only keeps stems,
 * but partial words and typos must be matched against what the user actually types ("specula" is a prefix of
 * "speculative", not of its stem "specul"), so the builder keeps the surface vocabulary too.
 */
let vocabularySink: Set<string> | undefined;
export const vocabularyCollector: lunr.PipelineFunction = (token) => {
  vocabularySink?.add(token.toString());
  return token;
};
lunr.Pipeline.registerFunction(vocabularyCollector, 'paperShelfVocabulary');

/** Runs `build` with the collector writing into a fresh set (builds are synchronous, so one sink at a time is safe). */
export function collectingVocabulary<T>(build: () => T): { result: T; vocabulary: Set<string> } {
  const previous = vocabularySink;
  const vocabulary = new Set<string>();
  vocabularySink = vocabulary;
  try {
    return { result: build(), vocabulary };
  } finally {
    vocabularySink = previous;
  }
}

/** The indexing pipeline, in order: fold → trim → stop words → remember the surface word → stem. */
export function configurePipelines(builder: lunr.Builder): void {
  builder.pipeline.add(foldPipelineFunction, lunr.trimmer, lunr.stopWordFilter, vocabularyCollector, cachedStemmer);
  builder.searchPipeline.add(foldPipelineFunction, lunr.trimmer, cachedStemmer);
}

/** Normalizes one query word the way the index normalized document words; undefined for stop words and noise. */
export function normalizeWord(word: string): string | undefined {
  const lowered = word.toLowerCase();
  const folded = NON_ASCII.test(lowered) ? foldAccents(lowered) : lowered;
  const trimmed = folded.replace(/^\W+/, '').replace(/\W+$/, '');
  return trimmed || undefined;
}

export function isStopWord(word: string): boolean {
  return lunr.stopWordFilter(new lunr.Token(word, {})) === undefined;
}
