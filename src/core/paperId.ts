import { createHash } from 'node:crypto';
import { foldAccents } from './text/fold';

export function normalizeTitle(title: string): string {
  return foldAccents(title).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** A paper's id is derived once from its strongest identifier and then stored, so it never changes. */
export function derivePaperId(paper: { arxivId?: string; doi?: string; title: string }): string {
  if (paper.arxivId) return `arxiv:${paper.arxivId.trim()}`;
  if (paper.doi) return `doi:${paper.doi.trim().toLowerCase()}`;
  const digest = createHash('sha256').update(normalizeTitle(paper.title)).digest('hex').slice(0, 12);
  return `title:${digest}`;
}
