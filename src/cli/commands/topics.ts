import * as os from 'node:os';
import * as path from 'node:path';
import type { Library } from '../../core/library';
import { paperEmbeddingText } from '../../core/topics/embeddingText';
import { organizeLibrary } from '../../core/topics/assign';
import { describeTopics, type Topic } from '../../core/topics/organize';
import { EmbeddingCache } from '../../model/embeddingCache';
import { EmbeddingClient } from '../../model/embeddingClient';
import { EmbeddingService } from '../../model/embeddingService';
import { parseArgs } from '../args';
import { CliCommand, CliIo, writeJson, writeLine } from '../command';
import { LIBRARY_FLAG, loadLibrary } from '../libraryOption';

/** Where the CLI keeps embeddings between runs ($XDG_CACHE_HOME or ~/.cache). */
function cliCachePath(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'paper-shelf', 'embeddings-cache.json');
}

/**
 * Runs `work` with an embedding service (local model in a worker, disk cache), and disposes of it. If the model
 * cannot run, `work` gets undefined and a warning goes to stderr: every command still answers from words alone.
 */
export async function withPaperEmbeddings<T>(io: CliIo, library: Library, work: (embeddings: Map<string, Float32Array> | undefined, service: EmbeddingService | undefined) => Promise<T>): Promise<T> {
  const client = new EmbeddingClient();
  try {
    const cache = await EmbeddingCache.open(cliCachePath()).catch(() => EmbeddingCache.inMemory());
    const service = new EmbeddingService(client, cache);
    let vectors: Float32Array[];
    try {
      vectors = await service.embed(library.papers.map(paperEmbeddingText));
    } catch (error) {
      writeLine(io.stderr, `paper-shelf: warning: the local model is unavailable (${(error as Error).message}); using the papers' words only`);
      return await work(undefined, undefined);
    }
    return await work(new Map(library.papers.map((paper, i) => [paper.id, vectors[i]])), service);
  } finally {
    await client.dispose();
  }
}

function topicJson(library: Library, topics: readonly Topic[]) {
  return {
    topics: topics.map((topic) => ({
      label: topic.label,
      keywords: topic.keywords,
      papers: topic.paperIds.flatMap((id) => {
        const paper = library.get(id);
        return paper ? [{ id: paper.id, citekey: paper.citekey, arxivId: paper.arxivId ?? null, title: paper.title }] : [];
      }),
    })),
  };
}

export const topicsCommand: CliCommand = {
  name: 'topics',
  summary: "The library's topics with their keywords and papers (or organize it into topics afresh)",
  usage: `paper-shelf topics [--library PATH] [--json] [--recompute [--count N] [--lexical]]

  --library, -l PATH  library file (default: the sample library)
  --json              print {"topics":[{"label","keywords":[...],"papers":[{"id","citekey","arxivId","title"}]}]}
  --recompute         organize the papers into topics now, as "Organize Library into Topics" does (the file is
                      not changed; topics renamed or papers moved by hand are kept); also when no paper has a topic
  --count, -k N       with --recompute: exactly N topics (default: chosen automatically)
  --lexical           with --recompute: do not run the local model, cluster by words only`,
  async run(argv, io) {
    const { flags } = parseArgs(argv, {
      ...LIBRARY_FLAG,
      json: { type: 'boolean' },
      recompute: { type: 'boolean' },
      count: { type: 'integer', short: 'k', min: 1, max: 1000 },
      lexical: { type: 'boolean' },
    });
    const library = await loadLibrary(io, flags.library);
    const recompute = flags.recompute || !library.papers.some((paper) => paper.topic);
    let topics: Topic[];
    if (!recompute) topics = describeTopics(library.papers);
    else {
      const organize = (embeddings: Map<string, Float32Array> | undefined) => {
        const { papers } = organizeLibrary(library.papers, { embeddings, count: flags.count });
        return describeTopics(papers);
      };
      topics = flags.lexical || library.size === 0 ? organize(undefined) : await withPaperEmbeddings(io, library, async (embeddings) => organize(embeddings));
    }
    if (flags.json) {
      writeJson(io, topicJson(library, topics));
      return 0;
    }
    if (!topics.length) {
      writeLine(io.stderr, 'paper-shelf: the library has no papers');
      return 0;
    }
    for (const topic of topics) {
      writeLine(io.stdout, `${topic.label}  (${topic.paperIds.length} ${topic.paperIds.length === 1 ? 'paper' : 'papers'})`);
      writeLine(io.stdout, `  keywords: ${topic.keywords.slice(0, 6).join(', ')}`);
      for (const id of topic.paperIds) writeLine(io.stdout, `  ${library.get(id)?.citekey}  ${library.get(id)?.title}`);
    }
    const unsorted = library.papers.filter((paper) => !paper.topic).length;
    if (unsorted && !recompute) writeLine(io.stdout, `Unsorted  (${unsorted} ${unsorted === 1 ? 'paper' : 'papers'} without a topic)`);
    return 0;
  },
};
