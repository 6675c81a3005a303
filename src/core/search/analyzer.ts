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

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || (code >= 65 && code <= 90);
  return LETTER_OR_DIGIT.test(String.fromCharCode(code));
}

function isSeparator(code: number): boolean {
  if (code < 128) return code === 32 || code === 45 || code === 47 || (code >= 9 && code <= 13);
  return (code >= 0x2010 && code <= 0x2015) || SPACE.test(String.fromCharCode(code));
}

/**
 * Calls `visit` for each word of `text` (lower-cased) with its offset: the stretch from the first to the last
 * letter or digit between separators — what WORD_PATTERN matches, scanned by hand because this is the hot
 * loop of indexing.
 */
export function forEachWord(text: string, visit: (token: string, position: number) => void): void {
  const lower = text.toLowerCase();
  let first = -1;
  let last = -1;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    if (isSeparator(code)) {
      if (first >= 0) visit(lower.slice(first, last + 1), first);
      first = -1;
    } else if (isWordChar(code)) {
      if (first < 0) first = i;
      last = i;
    }
  }
}

/** All normalized words of a text, stop words included (for comparing a query with a title). */
export function normalizedWords(text: string): string[] {
  return text.split(WORD_SEPARATOR).map(normalizeWord).filter((word): word is string => Boolean(word));
}
