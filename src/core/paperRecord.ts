import { Paper, READING_STATUSES, ReadingStatus } from './paper';
import { derivePaperId } from './paperId';
import { uniqueCitekey } from './citekey';
import { newPaperCitekey } from './citations/keyFormula';

export interface PaperProblem {
  /** Position of the entry in the file's paper list, 0-based. */
  index: number;
  message: string;
}

type Raw = Record<string, unknown>;

function optionalString(raw: Raw, key: string): string | undefined {
  const value = raw[key];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function stringList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return undefined;
  return value.map((item) => item.trim()).filter(Boolean);
}

/**
 * Turns one untrusted JSON entry into a Paper, filling what can be derived (id, citekey, status) and
 * rejecting what cannot (no title, wrong types). `takenKeys` is updated with the key it assigns.
 */
export function paperFromRecord(value: unknown, takenKeys: Set<string>): Paper | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not an object';
  const raw = value as Raw;
  const title = optionalString(raw, 'title');
  if (!title) return 'has no title';
  const authors = stringList(raw.authors);
  if (!authors) return `"${title}": authors must be a list of names`;
  const tags = stringList(raw.tags);
  if (!tags) return `"${title}": tags must be a list of strings`;
  let year: number | undefined;
  // A blank year ("" from a form or an export) means "no year", not a broken paper.
  if (raw.year !== undefined && raw.year !== null && !(typeof raw.year === 'string' && !raw.year.trim())) {
    year = typeof raw.year === 'string' ? Number(raw.year) : (raw.year as number);
    if (!Number.isInteger(year) || year < 1000 || year > 3000) return `"${title}": year must be a whole number like 2024`;
  }
  if (raw.abstract !== undefined && raw.abstract !== null && typeof raw.abstract !== 'string') return `"${title}": abstract must be text`;
  const status = raw.status ?? 'unread';
  if (!READING_STATUSES.includes(status as ReadingStatus)) return `"${title}": status must be one of ${READING_STATUSES.join(', ')}`;

  const arxivId = optionalString(raw, 'arxivId');
  const doi = optionalString(raw, 'doi');
  const id = optionalString(raw, 'id') ?? derivePaperId({ arxivId, doi, title });
  const citekey = optionalString(raw, 'citekey') ?? newPaperCitekey({ title, authors, year }, takenKeys);
  takenKeys.add(citekey);
  const paper: Paper = {
    id,
    citekey,
    title,
    authors,
    year,
    venue: optionalString(raw, 'venue'),
    abstract: typeof raw.abstract === 'string' ? raw.abstract.trim() : '',
    arxivId,
    arxivCategory: optionalString(raw, 'arxivCategory'),
    doi,
    url: optionalString(raw, 'url'),
    codeUrl: optionalString(raw, 'codeUrl'),
    topic: optionalString(raw, 'topic'),
    tags,
    status: status as ReadingStatus,
    summary: optionalString(raw, 'summary'),
    topicLocked: raw.topicLocked === true ? true : undefined,
    topicNamedByUser: raw.topicNamedByUser === true ? true : undefined,
    metadataMissing: raw.metadataMissing === true ? true : undefined,
    starred: raw.starred === true ? true : undefined,
    linkedFrom: optionalString(raw, 'linkedFrom'),
  };
  for (const key of Object.keys(paper) as (keyof Paper)[]) if (paper[key] === undefined) delete paper[key];
  return paper;
}

/**
 * Validates a list of entries. Keys already present in the data are reserved first, so a paper without a key
 * never takes one that a later entry already owns. Invalid entries are reported, valid ones kept.
 */
export function papersFromRecords(values: unknown[]): { papers: Paper[]; problems: PaperProblem[] } {
  const taken = new Set<string>();
  for (const value of values) {
    const key = typeof value === 'object' && value !== null ? (value as Raw).citekey : undefined;
    if (typeof key === 'string' && key.trim()) taken.add(key.trim());
  }
  const papers: Paper[] = [];
  const problems: PaperProblem[] = [];
  const seenIds = new Set<string>();
  const usedKeys = new Set<string>();
  values.forEach((value, index) => {
    const result = paperFromRecord(value, taken);
    if (typeof result === 'string') problems.push({ index, message: `paper ${index + 1} ${result}` });
    else if (seenIds.has(result.id)) problems.push({ index, message: `paper ${index + 1} repeats id ${result.id}` });
    else {
      seenIds.add(result.id);
      // The same key on two entries: the first keeps it (citations of it still resolve), later ones get a suffix.
      if (usedKeys.has(result.citekey)) {
        result.citekey = uniqueCitekey(result.citekey, taken);
        taken.add(result.citekey);
      }
      usedKeys.add(result.citekey);
      papers.push(result);
    }
  });
  return { papers, problems };
}
