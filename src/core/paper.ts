export const READING_STATUSES = ['unread', 'reading', 'read'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

/** One paper in a library. `id` never changes once assigned; `citekey` never changes once used. */
export interface Paper {
  id: string;
  citekey: string;
  title: string;
  authors: string[];
  year?: number;
  venue?: string;
  abstract: string;
  arxivId?: string;
  /** arXiv primary category ("cs.LG"), written as BibTeX primaryClass. */
  arxivCategory?: string;
  doi?: string;
  url?: string;
  codeUrl?: string;
  /** Topic label; papers without one are shown under "Unsorted". */
  topic?: string;
  tags: string[];
  status: ReadingStatus;
  /** Extractive TL;DR cached by the summarizer. */
  summary?: string;
  /** The user put this paper in its topic by hand; "Organize Library into Topics" keeps it with that topic. */
  topicLocked?: boolean;
  /** The topic's label was written by the user (Rename Topic); re-organizing keeps it for the matching cluster. */
  topicNamedByUser?: boolean;
  /** Imported from a bare arXiv id or DOI while offline: only the identifier and link are known. */
  metadataMissing?: boolean;
  /** Starred by the user. */
  starred?: boolean;
  /** Absolute path of the linked bibliography (.bib / CSL-JSON) this paper is kept in step with. */
  linkedFrom?: string;
}

export const UNSORTED_TOPIC = 'Unsorted';

export function firstAuthorFamilyName(paper: Pick<Paper, 'authors'>): string | undefined {
  const first = paper.authors[0];
  if (!first) return undefined;
  return familyName(first);
}

/** "Ashish Vaswani" → "Vaswani"; "Vaswani, Ashish" → "Vaswani"; "Blaise Agüera y Arcas" → "Agüera y Arcas". */
export function familyName(author: string): string {
  const trimmed = author.trim();
  const comma = trimmed.indexOf(',');
  if (comma >= 0) return trimmed.slice(0, comma).trim();
  const parts = trimmed.split(/\s+/);
  if (parts.length === 1) return parts[0];
  // Spanish/Portuguese style double family names joined by "y"/"e", and particles such as "van der".
  for (let i = 1; i < parts.length - 1; i++) {
    if (/^(y|e|van|von|der|den|de|del|della|di|da|du|la|le|dos|das)$/.test(parts[i])) {
      const start = /^(y|e)$/.test(parts[i]) ? i - 1 : i;
      return parts.slice(start).join(' ');
    }
  }
  return parts[parts.length - 1];
}

/** "Vaswani et al. · 2017", as shown in the tree and the search list. */
export function shortByline(paper: Pick<Paper, 'authors' | 'year'>): string {
  const family = firstAuthorFamilyName(paper);
  const who = !family ? 'Unknown author' : paper.authors.length === 1 ? family : paper.authors.length === 2 ? `${family} & ${familyName(paper.authors[1])}` : `${family} et al.`;
  return paper.year ? `${who} · ${paper.year}` : who;
}

export function arxivAbsUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${encodeURIComponent(arxivId).replace(/%2F/g, '/')}`;
}

/** Where "Open on arXiv" / the title link goes: arXiv first, then the paper's own URL, then its DOI. */
export function paperLink(paper: Pick<Paper, 'arxivId' | 'url' | 'doi'>): string | undefined {
  if (paper.arxivId) return arxivAbsUrl(paper.arxivId);
  if (paper.url) return paper.url;
  if (paper.doi) return `https://doi.org/${paper.doi}`;
  return undefined;
}
