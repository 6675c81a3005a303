import type { Paper } from '../../core/paper';
import { STATUS_LABEL } from '../../core/grouping';

/** Escapes text from a library file so Markdown and HTML in it are shown literally, never rendered or linked. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~<>&]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The start of the abstract, cut at a word boundary. */
export function abstractExcerpt(abstract: string, maxChars = 320): string {
  const text = abstract.replace(/\s+/g, ' ').trim();
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** Hover text for a paper in the tree: title, all authors, venue · year, status, and the first lines of the abstract. */
export function paperTooltipMarkdown(paper: Paper): string {
  const lines = [`**${escapeMarkdown(paper.title)}**`, ''];
  if (paper.authors.length) lines.push(escapeMarkdown(paper.authors.join(', ')), '');
  const where = [paper.venue, paper.year?.toString()].filter((part): part is string => Boolean(part));
  const meta = [...where.map(escapeMarkdown), STATUS_LABEL[paper.status] ?? paper.status];
  if (paper.starred) meta.push('★ starred');
  if (paper.metadataMissing) meta.push('metadata missing');
  if (paper.arxivId) meta.push(`arXiv:${escapeMarkdown(paper.arxivId)}`);
  meta.push(`\`@${paper.citekey.replace(/`/g, '')}\``);
  lines.push(`*${meta.join(' · ')}*`);
  if (paper.tags.length) lines.push('', `Tags: ${paper.tags.map(escapeMarkdown).join(', ')}`);
  if (paper.abstract) lines.push('', '---', '', escapeMarkdown(abstractExcerpt(paper.abstract)));
  return lines.join('\n');
}
