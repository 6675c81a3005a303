import { ImportedEntry, ImportProblem, ParsedImport, PaperDraft } from './types';
import { findArxivId, isDoiUrl, normalizeDoi, yearFromText } from './identifiers';

const TAG_LINE = /^([A-Z][A-Z0-9])  ?-(?: (.*))?$/;

interface RisRecord {
  line: number;
  fields: Map<string, string[]>;
}

function first(record: RisRecord, ...tags: string[]): string | undefined {
  for (const tag of tags) {
    const value = record.fields.get(tag)?.find((item) => item.trim());
    if (value) return value.trim();
  }
  return undefined;
}

function all(record: RisRecord, ...tags: string[]): string[] {
  return tags.flatMap((tag) => record.fields.get(tag) ?? []).map((value) => value.trim()).filter(Boolean);
}

/** RIS names are "Last, First" (sometimes "Last, First, Suffix"); Paper keeps "First Last". */
function risName(value: string): string {
  const parts = value.split(',').map((part) => part.trim()).filter(Boolean);
  if (parts.length === 2) return `${parts[1]} ${parts[0]}`;
  if (parts.length === 3) return `${parts[0]}, ${parts[2]}, ${parts[1]}`;
  return value.trim();
}

function draftFromRecord(record: RisRecord): PaperDraft | string {
  const title = first(record, 'TI', 'T1', 'CT', 'BT');
  const id = first(record, 'ID');
  if (!title) return `record${id ? ` ${id}` : ''} has no title (TI) and was skipped`;
  let url = first(record, 'UR', 'L2');
  const doi = normalizeDoi(first(record, 'DO', 'M3')) ?? (url && isDoiUrl(url) ? normalizeDoi(url) : undefined);
  if (url && doi && isDoiUrl(url)) url = undefined;
  const draft: PaperDraft = {
    citekey: id && /^[\w:.\-+/]+$/.test(id) && !/^\d+$/.test(id) ? id : undefined,
    title: title.replace(/\s+/g, ' '),
    authors: all(record, 'AU', 'A1').map(risName),
    year: yearFromText(first(record, 'PY', 'Y1', 'DA')),
    venue: first(record, 'T2', 'JF', 'JO', 'JA', 'J2', 'BT', 'PB'),
    abstract: (first(record, 'AB', 'N2') ?? '').replace(/\s+/g, ' '),
    arxivId: findArxivId([first(record, 'UR'), first(record, 'DO'), first(record, 'N1'), first(record, 'T2'), first(record, 'JO')].join(' ')),
    doi,
    url,
    tags: [...new Set(all(record, 'KW'))],
  };
  if (!first(record, 'AU', 'A1')) draft.authors = all(record, 'A2', 'ED').map(risName);
  for (const field of Object.keys(draft) as (keyof PaperDraft)[]) if (draft[field] === undefined) delete draft[field];
  return draft;
}

/** RIS (Zotero, EndNote, Mendeley exports): records from "TY  -" to "ER  -"; untagged lines continue the previous field. */
export function importRis(source: string): ParsedImport {
  const entries: ImportedEntry[] = [];
  const errors: ImportProblem[] = [];
  let record: RisRecord | undefined;
  let lastTag: string | undefined;
  const finish = () => {
    if (!record) return;
    const draft = draftFromRecord(record);
    if (typeof draft === 'string') errors.push({ line: record.line, message: draft });
    else entries.push({ draft, line: record.line });
    record = undefined;
  };
  const lines = source.replace(/^\ufeff/, '').split(/\r?\n/);
  lines.forEach((text, index) => {
    const line = index + 1;
    const match = text.match(TAG_LINE);
    if (!match) {
      if (!text.trim()) return;
      if (record && lastTag) {
        const values = record.fields.get(lastTag)!;
        values[values.length - 1] += ` ${text.trim()}`;
      } else errors.push({ line, message: `text outside a record (records start with "TY  - "): ${text.trim().slice(0, 40)}` });
      return;
    }
    const [, tag, value = ''] = match;
    if (tag === 'TY') {
      if (record) {
        errors.push({ line: record.line, message: 'record has no "ER  -" end line (read up to the next record)' });
        finish();
      }
      record = { line, fields: new Map() };
      lastTag = undefined;
      return;
    }
    if (tag === 'ER') {
      if (!record) errors.push({ line, message: '"ER  -" without a record' });
      finish();
      lastTag = undefined;
      return;
    }
    if (!record) {
      errors.push({ line, message: `field ${tag} outside a record (records start with "TY  - ")` });
      return;
    }
    const values = record.fields.get(tag) ?? [];
    values.push(value);
    record.fields.set(tag, values);
    lastTag = tag;
  });
  if (record) {
    errors.push({ line: record.line, message: 'record has no "ER  -" end line (read to the end of the file)' });
    finish();
  }
  return { format: 'ris', entries, errors };
}
