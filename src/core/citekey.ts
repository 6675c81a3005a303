import { foldAccents } from './text/fold';
import { familyName } from './paper';

/** Better BibTeX's default skip words for `shorttitle`: articles, prepositions and conjunctions in several languages. */
const SKIP_WORDS = new Set(
  ('a ab aboard about above across after against al along amid among an and anti around as at before behind below ' +
    'beneath beside besides between beyond but by d da das de del dell dello dei degli della delle dem den der des ' +
    'despite die do down du during ein eine einem einen einer eines el en et except for from gli i il in inside into ' +
    'is l la las le les like lo los near nor of off on onto or over past per plus round save since so some sur than ' +
    'the through to toward towards un una unas under underneath une unlike uno unos until up upon versus via von ' +
    'while with within without yet zu zum').split(' '),
);

function asciiWord(text: string): string {
  return foldAccents(text).toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** First significant title word, Better BibTeX `shorttitle(1,0)`. */
export function shortTitleWord(title: string): string {
  const words = title.split(/[\s\-–—:;,.!?()[\]{}"'`/]+/).map(asciiWord).filter(Boolean);
  return words.find((word) => !SKIP_WORDS.has(word)) ?? words[0] ?? '';
}

export interface CitekeyInput {
  title: string;
  authors: string[];
  year?: number;
}

/** `auth.lower + year + shorttitle(1,0).lower`, e.g. "leviathan2022fast". */
export function baseCitekey(paper: CitekeyInput): string {
  // Particles ("van der", "de la", "y") are dropped as Better BibTeX does: "van der Waals" → "waals".
  const family = paper.authors[0] ? familyName(paper.authors[0]) : '';
  const author = asciiWord(family.split(/\s+/).filter((part) => !/^\p{Ll}/u.test(part)).join('') || family);
  const key = `${author || 'anon'}${paper.year ?? ''}${shortTitleWord(paper.title)}`;
  return key || 'paper';
}

/** Adds Better BibTeX style suffixes (a, b, … z, aa, …) until the key is free. */
export function uniqueCitekey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 0; ; n++) {
    const candidate = base + suffix(n);
    if (!taken.has(candidate)) return candidate;
  }
}

function suffix(n: number): string {
  let out = '';
  let rest = n;
  do {
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return out;
}
