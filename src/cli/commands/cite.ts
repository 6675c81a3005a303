import * as path from 'node:path';
import type { Paper } from '../../core/paper';
import { formatBibtex } from '../../core/citations/bibtexWriter';
import { paperToCsl } from '../../core/citations/csl';
import { CslResources, formatReferences, parseCitationStyle } from '../../core/citations/format';
import { parseArgs, expectPositionals, UsageError } from '../args';
import { CliCommand, CliIo, writeLine } from '../command';
import { LIBRARY_FLAG, loadLibrary } from '../libraryOption';

/** The CSL styles ship in data/csl beside the sample library (in the repo and in the VSIX). */
export function cliCslResources(io: CliIo): CslResources {
  return new CslResources(path.join(path.dirname(io.defaultLibraryPath), 'csl'));
}

export const citeCommand: CliCommand = {
  name: 'cite',
  summary: 'Print citations for papers: Pandoc [@key], BibTeX, CSL-JSON or a formatted reference',
  usage: `paper-shelf cite KEY... [--format pandoc|bibtex|csl-json|text] [--style apa|ieee|chicago|nature] [--library PATH]

  KEY                 citation key, arXiv id or paper id (several allowed)
  --format, -f        pandoc (default: [@a; @b]), bibtex, csl-json, or text (formatted references)
  --style, -s         style for --format text: apa (default), ieee, chicago (author-date), nature
  --library, -l PATH  library file (default: the sample library)

Unknown keys are listed on stderr and the exit code is 1.`,
  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, {
      ...LIBRARY_FLAG,
      format: { type: 'string', short: 'f', choices: ['pandoc', 'bibtex', 'csl-json', 'text'] },
      style: { type: 'string', short: 's' },
    });
    expectPositionals(positionals, 1, Infinity, 'citation key');
    const style = parseCitationStyle(flags.style ?? 'apa');
    if (!style) throw new UsageError(`unknown style "${flags.style}" (use apa, ieee, chicago or nature)`);
    const library = await loadLibrary(io, flags.library);
    const papers: Paper[] = [];
    const unknown: string[] = [];
    for (const key of positionals) {
      const paper = library.find(key);
      if (paper) {
        if (!papers.includes(paper)) papers.push(paper);
      } else unknown.push(key);
    }
    if (papers.length) {
      const format = flags.format ?? 'pandoc';
      if (format === 'pandoc') writeLine(io.stdout, `[${papers.map((paper) => `@${paper.citekey}`).join('; ')}]`);
      else if (format === 'bibtex') io.stdout.write(formatBibtex(papers));
      else if (format === 'csl-json') writeLine(io.stdout, JSON.stringify(papers.map((paper) => paperToCsl(paper)), null, 2));
      else {
        const formatted = await formatReferences(papers, style, cliCslResources(io), 'text');
        for (const entry of formatted.entries) writeLine(io.stdout, entry);
      }
    }
    for (const key of unknown) writeLine(io.stderr, `paper-shelf: no paper "${key}" in the library`);
    return unknown.length ? 1 : 0;
  },
};
