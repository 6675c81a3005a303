import type { Paper } from '../../core/paper';

/** Every tag in the library, most used first, then alphabetically. */
export function collectTags(papers: readonly Paper[]): string[] {
  const counts = new Map<string, number>();
  for (const paper of papers) for (const tag of paper.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}

/**
 * Sets the tags chosen for several papers at once: a tag that every paper had and that was unchecked is removed,
 * checked tags are added to all, and a tag only some papers had (shown unchecked) stays where it was.
 */
export function applyTags(papers: readonly Paper[], chosen: readonly string[]): Paper[] {
  const clean = [...new Set(chosen.map((tag) => tag.trim().replace(/\s+/g, ' ')).filter(Boolean))];
  const onAll = new Set(papers.length ? papers[0].tags.filter((tag) => papers.every((paper) => paper.tags.includes(tag))) : []);
  const removed = new Set([...onAll].filter((tag) => !clean.includes(tag)));
  return papers.map((paper) => {
    const kept = paper.tags.filter((tag) => !removed.has(tag));
    return { ...paper, tags: [...kept, ...clean.filter((tag) => !kept.includes(tag))] };
  });
}
