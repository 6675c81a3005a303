import type { Paper } from '../paper';

/**
 * The text a paper is embedded from: title and abstract. USE-Lite reads only its first 128 tokens, so the title
 * always counts and the abstract's opening (where the contribution usually is) does. Topics, related papers and
 * semantic search all use this one text, so one cached vector serves them all.
 */
export function paperEmbeddingText(paper: Pick<Paper, 'title' | 'abstract'>): string {
  return paper.abstract ? `${paper.title}. ${paper.abstract}` : paper.title;
}
