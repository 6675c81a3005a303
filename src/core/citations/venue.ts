import type { Paper } from '../paper';

/** What kind of publication a paper is, as far as its venue string tells. */
export type PublicationKind = 'journal' | 'conference' | 'preprint' | 'other';

const JOURNAL = /\b(transactions|journal|letters|magazine|review|reviews|annals|TMLR|JMLR|TACL|PAMI|nature|science|PNAS|PLOS|cell|bulletin|quarterly)\b/i;
const ARXIV_ONLY = /^\s*(arxiv|corr|preprint)(\b|$)/i;

export function publicationKind(paper: Pick<Paper, 'venue' | 'arxivId'>): PublicationKind {
  const venue = paper.venue?.trim();
  if (!venue || ARXIV_ONLY.test(venue)) return paper.arxivId || venue ? 'preprint' : 'other';
  if (JOURNAL.test(venue)) return 'journal';
  return 'conference';
}

/** The arXiv category ("cs.LG") when the paper records one. */
export function arxivPrimaryClass(paper: Pick<Paper, 'arxivId' | 'arxivCategory'>): string | undefined {
  if (paper.arxivCategory) return paper.arxivCategory;
  // Old-style identifiers carry their archive: "hep-th/9901001" → "hep-th".
  const old = paper.arxivId?.match(/^([a-z-]+(?:\.[A-Z]{2})?)\/\d{7}/);
  return old?.[1];
}

/** Splits an author string into CSL-style parts. One-word names are kept whole as a literal (organisations). */
export function nameParts(author: string, family: string): { family: string; given?: string } {
  const trimmed = author.trim().replace(/\s+/g, ' ');
  const comma = trimmed.indexOf(',');
  if (comma >= 0) {
    const given = trimmed.slice(comma + 1).trim();
    return given ? { family: trimmed.slice(0, comma).trim(), given } : { family: trimmed.slice(0, comma).trim() };
  }
  const index = trimmed.lastIndexOf(family);
  const given = index > 0 ? trimmed.slice(0, index).trim() : '';
  return given ? { family, given } : { family: trimmed };
}
