import * as path from 'node:path';
import { ImportFormat, ParsedImport } from './types';
import { importBibtex } from './bibtex/importBibtex';
import { collectBibtexStrings } from './bibtex/bibtexSyntax';
import { importCslJson } from './cslJson';
import { importRis } from './ris';
import { importHfListing } from './hfListing';
import { importIdList } from './idList';
import { detectFormat } from './detect';
import { readImportFile } from './guard';

export * from './types';
export { previewImport, formatPreviewSummary, identityKeys, IdentityIndex, paperFromDraft, titleKey } from './preview';
export type { ImportPreview, DuplicateEntry } from './preview';
export { ImportRefusedError, MAX_IMPORT_BYTES, checkImportBytes, readImportFile } from './guard';
export { detectFormat } from './detect';
export { mergeLinkedBibliography } from './linked';
export type { LinkedMergeResult } from './linked';

export interface ImportTextOptions {
  format?: ImportFormat;
  /** @string macros from other .bib files passed together. */
  strings?: ReadonlyMap<string, string>;
}

/** Parses already-decoded text in the given (or detected) format. Never throws on bad content. */
export function importText(text: string, fileName: string, options: ImportTextOptions = {}): ParsedImport {
  const format = options.format ?? detectFormat(fileName, text);
  switch (format) {
    case 'bibtex':
      return importBibtex(text, { strings: options.strings });
    case 'csl-json':
      return importCslJson(text);
    case 'ris':
      return importRis(text);
    case 'id-list':
      return importIdList(text);
    case 'hf-listing':
      return importHfListing(text);
  }
}

/**
 * Reads and parses files imported together. .bib files share their @string macros, so an abbreviations file
 * (abbrev.bib) passed with the bibliography resolves its macros. Errors name the file when there are several.
 * Throws ImportRefusedError for a file that is too big, binary or unreadable (checked before parsing).
 */
export async function importFiles(filePaths: readonly string[]): Promise<ParsedImport> {
  const texts = await Promise.all(filePaths.map(async (filePath) => ({ filePath, text: await readImportFile(filePath) })));
  const formats = texts.map(({ filePath, text }) => detectFormat(filePath, text));
  const bibTexts = texts.filter((_, index) => formats[index] === 'bibtex').map(({ text }) => text);
  const strings = bibTexts.length > 1 ? collectBibtexStrings(bibTexts) : undefined;
  const result: ParsedImport = { format: formats[0] ?? 'bibtex', entries: [], errors: [] };
  texts.forEach(({ filePath, text }, index) => {
    const parsed = importText(text, filePath, { format: formats[index], strings });
    const prefix = texts.length > 1 ? `${path.basename(filePath)}: ` : '';
    result.entries.push(...parsed.entries);
    result.errors.push(...parsed.errors.map((error) => ({ line: error.line, message: prefix + error.message })));
  });
  return result;
}
