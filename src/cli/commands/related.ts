import { RelatedIndex } from '../../core/related';
import { UsageError, parseArgs } from '../args';
import { CliCommand, writeJson, writeLine } from '../command';
import { LIBRARY_FLAG, loadLibrary } from '../libraryOption';
import { withPaperEmbeddings } from './topics';

export const relatedCommand: CliCommand = {
  name: 'related',
  summary: 'Papers nearest to a paper (shared rare words and, with the local model, meaning)',
  usage: `paper-shelf related ID [--library PATH] [--limit N] [--json] [--lexical]

  ID                  citation key, arXiv id or id of a paper in the library
  --library, -l PATH  library file (default: the sample library)
  --limit, -n N       at most N papers (default 5)
  --json              print a JSON array of {"id","citekey","arxivId","title","score"}, nearest first
  --lexical           do not run the local model; compare the papers' words only`,
  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, {
      ...LIBRARY_FLAG,
      limit: { type: 'integer', short: 'n', min: 1, max: 100000 },
      json: { type: 'boolean' },
      lexical: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('related needs exactly one paper ID (e.g. paper-shelf related leviathan2022fast)');
    const library = await loadLibrary(io, flags.library);
    const paper = library.find(positionals[0]);
    if (!paper) throw new UsageError(`no paper "${positionals[0]}" in the library (try: paper-shelf search ${JSON.stringify(positionals[0])})`);
    const rank = async (embeddings: Map<string, Float32Array> | undefined) => new RelatedIndex(library.papers, embeddings).related(paper.id, flags.limit ?? 5);
    const hits = flags.lexical ? await rank(undefined) : await withPaperEmbeddings(io, library, rank);
    const results = hits.flatMap((hit) => {
      const other = library.get(hit.id);
      return other ? [{ paper: other, score: hit.score }] : [];
    });
    if (flags.json) {
      writeJson(io, results.map(({ paper: other, score }) => ({ id: other.id, citekey: other.citekey, arxivId: other.arxivId ?? null, title: other.title, score: Math.round(score * 1000) / 1000 })));
      return 0;
    }
    writeLine(io.stdout, `Related to ${paper.citekey}  ${paper.title}`);
    for (const { paper: other, score } of results) writeLine(io.stdout, `${score.toFixed(2).padStart(6)}  ${other.citekey}  ${other.title}`);
    return 0;
  },
};
