import { Paper, UNSORTED_TOPIC } from './paper';

export const GROUP_BY_MODES = ['topic', 'year', 'venue'] as const;
export type GroupBy = (typeof GROUP_BY_MODES)[number];

export interface PaperGroup {
  label: string;
  papers: Paper[];
}

const FALLBACK_LABEL: Record<GroupBy, string> = { topic: UNSORTED_TOPIC, year: 'No year', venue: 'No venue' };

function groupKey(paper: Paper, by: GroupBy): string | undefined {
  if (by === 'topic') return paper.topic;
  if (by === 'year') return paper.year?.toString();
  return paper.venue;
}

/**
 * Groups papers for the tree. Topics sort by size (largest first), years newest first, venues alphabetically;
 * the fallback group ("Unsorted", "No year", "No venue") always comes last. Papers keep library order inside a group.
 */
export function groupPapers(papers: readonly Paper[], by: GroupBy): PaperGroup[] {
  const groups = new Map<string, Paper[]>();
  const fallback: Paper[] = [];
  for (const paper of papers) {
    const key = groupKey(paper, by);
    if (!key) fallback.push(paper);
    else (groups.get(key) ?? groups.set(key, []).get(key)!).push(paper);
  }
  const sorted = [...groups.entries()].map(([label, members]) => ({ label, papers: members }));
  if (by === 'topic') sorted.sort((a, b) => b.papers.length - a.papers.length || a.label.localeCompare(b.label));
  else if (by === 'year') sorted.sort((a, b) => Number(b.label) - Number(a.label));
  else sorted.sort((a, b) => a.label.localeCompare(b.label));
  if (fallback.length) sorted.push({ label: FALLBACK_LABEL[by], papers: fallback });
  return sorted;
}
