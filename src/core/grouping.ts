import { Paper, READING_STATUSES, ReadingStatus, UNSORTED_TOPIC } from './paper';
import { foldAccents } from './text/fold';

export const GROUP_BY_MODES = ['topic', 'year', 'venue', 'tag', 'status'] as const;
export type GroupBy = (typeof GROUP_BY_MODES)[number];

export function isGroupBy(value: unknown): value is GroupBy {
  return typeof value === 'string' && (GROUP_BY_MODES as readonly string[]).includes(value);
}

export interface PaperGroup {
  /** Stable within a mode (case- and accent-insensitive for text values), so ids built from it survive a reload. */
  key: string;
  label: string;
  papers: Paper[];
}

/** Key of the group that collects papers without a value; it cannot clash with a real key. */
export const FALLBACK_GROUP_KEY = '~none';

const FALLBACK_LABEL: Record<GroupBy, string> = {
  topic: UNSORTED_TOPIC,
  year: 'No year',
  venue: 'No venue',
  tag: 'Untagged',
  status: 'No status',
};

export const STATUS_LABEL: Record<ReadingStatus, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };
/** What is being read comes first, then the pile, then what is done. */
const STATUS_ORDER: readonly ReadingStatus[] = ['reading', 'unread', 'read'];

function textKey(value: string): string {
  return foldAccents(value).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** textKey per distinct label: a 10,000-paper library has only a few hundred topics, venues or tags. */
function memoized(fn: (value: string) => string): (value: string) => string {
  const cache = new Map<string, string>();
  return (value) => cache.get(value) ?? cache.set(value, fn(value)).get(value)!;
}

/** The raw labels a paper is grouped under; a paper may sit in several tag groups, or none. */
function groupLabels(paper: Paper, by: GroupBy): string[] {
  switch (by) {
    case 'topic':
      return paper.topic ? [paper.topic] : [];
    case 'year':
      return paper.year !== undefined ? [String(paper.year)] : [];
    case 'venue':
      return paper.venue ? [paper.venue] : [];
    case 'tag':
      return paper.tags;
    case 'status':
      return READING_STATUSES.includes(paper.status) ? [paper.status] : [];
  }
}

/**
 * Orders labels ignoring case and accents, with digit runs compared as numbers ("Topic 2" before "Topic 10").
 * Not Intl.Collator: creating one loads ICU collation data, 6-16 ms of the extension's activation here.
 */
export function compareLabels(a: string, b: string): number {
  return compareSortKeys(sortKey(a), sortKey(b));
}

interface SortKey {
  label: string;
  chunks: string[];
}

function sortKey(label: string): SortKey {
  return { label, chunks: foldAccents(label).toLowerCase().split(/(\d+)/).filter(Boolean) };
}

function compareSortKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.min(a.chunks.length, b.chunks.length); i++) {
    const x = a.chunks[i];
    const y = b.chunks[i];
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    const order = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (order) return order;
  }
  return a.chunks.length - b.chunks.length || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

function sortGroups(groups: PaperGroup[], by: GroupBy): void {
  if (by === 'year') return void groups.sort((a, b) => Number(b.key) - Number(a.key));
  if (by === 'status') return void groups.sort((a, b) => STATUS_ORDER.indexOf(a.key as ReadingStatus) - STATUS_ORDER.indexOf(b.key as ReadingStatus));
  // Keys once per group, not per comparison: the tree regroups on every filter keystroke.
  const keys = new Map(groups.map((group) => [group, sortKey(group.label)]));
  const byLabel = (a: PaperGroup, b: PaperGroup) => compareSortKeys(keys.get(a)!, keys.get(b)!);
  if (by === 'topic') groups.sort((a, b) => b.papers.length - a.papers.length || byLabel(a, b));
  else groups.sort(byLabel);
}

/**
 * Groups papers for the tree. Topics sort by size (largest first), years newest first, venues and tags
 * alphabetically, statuses reading → unread → read; the fallback group ("Unsorted", "No year", "No venue",
 * "Untagged") always comes last. Text values that differ only in case or accents share a group, labelled as first
 * seen. Papers keep library order inside a group; a paper with several tags appears once in each tag's group.
 */
export function groupPapers(papers: readonly Paper[], by: GroupBy): PaperGroup[] {
  const groups = new Map<string, PaperGroup>();
  const fallback: Paper[] = [];
  const fallbackKey = textKey(FALLBACK_LABEL[by]);
  const keyOf = memoized(textKey);
  for (const paper of papers) {
    const keys = new Set<string>();
    for (const label of groupLabels(paper, by)) {
      const key = by === 'year' || by === 'status' ? label : keyOf(label);
      if (!key || keys.has(key)) continue;
      keys.add(key);
      // A topic literally called "Unsorted" is the fallback group, not a second group with the same label.
      if (key === fallbackKey) continue;
      const group = groups.get(key) ?? groups.set(key, { key, label: by === 'status' ? STATUS_LABEL[label as ReadingStatus] : label, papers: [] }).get(key)!;
      group.papers.push(paper);
    }
    if (keys.size === 0 || keys.has(fallbackKey)) fallback.push(paper);
  }
  const sorted = [...groups.values()];
  sortGroups(sorted, by);
  if (fallback.length) sorted.push({ key: FALLBACK_GROUP_KEY, label: FALLBACK_LABEL[by], papers: fallback });
  return sorted;
}

export const GROUP_BY_LABEL: Record<GroupBy, string> = { topic: 'topic', year: 'year', venue: 'venue', tag: 'tag', status: 'reading status' };
