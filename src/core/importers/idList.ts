import { ImportedEntry, ImportProblem, ParsedImport } from './types';
import { normalizeArxivId, normalizeDoi } from './identifiers';
import { arxivAbsUrl } from '../paper';

/** Recognises one line of an id list: an arXiv id or a DOI, bare or as a URL. */
export function parseIdLine(text: string): { arxivId: string } | { doi: string } | undefined {
  const value = text.trim().replace(/^<|>$/g, '');
  const arxivId = normalizeArxivId(value);
  if (arxivId) return { arxivId };
  const doi = normalizeDoi(value);
  if (doi) return { doi };
  return undefined;
}

/**
 * A plain list of arXiv ids or DOIs, one per line ("#" starts a comment). Offline there is no metadata, so each
 * becomes a stub with its identifier, a link, and `metadataMissing` set so the tree can say so.
 */
export function importIdList(source: string): ParsedImport {
  const entries: ImportedEntry[] = [];
  const errors: ImportProblem[] = [];
  source.replace(/^\ufeff/, '').split(/\r?\n/).forEach((raw, index) => {
    const text = raw.replace(/\s#.*$|^#.*$/, '').trim();
    if (!text) return;
    const line = index + 1;
    const id = parseIdLine(text);
    if (!id) {
      errors.push({ line, message: `not an arXiv id or DOI: "${text.slice(0, 60)}"` });
    } else if ('arxivId' in id) {
      entries.push({ line, draft: { title: `arXiv:${id.arxivId}`, authors: [], abstract: '', arxivId: id.arxivId, url: arxivAbsUrl(id.arxivId), metadataMissing: true, tags: [] } });
    } else {
      entries.push({ line, draft: { title: `doi:${id.doi}`, authors: [], abstract: '', doi: id.doi, url: `https://doi.org/${id.doi}`, metadataMissing: true, tags: [] } });
    }
  });
  return { format: 'id-list', entries, errors };
}

/** True when most non-empty lines are ids: the text is an id list rather than a listing. */
export function looksLikeIdList(source: string): boolean {
  const lines = source.split(/\r?\n/).map((line) => line.replace(/\s#.*$|^#.*$/, '').trim()).filter(Boolean).slice(0, 200);
  if (!lines.length) return false;
  return lines.filter((line) => parseIdLine(line)).length >= Math.max(1, lines.length * 0.6);
}
