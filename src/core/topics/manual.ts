import { Paper } from '../paper';

/** Case- and space-insensitive, like the tree's topic groups. */
export function sameTopic(a: string | undefined, b: string | undefined): boolean {
  const fold = (label: string | undefined) => (label ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  return fold(a) === fold(b);
}

/** Trims and collapses spaces; returns an error message for a label that cannot be a topic. */
export function checkTopicLabel(label: string): string | undefined {
  const clean = label.replace(/\s+/g, ' ').trim();
  if (!clean) return 'A topic needs a name.';
  if (clean.length > 120) return 'Keep the topic name under 120 characters.';
  if (sameTopic(clean, 'Unsorted')) return '"Unsorted" is where papers without a topic go; choose another name.';
  return undefined;
}

/**
 * Renames a topic (`from` undefined = the papers without a topic). The papers remember that the user named it,
 * so re-organizing gives the name to whichever new cluster holds most of them. Renaming onto an existing topic
 * merges the two.
 */
export function renameTopic(papers: readonly Paper[], from: string | undefined, to: string): Paper[] {
  const label = to.replace(/\s+/g, ' ').trim();
  return papers.map((paper) => {
    const member = from === undefined ? !paper.topic : !!paper.topic && sameTopic(paper.topic, from);
    const joins = !member && !!paper.topic && sameTopic(paper.topic, label);
    if (!member && !joins) return paper;
    return { ...paper, topic: label, topicNamedByUser: true };
  });
}

/**
 * Moves papers into a topic (existing or new) and pins them there: re-organizing keeps them with that topic.
 * A paper moved into a topic the user named keeps that mark, so the name and the paper stay together.
 */
export function movePapersToTopic(papers: readonly Paper[], ids: ReadonlySet<string>, to: string): Paper[] {
  const label = to.replace(/\s+/g, ' ').trim();
  const existing = papers.filter((paper) => !ids.has(paper.id) && paper.topic && sameTopic(paper.topic, label));
  const target = existing[0]?.topic ?? label;
  const userNamed = existing.length === 0 || existing.some((paper) => paper.topicNamedByUser);
  return papers.map((paper) => {
    if (!ids.has(paper.id)) return paper;
    const next: Paper = { ...paper, topic: target, topicLocked: true };
    if (userNamed) next.topicNamedByUser = true;
    else delete next.topicNamedByUser;
    return next;
  });
}

/** Topic labels with their paper counts, largest first, as a picker shows them. */
export function topicCounts(papers: readonly Paper[]): { label: string; count: number }[] {
  const counts = new Map<string, { label: string; count: number }>();
  for (const paper of papers) {
    if (!paper.topic) continue;
    const key = paper.topic.toLowerCase().replace(/\s+/g, ' ').trim();
    const entry = counts.get(key) ?? counts.set(key, { label: paper.topic, count: 0 }).get(key)!;
    entry.count++;
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
