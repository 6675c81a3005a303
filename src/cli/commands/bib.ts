import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Paper } from '../../core/paper';
import { formatBibtex } from '../../core/citations/bibtexWriter';
import { citedKeys } from '../../core/citations/pandocCitations';
import { writeFileAtomic } from '../../core/libraryStore';
import { parseArgs, expectPositionals, UsageError } from '../args';
import { CliCommand, writeLine } from '../command';
import { LIBRARY_FLAG, loadLibrary } from '../libraryOption';

export const bibCommand: CliCommand = {
  name: 'bib',
  summary: 'BibTeX for every paper a Markdown document cites',
  usage: `paper-shelf bib FILE.md [--library PATH] [--output FILE.bib]

  FILE.md             Markdown, Quarto or R Markdown document with Pandoc citations ([@key], @key)
  --output, -o FILE   write the BibTeX to FILE (atomically) instead of stdout
  --library, -l PATH  library file (default: the sample library)

Cited keys the library does not have are listed on stderr and the exit code is 1.`,
  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, { ...LIBRARY_FLAG, output: { type: 'string', short: 'o' } });
    expectPositionals(positionals, 1, 1, 'Markdown file');
    const file = path.resolve(io.cwd, positionals[0]);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${positionals[0]} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    const library = await loadLibrary(io, flags.library);
    const papers: Paper[] = [];
    const unknown: string[] = [];
    for (const key of citedKeys(text)) {
      const paper = library.find(key);
      // Only an exact key match counts: pandoc looks keys up verbatim.
      if (paper && paper.citekey === key) papers.push(paper);
      else unknown.push(key);
    }
    const bibtex = formatBibtex(papers);
    if (flags.output) {
      await writeFileAtomic(path.resolve(io.cwd, flags.output), bibtex, { backup: true });
      writeLine(io.stderr, `paper-shelf: wrote ${papers.length} ${papers.length === 1 ? 'entry' : 'entries'} to ${flags.output}`);
    } else io.stdout.write(bibtex);
    for (const key of unknown) writeLine(io.stderr, `paper-shelf: cited key "${key}" is not in the library`);
    return unknown.length ? 1 : 0;
  },
};
