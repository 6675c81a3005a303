import { PaperIndex } from '../../core/search/paperIndex';
import { parseArgs, UsageError } from '../args';
import { CliCommand, writeJson, writeLine } from '../command';
import { LIBRARY_FLAG, loadLibrary } from '../libraryOption';

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Full-text search (title, authors, abstract, year; typos and partial words are tolerated)',
  usage: `paper-shelf search QUERY [--library PATH] [--limit N] [--json]

  QUERY               words, "quoted phrases" are just words; field queries: author:vaswani year:2024 title:attention
  --library, -l PATH  library file (default: the sample library)
  --limit, -n N       at most N results (default 10)
  --json              print a JSON array of {"id","citekey","arxivId","title","score"}, best first`,
  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, {
      ...LIBRARY_FLAG,
      limit: { type: 'integer', short: 'n', min: 1, max: 100000 },
      json: { type: 'boolean' },
    });
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError('missing QUERY (e.g. paper-shelf search "speculative decoding")');
    const library = await loadLibrary(io, flags.library);
    const hits = PaperIndex.build(library.papers).search(query, { limit: flags.limit ?? 10 });
    const results = hits.flatMap((hit) => {
      const paper = library.get(hit.id);
      return paper ? [{ paper, hit }] : [];
    });
    if (flags.json) {
      writeJson(io, results.map(({ paper, hit }) => ({
        id: paper.id,
        citekey: paper.citekey,
        arxivId: paper.arxivId ?? null,
        title: paper.title,
        score: Math.round(hit.score * 1000) / 1000,
      })));
      return 0;
    }
    if (!results.length) {
      writeLine(io.stderr, `paper-shelf: no papers match "${query}"`);
      return 0;
    }
    for (const { paper, hit } of results) {
      writeLine(io.stdout, `${hit.score.toFixed(2).padStart(6)}  ${paper.citekey}  ${paper.title}`);
    }
    return 0;
  },
};
