import { lunr } from './lunrModule';
import { foldAccents } from '../text/fold';

const NON_ASCII = /[^\x00-\x7f]/;

/** Word separators for documents and queries alike: whitespace, hyphens, dashes and slashes ("encoder-decoder"). */
export const WORD_SEPARATOR = /[\s\-\u2010-\u2015/]+/;

/**
 * One word as the index sees it: lower-cased, accents folded ("Müller" → "muller", "Łańcucki" → "lancucki"),
 * punctuation trimmed — the same steps as lunr's pipeline, with folding first.
 */
export function normalizeWord(word: string): string | undefined {
  const lowered = word.toLowerCase();
  const folded = NON_ASCII.test(lowered) ? foldAccents(lowered).toLowerCase() : lowered;
  const trimmed = folded.replace(/^\W+/, '').replace(/\W+$/, '');
  return trimmed || undefined;
}

const termCache = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 300_000;

/**
 * The index term of a normalized word: lunr's Porter stem, or null for lunr's stop words. Memoized — a library
 * repeats the same few thousand words millions of times.
 */
export function termOf(word: string): string | null {
  let term = termCache.get(word);
  if (term === undefined) {
    const { Token, stopWordFilter, stemmer } = lunr();
    const token = new Token(word, {});
    term = stopWordFilter(token) ? stemmer(token).toString() : null;
    if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
    termCache.set(word, term);
  }
  return term;
}

export function isStopWord(word: string): boolean {
  return termOf(word) === null;
}

/** The stem of a word even if it is a stop word (for completions such as "all" → "allow"). */
export function stem(word: string): string {
  return termOf(word) ?? word;
}

/**
 * Runs of word characters between separators, with leading/trailing punctuation already left out (what lunr's
 * trimmer would strip). Used on lower-cased text.
 */
export const WORD_PATTERN = /[\p{L}\p{N}_](?:[^\s\-\u2010-\u2015/]*[\p{L}\p{N}_])?/gu;

/** Calls `visit` for each word of `text` that is not a stop word, with its offset in `text`. */
export function forEachWord(text: string, visit: (token: string, position: number) => void): void {
  const lower = text.toLowerCase();
  // Lower-casing rarely changes length (e.g. "İ"); positions then only need to be roughly right.
  for (const match of lower.matchAll(WORD_PATTERN)) visit(match[0], match.index);
}

/** All normalized words of a text, stop words included (for comparing a query with a title). */
export function normalizedWords(text: string): string[] {
  return text.split(WORD_SEPARATOR).map(normalizeWord).filter((word): word is string => Boolean(word));
}
