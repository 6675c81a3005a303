import * as path from 'node:path';
import { yamlModule } from './yamlModule';
import type { Paper } from '../paper';
import { formatBibtexEntry } from './bibtexWriter';
import { scanBibtex } from './bibtexScan';
import { paperToCsl } from './csl';

export type BibliographyFormat = 'bibtex' | 'csl-json' | 'csl-yaml';

/** `.bib` → BibTeX, `.json` → CSL-JSON, `.yaml`/`.yml` → CSL-YAML (as pandoc reads them). */
export function bibliographyFormat(filePath: string): BibliographyFormat | undefined {
  const ext = path.extname(filePath).toLowerCase();
  if (ext === '.bib' || ext === '.bibtex') return 'bibtex';
  if (ext === '.json') return 'csl-json';
  if (ext === '.yaml' || ext === '.yml') return 'csl-yaml';
  return undefined;
}

/** A bibliography file that Paper Shelf will not edit, and why. */
export class BibliographyFileError extends Error {
  constructor(readonly filePath: string, readonly reason: string) {
    super(`${filePath} ${reason}. Paper Shelf left it unchanged; fix it (or choose another file) and try again.`);
    this.name = 'BibliographyFileError';
  }
}

/** The citation keys a bibliography file holds. Throws BibliographyFileError when it does not parse. */
export function bibliographyKeys(text: string, format: BibliographyFormat, filePath: string): string[] {
  if (format === 'bibtex') {
    const scan = scanBibtex(text);
    if (scan.errors.length) throw new BibliographyFileError(filePath, `is not valid BibTeX (${scan.errors[0]})`);
    return scan.entries.filter((entry) => !['string', 'preamble', 'comment'].includes(entry.type)).map((entry) => entry.key);
  }
  if (format === 'csl-json') return cslJsonItems(text, filePath).map((item) => String(item.id));
  return cslYamlKeys(text, filePath);
}

function cslJsonItems(text: string, filePath: string): { id?: unknown }[] {
  if (!text.trim()) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BibliographyFileError(filePath, `is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data)) throw new BibliographyFileError(filePath, 'is not a CSL-JSON list of references ([...])');
  return data as { id?: unknown }[];
}

function cslYamlDocument(text: string, filePath: string) {
  const { isMap, isSeq, parseDocument } = yamlModule();
  const doc = parseDocument(text);
  if (doc.errors.length) throw new BibliographyFileError(filePath, `is not valid YAML (${doc.errors[0].message.split('\n')[0]})`);
  const contents = doc.contents;
  const references = isMap(contents) ? contents.get('references', true) : isSeq(contents) ? contents : undefined;
  if (contents !== null && contents !== undefined && !isSeq(references)) {
    throw new BibliographyFileError(filePath, 'has no "references:" list of CSL items');
  }
  return { doc, references: isSeq(references) ? references : undefined };
}

function cslYamlKeys(text: string, filePath: string): string[] {
  if (!text.trim()) return [];
  const { references } = cslYamlDocument(text, filePath);
  const { isMap } = yamlModule();
  return (references?.items ?? []).map((item) => (isMap(item) ? String(item.get('id')) : '')).filter(Boolean);
}

export interface BibliographyUpdate {
  /** Where to insert and what; the rest of the file is left exactly as it was. Undefined when nothing is added. */
  insertion?: { offset: number; text: string };
  /** The full new content (the old bytes with the insertion). */
  newText: string;
  added: string[];
  alreadyPresent: string[];
}

/**
 * Plans adding the papers to a bibliography file: entries whose key the file already has are skipped, the others
 * are appended (BibTeX: at the end; CSL-JSON: before the closing `]`; CSL-YAML: after the last reference).
 * `existing` undefined means the file does not exist yet. Throws BibliographyFileError if the file does not parse.
 */
export function planBibliographyUpdate(existing: string | undefined, filePath: string, papers: readonly Paper[]): BibliographyUpdate {
  const format = bibliographyFormat(filePath);
  if (!format) throw new BibliographyFileError(filePath, 'is not a .bib, .json or .yaml bibliography');
  const text = existing ?? '';
  const existingKeys = bibliographyKeys(text, format, filePath);
  const present = new Set(existingKeys);
  const toAdd: Paper[] = [];
  const alreadyPresent: string[] = [];
  for (const paper of papers) {
    if (present.has(paper.citekey)) alreadyPresent.push(paper.citekey);
    else {
      present.add(paper.citekey);
      toAdd.push(paper);
    }
  }
  if (toAdd.length === 0) return { newText: text, added: [], alreadyPresent };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const insertion =
    format === 'bibtex' ? bibtexInsertion(text, toAdd, eol) : format === 'csl-json' ? cslJsonInsertion(text, toAdd, eol, filePath) : cslYamlInsertion(text, toAdd, eol, filePath);
  const newText = text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset);
  // The result must still parse and hold every key, or nothing is written. A .bib is only appended to, and the
  // old text ended outside any entry (it parsed), so checking the appended text is enough there.
  const checked = format === 'bibtex' ? insertion.text : newText;
  const after = new Set([...(format === 'bibtex' ? existingKeys : []), ...bibliographyKeys(checked, format, filePath)]);
  const missing = papers.filter((paper) => !after.has(paper.citekey));
  if (missing.length) throw new BibliographyFileError(filePath, `could not be extended safely (entry ${missing[0].citekey} would not be readable)`);
  return { insertion, newText, added: toAdd.map((paper) => paper.citekey), alreadyPresent };
}

function withEol(text: string, eol: string): string {
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

function bibtexInsertion(text: string, papers: readonly Paper[], eol: string) {
  const entries = papers.map((paper) => formatBibtexEntry(paper, { abstract: false })).join('\n');
  const separator = text.length === 0 ? '' : /\n\s*\n$/.test(text) ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  return { offset: text.length, text: withEol(separator + entries, eol) };
}

function indent(text: string, spaces: string): string {
  return text.split('\n').map((line) => (line ? spaces + line : line)).join('\n');
}

function cslJsonInsertion(text: string, papers: readonly Paper[], eol: string, filePath: string) {
  const items = papers.map((paper) => indent(JSON.stringify(paperToCsl(paper, { abstract: false }), null, 2), '  ')).join(',\n');
  if (!text.trim()) return { offset: 0, text: withEol(`[\n${items}\n]\n`, eol) };
  const close = text.lastIndexOf(']');
  if (close < 0) throw new BibliographyFileError(filePath, 'is not a CSL-JSON list of references ([...])');
  let last = close - 1;
  while (last >= 0 && /\s/.test(text[last])) last--;
  const empty = text[last] === '[';
  return { offset: last + 1, text: withEol(empty ? `\n${items}\n` : `,\n${items}`, eol) };
}

function cslYamlInsertion(text: string, papers: readonly Paper[], eol: string, filePath: string) {
  const items = papers.map((paper) => paperToCsl(paper, { abstract: false }));
  const { stringify } = yamlModule();
  if (!text.trim()) return { offset: 0, text: withEol(`---\n${stringify({ references: items }, { lineWidth: 0 })}...\n`, eol) };
  const { references } = cslYamlDocument(text, filePath);
  if (!references || references.flow || !references.range || references.items.length === 0) {
    throw new BibliographyFileError(filePath, 'has a "references" list Paper Shelf cannot append to (empty or written inline as [...])');
  }
  // Indent new items like the existing ones: column of the first "-".
  const firstItem = references.range[0];
  const lineStart = text.lastIndexOf('\n', firstItem - 1) + 1;
  const column = ' '.repeat(firstItem - lineStart);
  const yaml = stringify(items, { lineWidth: 0 }).replace(/\n$/, '');
  const block = indent(yaml, column);
  // Insert after the last item's text (before any trailing comments or the "..." end marker).
  const lastItem = references.items[references.items.length - 1] as { range?: [number, number, number] };
  let offset = lastItem.range ? lastItem.range[1] : references.range[1];
  const lineEnd = text.indexOf('\n', offset - 1 < 0 ? 0 : offset - 1);
  offset = text[offset - 1] === '\n' ? offset : lineEnd < 0 ? text.length : lineEnd + 1;
  const needsNewline = offset === text.length && !text.endsWith('\n');
  return { offset, text: withEol(`${needsNewline ? '\n' : ''}${block}\n`, eol) };
}
