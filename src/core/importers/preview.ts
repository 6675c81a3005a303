import { Paper } from '../paper';
import { derivePaperId } from '../paperId';
import { uniqueCitekey } from '../citekey';
import { newPaperCitekey } from '../citations/keyFormula';
import { foldAccents } from '../text/fold';
import { ImportProblem, ParsedImport, PaperDraft } from './types';

export type DuplicateReason = 'arXiv id' | 'DOI' | 'title';

export interface DuplicateEntry {
  line: number;
  title: string;
  reason: DuplicateReason;
  /** The paper already in the library (or earlier in the same file) that this entry repeats. */
  existingId: string;
}

/** What an import would do, computed without writing anything. */
export interface ImportPreview {
  added: number;
  duplicates: number;
  errors: ImportProblem[];
  /** The new papers, with ids and unique citekeys assigned, in file order. */
  papers: Paper[];
  duplicateEntries: DuplicateEntry[];
}

/** Title key for duplicate detection: accents folded, case and punctuation ignored, any script kept. */
export function titleKey(title: string): string {
  return foldAccents(title).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The identities a paper can be recognised by: arXiv id (no version), DOI and title, all case-insensitive. */
export function identityKeys(paper: Pick<Paper, 'arxivId' | 'doi' | 'title'>): { reason: DuplicateReason; key: string }[] {
  const keys: { reason: DuplicateReason; key: string }[] = [];
  if (paper.arxivId) keys.push({ reason: 'arXiv id', key: `arxiv:${paper.arxivId.toLowerCase().replace(/^arxiv:/, '').replace(/v\d+$/, '')}` });
  if (paper.doi) keys.push({ reason: 'DOI', key: `doi:${paper.doi.toLowerCase()}` });
  const title = titleKey(paper.title);
  if (title) keys.push({ reason: 'title', key: `title:${title}` });
  return keys;
}

export class IdentityIndex {
  private readonly byKey = new Map<string, string>();
  readonly ids = new Set<string>();
  readonly citekeys = new Set<string>();

  constructor(papers: readonly Paper[] = []) {
    for (const paper of papers) this.add(paper);
  }

  add(paper: Paper): void {
    this.ids.add(paper.id);
    this.citekeys.add(paper.citekey);
    for (const { key } of identityKeys(paper)) if (!this.byKey.has(key)) this.byKey.set(key, paper.id);
  }

  match(paper: Pick<Paper, 'arxivId' | 'doi' | 'title'>): { reason: DuplicateReason; id: string } | undefined {
    for (const { reason, key } of identityKeys(paper)) {
      const id = this.byKey.get(key);
      if (id) return { reason, id };
    }
    return undefined;
  }
}

export interface PreviewOptions {
  /** Set on every new paper: the linked bibliography it comes from. */
  linkedFrom?: string;
}

/** Turns a draft into a Paper with an id and a citekey unique within `index` (the imported key is kept if free). */
export function paperFromDraft(draft: PaperDraft, index: IdentityIndex, options: PreviewOptions = {}): Paper {
  const { citekey: wantedKey, tags, ...rest } = draft;
  let id = derivePaperId(rest);
  for (let n = 2; index.ids.has(id); n++) id = `${derivePaperId(rest)}-${n}`;
  const citekey = wantedKey ? uniqueCitekey(wantedKey, index.citekeys) : newPaperCitekey(rest, index.citekeys);
  const paper: Paper = { id, citekey, ...rest, tags: tags ?? [], status: 'unread' };
  if (options.linkedFrom) paper.linkedFrom = options.linkedFrom;
  for (const key of Object.keys(paper) as (keyof Paper)[]) if (paper[key] === undefined) delete paper[key];
  return paper;
}

/**
 * "42 new, 3 duplicates, 2 errors": which entries of `parsed` would be added to `existing`. Pure: nothing is
 * written. A duplicate shares an arXiv id, DOI or normalized title with a paper in the library or earlier in
 * the file. Errors never stop the good entries.
 */
export function previewImport(existing: readonly Paper[], parsed: ParsedImport, options: PreviewOptions = {}): ImportPreview {
  const index = new IdentityIndex(existing);
  const papers: Paper[] = [];
  const duplicateEntries: DuplicateEntry[] = [];
  for (const { draft, line } of parsed.entries) {
    const duplicate = index.match(draft);
    if (duplicate) {
      duplicateEntries.push({ line, title: draft.title, reason: duplicate.reason, existingId: duplicate.id });
      continue;
    }
    const paper = paperFromDraft(draft, index, options);
    index.add(paper);
    papers.push(paper);
  }
  const errors = [...parsed.errors].sort((a, b) => a.line - b.line);
  return { added: papers.length, duplicates: duplicateEntries.length, errors, papers, duplicateEntries };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "42 new, 3 duplicates (same arXiv id / DOI / normalized title), 2 entries with errors (line 118: unbalanced brace)". */
export function formatPreviewSummary(preview: Pick<ImportPreview, 'added' | 'duplicates' | 'errors'>): string {
  const parts = [`${preview.added} new`];
  if (preview.duplicates) parts.push(`${plural(preview.duplicates, 'duplicate', 'duplicates')} (same arXiv id / DOI / normalized title)`);
  if (preview.errors.length) {
    const first = preview.errors[0];
    const more = preview.errors.length > 1 ? `; ${preview.errors.length - 1} more` : '';
    parts.push(`${plural(preview.errors.length, 'entry', 'entries')} with errors (line ${first.line}: ${first.message}${more})`);
  }
  return parts.join(', ');
}
