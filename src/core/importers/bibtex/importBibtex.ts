import { ImportedEntry, ImportProblem, ParsedImport, PaperDraft } from '../types';
import { findArxivId, isDoiUrl, normalizeArxivId, normalizeDoi, yearFromText } from '../identifiers';
import { BibEntry, parseBibtexSyntax } from './bibtexSyntax';
import { latexToUnicode, verbatimValue } from './latexToUnicode';
import { parseBibNameList } from './bibtexNames';

export interface BibtexImportOptions {
  /** @string macros defined in other files passed together (see collectBibtexStrings). */
  strings?: ReadonlyMap<string, string>;
}

/** Where an entry was published, by preference: journal, proceedings, then the degree-granting or issuing body. */
const VENUE_FIELDS = ['journal', 'journaltitle', 'booktitle', 'eventtitle', 'school', 'institution', 'organization', 'howpublished'];

function text(entry: BibEntry, field: string): string | undefined {
  const raw = entry.fields.get(field);
  if (raw === undefined) return undefined;
  const value = latexToUnicode(raw);
  return value || undefined;
}

function arxivIdOf(entry: BibEntry): string | undefined {
  const eprint = entry.fields.get('eprint');
  const kind = (entry.fields.get('archiveprefix') ?? entry.fields.get('eprinttype') ?? '').toLowerCase();
  if (eprint && (kind.includes('arxiv') || !kind)) {
    const id = normalizeArxivId(verbatimValue(eprint));
    if (id) return id;
  }
  for (const field of ['arxiv', 'arxivid', 'arxiv_id']) {
    const id = normalizeArxivId(verbatimValue(entry.fields.get(field) ?? ''));
    if (id) return id;
  }
  for (const field of ['url', 'doi', 'journal', 'journaltitle', 'note', 'howpublished', 'pages', 'volume']) {
    const value = entry.fields.get(field);
    if (!value || !/arxiv/i.test(value)) continue;
    const id = findArxivId(verbatimValue(value).replace(/preprint/i, ' ') + ' ' + latexToUnicode(value));
    if (id) return id;
  }
  return undefined;
}

function urlOf(entry: BibEntry): string | undefined {
  const url = entry.fields.get('url');
  if (url) return verbatimValue(url) || undefined;
  const howpublished = entry.fields.get('howpublished');
  const inUrl = howpublished?.match(/\\url\{([^}]+)\}/);
  return inUrl ? verbatimValue(inUrl[1]) : undefined;
}

function keywordsOf(entry: BibEntry): string[] {
  const value = text(entry, 'keywords');
  if (!value) return [];
  return [...new Set(value.split(/[;,]/).map((word) => word.trim()).filter((word) => word && word.length <= 60))];
}

export function draftFromBibEntry(entry: BibEntry): PaperDraft | string {
  const title = text(entry, 'title') ?? (entry.type === 'proceedings' ? text(entry, 'booktitle') : undefined);
  if (!title) return `entry ${entry.key} has no title (skipped)`;
  const authors = parseBibNameList(entry.fields.get('author') ?? entry.fields.get('editor') ?? '');
  const year = yearFromText(entry.fields.get('year')) ?? yearFromText(entry.fields.get('date'));
  const arxivId = arxivIdOf(entry);
  const rawDoi = entry.fields.get('doi');
  let url = urlOf(entry);
  let doi = rawDoi ? normalizeDoi(verbatimValue(rawDoi)) : undefined;
  if (!doi && url && isDoiUrl(url)) doi = normalizeDoi(url);
  if (url && doi && isDoiUrl(url)) url = undefined; // the DOI already links there
  let venue: string | undefined;
  for (const field of VENUE_FIELDS) {
    venue = text(entry, field);
    if (venue && !/^\\?url/.test(venue) && !/^https?:/.test(venue)) break;
    venue = undefined;
  }
  if (venue && arxivId && /^arxiv( preprint)?(\s*arxiv:\s*\S+)?$/i.test(venue)) venue = 'arXiv';
  const draft: PaperDraft = {
    citekey: entry.key,
    title,
    authors,
    year,
    venue,
    abstract: text(entry, 'abstract') ?? '',
    arxivId,
    doi,
    url,
    tags: keywordsOf(entry),
  };
  for (const key of Object.keys(draft) as (keyof PaperDraft)[]) if (draft[key] === undefined) delete draft[key];
  return draft;
}

/** Reads a .bib file; each broken entry becomes an error with its line, the others are imported. */
export function importBibtex(source: string, options: BibtexImportOptions = {}): ParsedImport {
  const syntax = parseBibtexSyntax(source, { strings: options.strings });
  const errors: ImportProblem[] = syntax.problems.map(({ line, message }) => ({ line, message }));
  const entries: ImportedEntry[] = [];
  for (const entry of syntax.entries) {
    // @xdata and @set entries carry shared data, not papers.
    if (entry.type === 'xdata' || entry.type === 'set') continue;
    const draft = draftFromBibEntry(entry);
    if (typeof draft === 'string') errors.push({ line: entry.line, message: draft });
    else entries.push({ draft, line: entry.line });
  }
  errors.sort((a, b) => a.line - b.line);
  return { format: 'bibtex', entries, errors };
}
