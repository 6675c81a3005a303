import type { Paper } from '../core/paper';

/** Escapes text for a MarkdownString so titles with `*`, `_` or `[` show as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!<>|~])/g, '\\$1');
}

export function excerpt(text: string, max = 280): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40))}…`;
}

export function authorsLine(paper: Pick<Paper, 'authors'>, max = 6): string {
  if (paper.authors.length === 0) return 'Unknown author';
  if (paper.authors.length <= max) return paper.authors.join(', ');
  return `${paper.authors.slice(0, max).join(', ')}, … (${paper.authors.length} authors)`;
}

/** "Leviathan, Kalman, Matias · 2022 · ICML 2023" */
export function metaLine(paper: Paper): string {
  return [authorsLine(paper, 4), paper.year ? String(paper.year) : undefined, paper.venue].filter(Boolean).join(' · ');
}

/** The hover card: title, authors, year, venue, TL;DR or abstract excerpt, and an Open in Reader link. */
export function hoverCard(paper: Paper, openCommand: string): string {
  const lines = [`**${escapeMarkdown(paper.title)}**`, '', escapeMarkdown(authorsLine(paper))];
  const where = [paper.year ? String(paper.year) : undefined, paper.venue].filter(Boolean).join(' · ');
  if (where) lines.push('', escapeMarkdown(where));
  if (paper.summary) lines.push('', `*TL;DR:* ${escapeMarkdown(excerpt(paper.summary, 400))}`);
  else if (paper.abstract) lines.push('', escapeMarkdown(excerpt(paper.abstract)));
  const args = encodeURIComponent(JSON.stringify([paper.id]));
  lines.push('', `[$(book) Open in Reader](command:${openCommand}?${args} "Open ${escapeMarkdown(paper.citekey)} in the Paper Shelf reader") · \`@${paper.citekey}\``);
  return lines.join('\n');
}

/** Completion documentation: authors · year · venue, then an abstract excerpt. */
export function completionDocumentation(paper: Paper): string {
  const lines = [escapeMarkdown(metaLine(paper))];
  const text = paper.summary ?? paper.abstract;
  if (text) lines.push('', escapeMarkdown(excerpt(text, 320)));
  return lines.join('\n');
}

/** The read-only page Go to Definition shows for a paper that is in the library but not in a bibliography file. */
export function paperPage(paper: Paper): string {
  const lines = [`# ${paper.title}`, '', authorsLine(paper, 50), ''];
  const where = [paper.year ? String(paper.year) : undefined, paper.venue].filter(Boolean).join(' · ');
  if (where) lines.push(where, '');
  lines.push(`Citation key: \`@${paper.citekey}\``, '');
  if (paper.arxivId) lines.push(`arXiv: ${paper.arxivId}`, '');
  if (paper.doi) lines.push(`DOI: ${paper.doi}`, '');
  if (paper.summary) lines.push('## TL;DR', '', paper.summary, '');
  if (paper.abstract) lines.push('## Abstract', '', paper.abstract, '');
  lines.push('*Run "Paper Shelf: Search Papers" or hover the citation and choose "Open in Reader" to read it in Paper Shelf.*', '');
  return lines.join('\n');
}
