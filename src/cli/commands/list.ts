import { parseArgs, expectPositionals } from '../args';
import { CliCommand, writeJson, writeLine } from '../command';
import { LIBRARY_FLAG, loadLibrary } from '../libraryOption';

export const listCommand: CliCommand = {
  name: 'list',
  summary: 'List the papers in the library',
  usage: `paper-shelf list [--library PATH] [--json]

  --library, -l PATH  library file (default: the sample library)
  --json              print a JSON array of {"id","citekey","arxivId","title","authors","year","venue","topic"}`,
  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, { ...LIBRARY_FLAG, json: { type: 'boolean' } });
    expectPositionals(positionals, 0, 0, '');
    const library = await loadLibrary(io, flags.library);
    if (flags.json) {
      writeJson(io, library.papers.map((paper) => ({
        id: paper.id,
        citekey: paper.citekey,
        arxivId: paper.arxivId ?? null,
        title: paper.title,
        authors: paper.authors,
        year: paper.year ?? null,
        venue: paper.venue ?? null,
        topic: paper.topic ?? null,
      })));
      return 0;
    }
    const keyWidth = Math.min(32, Math.max(0, ...library.papers.map((paper) => paper.citekey.length)));
    for (const paper of library.papers) {
      writeLine(io.stdout, `${paper.citekey.padEnd(keyWidth)}  ${paper.year ?? '    '}  ${paper.title}`);
    }
    return 0;
  },
};
