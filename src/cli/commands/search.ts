import { PaperIndex, type SearchHit } from '../../core/search/paperIndex';
import { SEARCH_MODES, type SearchMode } from '../../core/search/hybrid';
import { LibrarySearch } from '../../library/librarySearch';
import { withPaperEmbeddings } from './topics';
import { parseArgs, UsageError } from '../args';
import { CliCommand, writeJson, writeLine } from '../command';
import { LIBRARY_FLAG, loadLibrary } from '../libraryOption';

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Full-text search (title, authors, abstract, year; typos and partial words are tolerated)',
  usage: `paper-shelf search QUERY [--library PATH] [--limit N] [--json] [--mode lexical|semantic|hybrid]

  QUERY               words, "quoted phrases" are just words; field queries: author:vaswani year:2024 title:attention
  --library, -l PATH  library file (default: the sample library)
  --limit, -n N       at most N results (default 10)
  --json              print a JSON array of {"id","citekey","arxivId","title","score"}, best first
  --mode, -m MODE     lexical (default: words, typos, authors), semantic (meaning, by the local model) or hybrid
                      (both fused); without the model, semantic and hybrid fall back to lexical with a warning`,
  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, {
      ...LIBRARY_FLAG,
      limit: { type: 'integer', short: 'n', min: 1, max: 100000 },
      json: { type: 'boolean' },
      mode: { type: 'string', short: 'm', choices: SEARCH_MODES },
    });
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError('missing QUERY (e.g. paper-shelf search "speculative decoding")');
    const library = await loadLibrary(io, flags.library);
    const mode = (flags.mode ?? 'lexical') as SearchMode;
    const hits: SearchHit[] =
      mode === 'lexical'
        ? PaperIndex.build(library.papers).search(query, { limit: flags.limit ?? 10 })
        : await withPaperEmbeddings(io, library, async (vectors, service) => {
            const search = new LibrarySearch(() => library);
            if (vectors && service) search.setSemanticSource({ paperVectors: async () => vectors, embedQuery: async (text) => (await service.embed([text]))[0] });
            return (await search.rank(query, { mode, limit: flags.limit ?? 10 })).hits;
          });
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
