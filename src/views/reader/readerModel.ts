// Pure helpers that turn library data into what the reader shows. No `vscode` import, so they are unit-testable.
import type { Library } from '../../core/library';
import { Paper, arxivAbsUrl, paperLink } from '../../core/paper';
import type { ExternalTarget, ReaderPaper, ReaderPosition, RelatedPaper } from './protocol';

/** Only web links leave the reader: a library file could hold `command:`, `file:` or `javascript:` URLs. */
export function safeExternalUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

export function toReaderPaper(paper: Paper): ReaderPaper {
  const reader: ReaderPaper = {
    id: paper.id,
    citekey: paper.citekey,
    title: paper.title,
    authors: [...paper.authors],
    abstract: paper.abstract,
  };
  if (paper.year !== undefined) reader.year = paper.year;
  if (paper.venue) reader.venue = paper.venue;
  const arxivUrl = externalUrl(paper, 'arxiv');
  const codeUrl = externalUrl(paper, 'code');
  const url = externalUrl(paper, 'url');
  if (arxivUrl) reader.arxivUrl = arxivUrl;
  if (codeUrl) reader.codeUrl = codeUrl;
  if (url && url !== arxivUrl) reader.url = url;
  if (paper.summary?.trim()) reader.summary = paper.summary.trim();
  return reader;
}

/** The URL behind an "open externally" button, looked up from the paper itself, never taken from the webview. */
export function externalUrl(paper: Paper, target: ExternalTarget): string | undefined {
  switch (target) {
    case 'arxiv':
      return paper.arxivId ? arxivAbsUrl(paper.arxivId) : undefined;
    case 'code':
      return safeExternalUrl(paper.codeUrl);
    case 'url':
      return safeExternalUrl(paper.url ?? paperLink({ doi: paper.doi }));
  }
}

export function positionOf(library: Library, paperId: string): ReaderPosition {
  return { index: library.papers.findIndex((paper) => paper.id === paperId), total: library.size };
}

/** Panel tab titles are short; the full title is the webview's heading. */
export function shortenTitle(title: string, max = 40): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.:;–—-]+$/, '')}…`;
}

export const MAX_RELATED_PAPERS = 10;

/** Keeps what a related-papers provider returned within what the webview expects. */
export function cleanRelatedPapers(papers: readonly RelatedPaper[], shownPaperId: string): RelatedPaper[] {
  return papers
    .filter((paper) => paper && typeof paper.id === 'string' && paper.id !== shownPaperId && typeof paper.title === 'string')
    .slice(0, MAX_RELATED_PAPERS)
    .map((paper) => ({
      id: paper.id,
      title: paper.title,
      byline: typeof paper.byline === 'string' ? paper.byline : '',
      score: Number.isFinite(paper.score) ? Math.min(1, Math.max(0, paper.score)) : 0,
    }));
}

/**
 * True when `href` (a link the webview rendered from the abstract) really occurs in the abstract, so the webview
 * cannot make the host open a URL that is not in the library data. Allows for the encoding marked applies.
 */
export function abstractContainsLink(abstract: string, href: string): boolean {
  if (!safeExternalUrl(href)) return false;
  const candidates = new Set([href]);
  try {
    candidates.add(decodeURI(href));
  } catch {
    // Not valid percent-encoding: compare as is.
  }
  for (const candidate of [...candidates]) if (candidate.endsWith('/')) candidates.add(candidate.slice(0, -1));
  return [...candidates].some((candidate) => candidate.length > 8 && abstract.includes(candidate));
}
