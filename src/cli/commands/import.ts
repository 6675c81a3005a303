import * as path from 'node:path';
import { Library } from '../../core/library';
import { fileExists, readLibraryFile, writeLibraryFile } from '../../core/libraryStore';
import { ImportRefusedError, formatPreviewSummary, importFiles, previewImport } from '../../core/importers';
import { UsageError, expectPositionals, parseArgs } from '../args';
import { CliCommand, writeJson, writeLine } from '../command';
import { LIBRARY_FLAG } from '../libraryOption';

const MAX_ERRORS_SHOWN = 20;

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import papers from BibTeX, CSL-JSON, RIS, an arXiv id/DOI list or a Hugging Face listing',
  usage: `paper-shelf import FILE [FILE...] [--library PATH] [--dry-run] [--json]

  Prints a preview ("42 new, 3 duplicates, 2 entries with errors (line 118: …)") and, without --dry-run, adds the
  new papers to the library (written atomically; the previous file is kept as PATH.bak). Several .bib files given
  together share their @string macros (e.g. abbrev.bib crossref.bib). Broken entries are reported and skipped.

  --library, -l PATH  library file to add to (created if missing; required unless --dry-run)
  --dry-run           only print the preview; write nothing
  --json              print {"added":N,"duplicates":N,"errors":[{"line","message"}],"papers":[...]}`,
  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, { ...LIBRARY_FLAG, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } });
    expectPositionals(positionals, 1, Infinity, 'FILE to import');
    if (!flags.library && !flags['dry-run']) {
      throw new UsageError('import needs --library PATH to write to (the shipped sample library is read-only); use --dry-run to only preview');
    }
    const libraryFile = flags.library ? path.resolve(io.cwd, flags.library) : io.defaultLibraryPath;
    // Load first: a library that cannot be used stops the import before anything is parsed or written.
    let existing = new Library([]);
    if (await fileExists(libraryFile)) {
      const loaded = await readLibraryFile(libraryFile);
      if (loaded.problems.length && !flags['dry-run']) {
        writeLine(io.stderr, `paper-shelf: ${libraryFile} has ${loaded.problems.length} invalid ${loaded.problems.length === 1 ? 'paper' : 'papers'} (${loaded.problems[0].message}); fix them first, since writing would drop them. Nothing was written.`);
        return 2;
      }
      existing = new Library(loaded.papers);
    }
    let parsed;
    try {
      parsed = await importFiles(positionals.map((file) => path.resolve(io.cwd, file)));
    } catch (error) {
      if (error instanceof ImportRefusedError) {
        writeLine(io.stderr, `paper-shelf: cannot import ${error.message}`);
        return 2;
      }
      throw error;
    }
    const preview = previewImport(existing.papers, parsed);
    if (flags.json) {
      writeJson(io, { added: preview.added, duplicates: preview.duplicates, errors: preview.errors, papers: preview.papers });
    } else {
      writeLine(io.stdout, formatPreviewSummary(preview));
      for (const error of preview.errors.slice(0, MAX_ERRORS_SHOWN)) writeLine(io.stdout, `  line ${error.line}: ${error.message}`);
      if (preview.errors.length > MAX_ERRORS_SHOWN) writeLine(io.stdout, `  … and ${preview.errors.length - MAX_ERRORS_SHOWN} more (see --json)`);
    }
    if (flags['dry-run']) {
      if (!flags.json) writeLine(io.stdout, 'Dry run: nothing was written.');
      return 0;
    }
    if (preview.added > 0) {
      await writeLibraryFile(libraryFile, [...existing.papers, ...preview.papers]);
      if (!flags.json) writeLine(io.stdout, `Added ${preview.added} ${preview.added === 1 ? 'paper' : 'papers'} to ${libraryFile} (${existing.size + preview.added} in total).`);
    } else if (!flags.json) {
      writeLine(io.stdout, `Nothing new to add; ${libraryFile} was left unchanged.`);
    }
    return 0;
  },
};
