import type { Paper } from '../../core/paper';
import { paperFromRecord } from '../../core/paperRecord';
import { normalizeArxivId, normalizeDoi } from '../../core/importers/identifiers';

/** The fields a user edits; id and citekey stay (citations and notes depend on them). */
export const EDITABLE_FIELDS = ['title', 'authors', 'year', 'venue', 'abstract', 'arxivId', 'doi', 'url', 'codeUrl', 'topic', 'tags', 'status', 'starred'] as const;

export function metadataEditText(paper: Paper): string {
  const fields: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS) fields[field] = paper[field] ?? (field === 'starred' ? false : field === 'year' ? null : field === 'authors' || field === 'tags' ? [] : '');
  const header = { citekey: paper.citekey, id: paper.id, help: 'Edit the fields below, then save (Ctrl+S) to apply; close without saving to discard. citekey and id cannot change.' };
  return `${JSON.stringify({ _paperShelf: header, ...fields }, null, 2)}\n`;
}

/** Parses and checks an edited document; returns the updated paper, or what is wrong with the edit. */
export function validateMetadataEdit(original: Paper, text: string, library: readonly Paper[]): Paper | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `the document is not valid JSON (${(error as Error).message})`;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'the document must be one JSON object';
  const edited = { ...(data as Record<string, unknown>) };
  delete edited._paperShelf;
  const unknown = Object.keys(edited).filter((key) => !(EDITABLE_FIELDS as readonly string[]).includes(key));
  if (unknown.length) return `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')} (editable: ${EDITABLE_FIELDS.join(', ')})`;
  for (const field of ['venue', 'abstract', 'arxivId', 'doi', 'url', 'codeUrl', 'topic'] as const) {
    if (edited[field] === '' || edited[field] === null) edited[field] = undefined;
  }
  if (edited.starred !== undefined && typeof edited.starred !== 'boolean') return '"starred" must be true or false';
  if (typeof edited.arxivId === 'string') {
    const id = normalizeArxivId(edited.arxivId);
    if (!id) return `"${edited.arxivId}" is not an arXiv id (like 2101.00001 or hep-th/9901001)`;
    edited.arxivId = id;
  }
  if (typeof edited.doi === 'string') {
    const doi = normalizeDoi(edited.doi);
    if (!doi) return `"${edited.doi}" is not a DOI (like 10.1000/xyz)`;
    edited.doi = doi;
  }
  if (typeof edited.url === 'string' && !/^https?:\/\//i.test(edited.url.trim())) return '"url" must start with http:// or https://';
  const record: Record<string, unknown> = { ...original, ...edited, id: original.id, citekey: original.citekey };
  if (edited.starred === false) delete record.starred;
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  const result = paperFromRecord(record, new Set());
  if (typeof result === 'string') return result.replace(/^"[^"]*": /, '');
  // Keep what paperFromRecord does not know about (fields other features added), unchanged.
  const paper: Paper = { ...original, ...result };
  for (const field of EDITABLE_FIELDS) if (result[field] === undefined) delete paper[field];
  const clash = library.find((other) => other.id !== original.id && ((paper.arxivId && other.arxivId === paper.arxivId) || (paper.doi && other.doi?.toLowerCase() === paper.doi.toLowerCase())));
  if (clash) return `another paper in the library already has this ${clash.arxivId === paper.arxivId ? 'arXiv id' : 'DOI'} (“${clash.title}”)`;
  return paper;
}
