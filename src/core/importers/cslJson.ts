import { ImportedEntry, ImportProblem, ParsedImport, PaperDraft } from './types';
import { jsonErrorOffset } from './jsonErrorOffset';
import { findArxivId, isDoiUrl, normalizeArxivId, normalizeDoi, yearFromText } from './identifiers';

type Raw = Record<string, unknown>;

function str(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/<\/?(?:i|b|sup|sub|sc|span[^>]*)>/g, '').replace(/\s+/g, ' ').trim();
  return text || undefined;
}

/** CSL name → "Given non-dropping-particle Family" (suffix after a comma keeps the family name first). */
function cslName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const name = value as Raw;
  const literal = str(name.literal);
  if (literal) return literal;
  const given = [str(name.given), str(name['dropping-particle'])].filter(Boolean).join(' ');
  const family = [str(name['non-dropping-particle']), str(name.family)].filter(Boolean).join(' ');
  const suffix = str(name.suffix);
  if (!family) return given || undefined;
  if (suffix) return [family, suffix, given].filter(Boolean).join(', ');
  return [given, family].filter(Boolean).join(' ');
}

function cslYear(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return yearFromText(str(value));
  const date = value as Raw;
  const parts = date['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const year = Number(parts[0][0]);
    if (Number.isInteger(year) && year >= 1000 && year <= 3000) return year;
  }
  return yearFromText(str(date.raw) ?? str(date.literal));
}

/** A paper from another Paper Shelf library file (its own JSON, not CSL): authors are plain strings. */
function draftFromShelfPaper(raw: Raw): PaperDraft | string {
  const title = str(raw.title);
  if (!title) return 'has no title (skipped)';
  const strings = (value: unknown) => (Array.isArray(value) ? value.map(str).filter((item): item is string => Boolean(item)) : []);
  const year = typeof raw.year === 'number' && Number.isInteger(raw.year) && raw.year >= 1000 && raw.year <= 3000 ? raw.year : yearFromText(str(raw.year));
  const draft: PaperDraft = {
    citekey: str(raw.citekey),
    title,
    authors: strings(raw.authors),
    year,
    venue: str(raw.venue),
    abstract: typeof raw.abstract === 'string' ? raw.abstract.trim() : '',
    arxivId: normalizeArxivId(str(raw.arxivId)),
    doi: normalizeDoi(str(raw.doi)),
    url: str(raw.url),
    codeUrl: str(raw.codeUrl),
    tags: strings(raw.tags),
  };
  for (const field of Object.keys(draft) as (keyof PaperDraft)[]) if (draft[field] === undefined) delete draft[field];
  return draft;
}

export function draftFromCslItem(item: unknown): PaperDraft | string {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'is not a CSL item (an object)';
  const raw = item as Raw;
  if (Array.isArray(raw.authors) && !('author' in raw)) return draftFromShelfPaper(raw);
  const title = str(raw.title);
  const key = str(raw['citation-key']) ?? str(raw.citationKey) ?? str(raw.id);
  if (!title) return `${key ? `(${key}) ` : ''}has no title (skipped)`;
  const authorList = Array.isArray(raw.author) ? raw.author : Array.isArray(raw.editor) ? raw.editor : [];
  const authors = authorList.map(cslName).filter((name): name is string => Boolean(name));
  let url = str(raw.URL);
  const doi = normalizeDoi(str(raw.DOI)) ?? (url && isDoiUrl(url) ? normalizeDoi(url) : undefined);
  if (url && doi && isDoiUrl(url)) url = undefined;
  const arxivId = normalizeArxivId(str(raw.arxiv) ?? str(raw.arXiv)) ?? findArxivId([raw.number, raw.URL, raw.DOI, raw.note, raw['container-title']].map(str).join(' '));
  const containerTitle = str(raw['container-title']);
  const venue = containerTitle && !(arxivId && /^arxiv/i.test(containerTitle)) ? containerTitle : str(raw.publisher) === 'arXiv' ? 'arXiv' : containerTitle ?? str(raw['event-title']) ?? str(raw.publisher);
  const keywords = typeof raw.keyword === 'string' ? raw.keyword.split(/[;,]/).map((word) => word.trim()).filter(Boolean) : [];
  const draft: PaperDraft = {
    citekey: key && !/^\d+$/.test(key) && !/\s/.test(key) ? key : undefined,
    title,
    authors,
    year: cslYear(raw.issued) ?? cslYear(raw['original-date']),
    venue,
    abstract: str(raw.abstract) ?? '',
    arxivId,
    doi,
    url,
    tags: [...new Set(keywords)],
  };
  for (const field of Object.keys(draft) as (keyof PaperDraft)[]) if (draft[field] === undefined) delete draft[field];
  return draft;
}

/** 1-based line of each top-level array element's "{", found without a second JSON parse. */
function itemLines(source: string, arrayStart: number): number[] {
  const lines: number[] = [];
  let line = 1;
  for (let i = 0; i < arrayStart; i++) if (source.charCodeAt(i) === 10) line++;
  let depth = 0;
  let inString = false;
  for (let i = arrayStart; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      if (depth === 1) lines.push(line);
      depth++;
    } else if (ch === ']' || ch === '}') depth--;
  }
  return lines;
}

function jsonErrorLine(source: string): number {
  const offset = jsonErrorOffset(source);
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** CSL-JSON as Zotero and Better BibTeX export it: an array of items (or {"items": [...]}). */
export function importCslJson(source: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\ufeff/, ''));
  } catch (error) {
    return { format: 'csl-json', entries: [], errors: [{ line: jsonErrorLine(source), message: `not valid JSON: ${(error as Error).message}` }] };
  }
  // An array of items, Zotero's {"items": [...]}, or another Paper Shelf library {"format", "papers": [...]}.
  const listKey = typeof data === 'object' && data !== null && !Array.isArray(data) ? (['items', 'papers'] as const).find((key) => Array.isArray((data as Raw)[key])) : undefined;
  const items = Array.isArray(data) ? data : listKey ? ((data as Raw)[listKey] as unknown[]) : undefined;
  if (!items) {
    if (typeof data === 'object' && data !== null && typeof (data as Raw).title === 'string') return importCslJson(`[${source}]`);
    return { format: 'csl-json', entries: [], errors: [{ line: 1, message: 'expected a CSL-JSON array of items' }] };
  }
  const arrayStart = Array.isArray(data) ? source.indexOf('[') : source.indexOf('[', source.indexOf(`"${listKey}"`));
  const lines = itemLines(source, Math.max(0, arrayStart));
  const entries: ImportedEntry[] = [];
  const errors: ImportProblem[] = [];
  items.forEach((item, index) => {
    const line = lines[index] ?? 1;
    const draft = draftFromCslItem(item);
    if (typeof draft === 'string') errors.push({ line, message: `item ${index + 1} ${draft}` });
    else entries.push({ draft, line });
  });
  return { format: 'csl-json', entries, errors };
}
