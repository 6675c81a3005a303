import { Paper } from './paper';
import { foldAccents } from './text/fold';

function fold(text: string): string {
  // Most library text is ASCII; skipping Unicode normalisation for it makes filtering 10,000 papers per keystroke cheap.
  return (/[^\x00-\x7f]/.test(text) ? foldAccents(text) : text).toLowerCase();
}

/** The words of a filter, accent-folded and lower-cased; quotes and stray punctuation are ignored. */
export function filterWords(filter: string): string[] {
  return fold(filter)
    .split(/\s+/)
    .map((word) => word.replace(/^["'(@]+|["'),;:.!?]+$/g, ''))
    .filter(Boolean);
}

/** Folded text per paper object; the raw text is kept to notice a paper edited in place. */
const foldedCache = new WeakMap<Paper, { raw: string; folded: string }>();

/** Title, authors, citation key, topic, tags, venue and arXiv id: what people remember a paper by. */
function searchableText(paper: Paper): string {
  const raw = [paper.title, ...paper.authors, paper.citekey, paper.topic ?? '', ...paper.tags, paper.venue ?? '', paper.arxivId ?? ''].join('\n');
  const cached = foldedCache.get(paper);
  if (cached?.raw === raw) return cached.folded;
  const folded = fold(raw);
  foldedCache.set(paper, { raw, folded });
  return folded;
}

/**
 * A predicate that keeps papers containing every word of the filter (anywhere inside a word, so "transf" and
 * "former" both find "Transformers"). Returns undefined for a blank filter, meaning "no filtering".
 */
export function createPaperFilter(filter: string): ((paper: Paper) => boolean) | undefined {
  const words = filterWords(filter);
  if (!words.length) return undefined;
  return (paper) => {
    const text = searchableText(paper);
    return words.every((word) => text.includes(word));
  };
}

export function filterPapers(papers: readonly Paper[], filter: string): readonly Paper[] {
  const matches = createPaperFilter(filter);
  return matches ? papers.filter(matches) : papers;
}

/**
 * Where the filter's words occur in `text` (for highlighting a tree label), as sorted, non-overlapping
 * [start, end) ranges. Matches on lower-cased text; a word that only matches after accent folding is not highlighted.
 */
export function filterHighlights(text: string, filter: string): [number, number][] {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return [];
  const ranges: [number, number][] = [];
  for (const word of filterWords(filter)) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) ranges.push([at, at + word.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}
