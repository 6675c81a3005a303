import { Paper, paperLink, shortByline } from '../../core/paper';

const STATUS_ORDER = { reading: 0, unread: 1, read: 2 } as const;
const STATUS_HEADINGS = { reading: 'Reading', unread: 'To read', read: 'Read' } as const;

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/**
 * A Markdown reading list: papers grouped by reading status (reading, to read, read), each a task-list item with
 * its byline, venue, link and citation key, so it renders on GitHub and in VS Code's preview.
 */
export function formatReadingList(papers: readonly Paper[], title: string): string {
  const lines = [`# ${escapeMarkdown(title)}`, '', `${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}`, ''];
  const sorted = [...papers].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  let current: Paper['status'] | undefined;
  for (const paper of sorted) {
    if (paper.status !== current) {
      current = paper.status;
      lines.push(`## ${STATUS_HEADINGS[current]}`, '');
    }
    const link = paperLink(paper);
    const name = link ? `[${escapeMarkdown(paper.title)}](${link.replace(/[()\s]/g, encodeURIComponent)})` : `**${escapeMarkdown(paper.title)}**`;
    const details = [shortByline(paper), paper.venue ? `*${escapeMarkdown(paper.venue)}*` : undefined, `\`@${paper.citekey}\``].filter(Boolean).join(' · ');
    const star = paper.starred ? ' ★' : '';
    const tags = paper.tags.length ? ` — ${paper.tags.map((tag) => `#${tag.replace(/\s+/g, '-')}`).join(' ')}` : '';
    lines.push(`- [${paper.status === 'read' ? 'x' : ' '}] ${name}${star} — ${details}${tags}`);
    if (paper.summary) lines.push(`  > ${escapeMarkdown(paper.summary.replace(/\s+/g, ' '))}`);
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
