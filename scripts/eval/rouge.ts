// ROUGE-1/2/L F1 as ROUGE-1.5.5 computes them with `-m` (Porter stemming), the way SciTLDR reports: lower-case,
// non-alphanumerics become spaces, tokens longer than 3 characters are Porter-stemmed (as in Google's rouge-score
// re-implementation of the Perl script), clipped n-gram counts, LCS for ROUGE-L, F1 with equal weight.
import { stemmer } from 'stemmer';

export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

export function rougeTokens(text: string): string[] {
  const tokens = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  return tokens.map((token) => (token.length > 3 ? stemmer(token) : token));
}

function ngramCounts(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function f1(overlap: number, candidateTotal: number, referenceTotal: number): number {
  if (!overlap || !candidateTotal || !referenceTotal) return 0;
  const precision = overlap / candidateTotal;
  const recall = overlap / referenceTotal;
  return (2 * precision * recall) / (precision + recall);
}

function rougeN(candidate: string[], reference: string[], n: number): number {
  const c = ngramCounts(candidate, n);
  const r = ngramCounts(reference, n);
  let overlap = 0;
  for (const [gram, count] of c) overlap += Math.min(count, r.get(gram) ?? 0);
  return f1(overlap, Math.max(candidate.length - n + 1, 0), Math.max(reference.length - n + 1, 0));
}

export function lcsLength(a: string[], b: string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) current[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    previous = current;
  }
  return previous[b.length];
}

/** Scores in percent (0–100), like the paper's tables. */
export function rouge(candidate: string, reference: string): RougeScores {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  return {
    rouge1: 100 * rougeN(c, r, 1),
    rouge2: 100 * rougeN(c, r, 2),
    rougeL: 100 * f1(lcsLength(c, r), c.length, r.length),
  };
}

/** SciTLDR's multi-target rule: keep, per paper, the reference with the best ROUGE-1 (all three figures from it). */
export function rougeBestReference(candidate: string, references: string[]): RougeScores {
  let best: RougeScores = { rouge1: 0, rouge2: 0, rougeL: 0 };
  for (const reference of references) {
    const scores = rouge(candidate, reference);
    if (scores.rouge1 > best.rouge1) best = scores;
  }
  return best;
}

export function meanScores(scores: RougeScores[]): RougeScores {
  const mean = (key: keyof RougeScores) => scores.reduce((sum, score) => sum + score[key], 0) / Math.max(scores.length, 1);
  return { rouge1: mean('rouge1'), rouge2: mean('rouge2'), rougeL: mean('rougeL') };
}
