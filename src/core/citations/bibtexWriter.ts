import { arxivAbsUrl, familyName, type Paper } from '../paper';
import { latexEscape, latexEscapeTitle, verbatimField } from './latex';
import { arxivPrimaryClass, nameParts, publicationKind } from './venue';

export interface BibtexOptions {
  /** Include the abstract (library export: yes; a document's bibliography does not need it). Default true. */
  abstract?: boolean;
}

/** BibTeX entry type for a paper: journal → @article, conference → @inproceedings, arXiv-only → @misc. */
export function bibtexEntryType(paper: Pick<Paper, 'venue' | 'arxivId'>): 'article' | 'inproceedings' | 'misc' {
  const kind = publicationKind(paper);
  return kind === 'journal' ? 'article' : kind === 'conference' ? 'inproceedings' : 'misc';
}

/**
 * "Blaise Agüera y Arcas" → "{Ag{\"u}era y Arcas}, Blaise"; "Johannes von Oswald" → "von Oswald, Johannes".
 * Always "Family, Given" so BibTeX never has to guess; a family name with an inner lower-case word is braced so
 * it is not split into a "von" part, while a leading particle ("von", "van der") is left for BibTeX to recognise.
 */
export function bibtexName(author: string): string {
  const parts = nameParts(author, familyName(author));
  let family = latexEscape(parts.family);
  const words = parts.family.split(' ');
  if (words.length > 1 && !/^\p{Ll}/u.test(words[0]) && words.some((word) => /^\p{Ll}/u.test(word))) family = `{${family}}`;
  if (!parts.given) return words.length > 1 ? `{${latexEscape(parts.family)}}` : family;
  return `${family}, ${latexEscape(parts.given)}`;
}

/** A BibTeX key must not contain the characters that end or split an entry. */
export function isValidBibtexKey(key: string): boolean {
  return /^[^\s,{}()"#%'=\\~]+$/.test(key);
}

/** One BibTeX entry for a paper, ending with a newline. LaTeX-safe; parses with BibTeX, biber, pybtex and pandoc. */
export function formatBibtexEntry(paper: Paper, options: BibtexOptions = {}): string {
  if (!isValidBibtexKey(paper.citekey)) throw new Error(`"${paper.citekey}" cannot be used as a BibTeX key (no spaces, commas, braces or quotes).`);
  const type = bibtexEntryType(paper);
  const fields: [string, string][] = [['title', latexEscapeTitle(paper.title)]];
  if (paper.authors.length) fields.push(['author', paper.authors.map(bibtexName).join(' and ')]);
  // Venues are names: braced whole so sentence-casing (pandoc does it to BibTeX titles) leaves them as written.
  if (paper.venue && type === 'article') fields.push(['journal', `{${latexEscape(paper.venue)}}`]);
  if (paper.venue && type === 'inproceedings') fields.push(['booktitle', `{${latexEscape(paper.venue)}}`]);
  if (paper.year) fields.push(['year', String(paper.year)]);
  if (paper.doi) fields.push(['doi', verbatimField(paper.doi)]);
  const url = paper.url ?? (paper.arxivId ? arxivAbsUrl(paper.arxivId) : undefined);
  if (url) fields.push(['url', verbatimField(url)]);
  if (paper.arxivId) {
    fields.push(['eprint', verbatimField(paper.arxivId)], ['archivePrefix', 'arXiv']);
    const primaryClass = arxivPrimaryClass(paper);
    if (primaryClass) fields.push(['primaryClass', verbatimField(primaryClass)]);
    if (type === 'misc') fields.push(['publisher', 'arXiv']);
  }
  if (paper.tags.length) fields.push(['keywords', latexEscape(paper.tags.join(', '))]);
  if (options.abstract !== false && paper.abstract) fields.push(['abstract', latexEscape(paper.abstract.replace(/\s+/g, ' ').trim())]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@${type}{${paper.citekey},\n${body}\n}\n`;
}

/** Entries separated by a blank line, as reference managers write them. */
export function formatBibtex(papers: readonly Paper[], options: BibtexOptions = {}): string {
  return papers.map((paper) => formatBibtexEntry(paper, options)).join('\n');
}
