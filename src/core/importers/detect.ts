import * as path from 'node:path';
import { ImportFormat } from './types';
import { looksLikeIdList } from './idList';

const BY_EXTENSION: Record<string, ImportFormat> = {
  '.bib': 'bibtex', '.bibtex': 'bibtex', '.biblatex': 'bibtex', '.json': 'csl-json', '.csljson': 'csl-json', '.ris': 'ris',
};

/** The format from the file name, or from the content when the extension says nothing (.txt, none). */
export function detectFormat(fileName: string, text: string): ImportFormat {
  const byName = BY_EXTENSION[path.extname(fileName).toLowerCase()];
  if (byName) return byName;
  const head = text.replace(/^\ufeff/, '').trimStart().slice(0, 4096);
  if (head.startsWith('[') || head.startsWith('{')) return 'csl-json';
  if (/^TY {2}- /m.test(head)) return 'ris';
  if (/^\s*@[A-Za-z]+\s*[{(]/m.test(head)) return 'bibtex';
  if (looksLikeIdList(text)) return 'id-list';
  return 'hf-listing';
}
