import type { Paper } from '../paper';

export const IMPORT_FORMATS = ['bibtex', 'csl-json', 'ris', 'hf-listing', 'id-list'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  bibtex: 'BibTeX/BibLaTeX',
  'csl-json': 'CSL-JSON',
  ris: 'RIS',
  'hf-listing': 'Hugging Face papers listing',
  'id-list': 'list of arXiv ids / DOIs',
};

/** A paper as an importer read it: no id yet, and a citekey only when the source had one. */
export type PaperDraft = Omit<Paper, 'id' | 'citekey' | 'tags' | 'status'> & { citekey?: string; tags?: string[] };

export interface ImportedEntry {
  draft: PaperDraft;
  /** 1-based line where the entry starts in the source file. */
  line: number;
}

export interface ImportProblem {
  line: number;
  message: string;
}

/** What one importer made of one file: the entries it could read and the problems (line + message) it met. */
export interface ParsedImport {
  format: ImportFormat;
  entries: ImportedEntry[];
  errors: ImportProblem[];
}
