import { familyName, type Paper } from '../paper';
import { nameParts, publicationKind } from './venue';

/** A CSL name: personal (family/given) or an organisation (literal). */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

/** The subset of CSL-JSON (citation-style-language schema 1.0.2) that Paper Shelf writes. */
export interface CslItem {
  id: string;
  type: 'article' | 'article-journal' | 'paper-conference' | 'document';
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': [[number]] };
  'container-title'?: string;
  publisher?: string;
  number?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
  keyword?: string;
}

export function cslName(author: string): CslName {
  const trimmed = author.trim();
  // One word with no comma is most likely an organisation or a mononym; CSL renders literals unchanged.
  if (!/[\s,]/.test(trimmed)) return { literal: trimmed };
  const parts = nameParts(trimmed, familyName(trimmed));
  return parts.given ? { family: parts.family, given: parts.given } : { literal: parts.family };
}

export interface CslOptions {
  /** Include the abstract. Default true. */
  abstract?: boolean;
}

/**
 * A paper as a CSL-JSON item (id = citation key). arXiv-only papers become CSL `article` (a preprint) with
 * publisher "arXiv" and number "arXiv:ID", the way Zotero exports them, so styles print the identifier.
 */
export function paperToCsl(paper: Paper, options: CslOptions = {}): CslItem {
  const kind = publicationKind(paper);
  const type = kind === 'journal' ? 'article-journal' : kind === 'conference' ? 'paper-conference' : kind === 'preprint' ? 'article' : 'document';
  const item: CslItem = { id: paper.citekey, type, title: paper.title };
  if (paper.authors.length) item.author = paper.authors.map(cslName);
  if (paper.year) item.issued = { 'date-parts': [[paper.year]] };
  if (paper.venue && kind !== 'preprint') item['container-title'] = paper.venue;
  if (kind === 'preprint' && paper.arxivId) {
    item.publisher = 'arXiv';
    item.number = `arXiv:${paper.arxivId}`;
  }
  if (paper.doi) item.DOI = paper.doi;
  const url = paper.url ?? (paper.arxivId ? `https://arxiv.org/abs/${paper.arxivId}` : undefined);
  if (url) item.URL = url;
  if (options.abstract !== false && paper.abstract) item.abstract = paper.abstract;
  if (paper.tags.length) item.keyword = paper.tags.join(', ');
  return item;
}

/** A CSL-JSON bibliography file's content: a pretty-printed array. */
export function formatCslJson(papers: readonly Paper[], options: CslOptions = {}): string {
  return JSON.stringify(papers.map((paper) => paperToCsl(paper, options)), null, 2) + '\n';
}
