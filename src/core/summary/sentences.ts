/**
 * Splits scientific prose into sentences. Periods that do not end a sentence are common in abstracts —
 * "e.g.", "i.e.", "et al.", "Fig. 3", "3.5%", "v1.2", URLs, e-mail addresses, LaTeX `$x.y$` — so those spans are
 * masked before looking for boundaries, and a boundary also needs the next sentence to start like one.
 */

/** Abbreviations after which a period never ends a sentence (lower-cased, without the final period). */
const NEVER_FINAL = new Set([
  'e.g', 'i.e', 'cf', 'vs', 'viz', 'approx', 'resp', 'w.r.t', 'wrt', 'a.k.a', 'aka', 'incl', 'esp', 'ca', 'c.f',
  'fig', 'figs', 'eq', 'eqs', 'eqn', 'eqns', 'sec', 'secs', 'sect', 'tab', 'tbl', 'no', 'nos', 'vol', 'pp', 'p', 'ch', 'chap',
  'ref', 'refs', 'thm', 'lem', 'prop', 'def', 'alg', 'app', 'appx', 'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'jr', 'sr',
  'dept', 'univ', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'al', 'u.s', 'u.k', 'e.u', 'ph.d', 'm.sc', 'b.sc', 'approx', 'max', 'min', 'avg', 'std', 'var', 'fn',
]);
/** After these, a period ends the sentence only if a typical sentence opener follows ("... Smith et al. We ..."). */
const FINAL_IF_OPENER = new Set(['al', 'etc', 'ca', 'fig', 'no']);
const OPENERS = /^(We|Our|The|This|These|That|Those|In|It|Its|However|Here|To|Finally|Moreover|Furthermore|Additionally|Also|Experiments?|Results?|Extensive|Unlike|While|Although|Using|Based|By|For|On|As|With|A|An|Such|Then|Thus|Therefore|Code|Source)\b/;

/** Math spans whose periods are not sentence ends (bounded, so a stray `$` cannot make the search quadratic). */
const MATH = [/\$\$[^$]{0,2000}\$\$/g, /\$[^$\n]{1,400}\$/g, /\\\([^]{0,400}?\\\)/g, /\\\[[^]{0,2000}?\\\]/g];
const ADDRESS_START = /^["'(\[<]*(?:https?:\/\/|ftp:\/\/|www\.)/i;
const EMAIL = /[\w-]@[\w-]+\.\w/;
const DOMAIN = /\w\.(?:com|org|net|edu|io|ai|gov|html?|py|md|pdf|json|txt|zip)(?:[/:?#)\]"']|[.,;:!?]*$)/i;

/** Hides periods that are not sentence ends — in math, URLs, e-mails, file names, decimals, ellipses — keeping length. */
function mask(text: string): string {
  let masked = text;
  for (const pattern of MATH) masked = masked.replace(pattern, hidePeriods);
  // Whitespace-delimited tokens are tested one by one: linear time even on pathological input.
  masked = masked.replace(/\S+/g, (token) => {
    if (!ADDRESS_START.test(token) && !EMAIL.test(token) && !DOMAIN.test(token)) return token;
    const trailing = /[.,;:!?)\]"']*$/.exec(token)![0];
    return hidePeriods(token.slice(0, token.length - trailing.length)) + trailing;
  });
  return masked.replace(/\d\.(?=\d)/g, hidePeriods).replace(/\.{2,}|…/g, hidePeriods);
}

function hidePeriods(span: string): string {
  return span.replace(/[.!?]/g, '\u0001');
}

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const normalized = paragraph.replace(/\s+/g, ' ').trim();
    if (normalized) sentences.push(...splitParagraph(normalized));
  }
  return sentences;
}

function splitParagraph(text: string): string[] {
  const masked = mask(text);
  const sentences: string[] = [];
  let start = 0;
  const boundary = /[.!?]+["'”’)\]]*\s+/g;
  for (let match = boundary.exec(masked); match; match = boundary.exec(masked)) {
    const end = match.index + match[0].length;
    if (isBoundary(masked, match.index, match[0], masked.slice(end))) {
      const sentence = text.slice(start, end).trim();
      if (sentence) sentences.push(sentence);
      start = end;
    }
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return mergeFragments(sentences);
}

function isBoundary(masked: string, punctuationAt: number, punctuation: string, next: string): boolean {
  if (!/^["'“‘(\[]?[\p{Lu}\p{N}$\\]/u.test(next)) return false; // sentences start with a capital, a digit or math
  if (!punctuation.startsWith('.')) return true; // "?" and "!" are reliable
  const before = masked.slice(Math.max(0, punctuationAt - 60), punctuationAt);
  const word = (/([\p{L}\p{N}.'\u0001-]*)$/u.exec(before)?.[1] ?? '').replace(/^[.'-]+/, '');
  const lower = word.toLowerCase();
  const opener = OPENERS.test(next);
  if (FINAL_IF_OPENER.has(lower) || FINAL_IF_OPENER.has(lower.split('.').pop() ?? '')) return opener;
  if (NEVER_FINAL.has(lower)) return false;
  // A lone capital is an initial ("J. Smith") unless a sentence opener follows ("... in type A. We ...").
  if (/^\p{Lu}$/u.test(word)) return opener;
  // Dotted abbreviations written without the last period handled above; "U.S.A." style with inner dots:
  if (/^(\p{L}\.)+\p{L}$/u.test(word) && !opener) return false;
  return true;
}

/** Re-attaches pieces that cannot be sentences on their own (a lone "(1)" or "2." list marker). */
function mergeFragments(sentences: string[]): string[] {
  const merged: string[] = [];
  for (const sentence of sentences) {
    if (merged.length && /^(\(?\d{1,2}[.)]|\(?[ivx]{1,4}[.)]|[a-z][.)])$/i.test(sentence)) {
      merged[merged.length - 1] += ` ${sentence}`;
    } else if (merged.length && /^(\(?\d{1,2}[.)]|\(?[ivx]{1,4}[.)])$/i.test(merged[merged.length - 1])) {
      merged[merged.length - 1] += ` ${sentence}`;
    } else merged.push(sentence);
  }
  return merged;
}

/** Word-ish tokens, lower-cased, for lexical features. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? [];
}
