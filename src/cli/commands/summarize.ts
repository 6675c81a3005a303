import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../../core/libraryStore';
import { DEFAULT_SUMMARY_SCORER } from '../../core/summary/defaultScorer';
import { summarizeAbstracts, type AbstractToSummarize } from '../../core/summary/summarizeAbstracts';
import { EmbeddingClient } from '../../model/embeddingClient';
import { EmbeddingService } from '../../model/embeddingService';
import { UsageError, parseArgs } from '../args';
import { CliCommand, writeLine } from '../command';
import { LIBRARY_FLAG, loadLibrary } from '../libraryOption';

export const summarizeCommand: CliCommand = {
  name: 'summarize',
  summary: 'One-sentence extractive TL;DRs of papers or of abstracts in a JSONL file',
  usage: `paper-shelf summarize [ID...] [--input FILE.jsonl] [--output FILE.jsonl] [--library PATH] [--lexical]

  ID                  papers of the library to summarize (citation key, arXiv id or id)
  --input, -i FILE    JSON Lines, one {"id", "abstract"} (optionally "title") per line; "-" reads stdin
  --output, -o FILE   write {"id", "summary"} lines here (atomically) instead of stdout
  --library, -l PATH  library file for IDs (default: the sample library)
  --lexical           do not run the local model (faster, a little less accurate)

The TL;DR is the abstract sentence a small scorer trained on SciTLDR rates as its main contribution, chosen with the
local Universal Sentence Encoder Lite model (offline). An empty abstract gives an empty summary.`,
  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, {
      ...LIBRARY_FLAG,
      input: { type: 'string', short: 'i' },
      output: { type: 'string', short: 'o' },
      lexical: { type: 'boolean' },
    });
    if (!positionals.length && !flags.input) throw new UsageError('summarize needs paper IDs or --input FILE.jsonl (see: paper-shelf help summarize)');
    const items: AbstractToSummarize[] = [];
    const outputIds: unknown[] = []; // ids are written back as given (a numeric id stays a number)
    if (positionals.length) {
      const library = await loadLibrary(io, flags.library);
      for (const id of positionals) {
        const paper = library.find(id);
        if (!paper) throw new UsageError(`no paper "${id}" in the library (try: paper-shelf search ${JSON.stringify(id)})`);
        items.push({ id: paper.id, abstract: paper.abstract });
        outputIds.push(paper.id);
      }
    }
    if (flags.input) {
      for (const row of await readInput(flags.input, io.cwd)) {
        items.push({ id: String(row.id), abstract: row.abstract });
        outputIds.push(row.id);
      }
    }
    const empty = items.filter((item) => !item.abstract.trim()).length;
    if (empty) writeLine(io.stderr, `paper-shelf: warning: ${empty} ${empty === 1 ? 'abstract is' : 'abstracts are'} empty; their summaries are empty`);

    const client = flags.lexical ? undefined : new EmbeddingClient();
    try {
      const service = client && new EmbeddingService(client);
      const outcome = await summarizeAbstracts(items, { scorer: DEFAULT_SUMMARY_SCORER, embed: service && service.embed.bind(service), modelId: service?.modelId });
      if (outcome.fallbackReason) writeLine(io.stderr, `paper-shelf: warning: summarized without the local model (${outcome.fallbackReason})`);
      const lines = outcome.results.map((result, index) => JSON.stringify({ id: outputIds[index], summary: result.choice?.summary ?? '' }));
      const text = lines.length ? `${lines.join('\n')}\n` : '';
      if (flags.output && flags.output !== '-') await writeFileAtomic(path.resolve(io.cwd, flags.output), text, { backup: false });
      else io.stdout.write(text);
      return 0;
    } finally {
      await client?.dispose();
    }
  },
};

async function readInput(file: string, cwd: string): Promise<{ id: string | number; abstract: string }[]> {
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await fs.readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const name = file === '-' ? 'stdin' : file;
  const items: { id: string | number; abstract: string }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new UsageError(`${name}:${index + 1}: not valid JSON`);
    }
    const { id, abstract } = (row ?? {}) as { id?: unknown; abstract?: unknown };
    if ((typeof id !== 'string' && typeof id !== 'number') || typeof abstract !== 'string') {
      throw new UsageError(`${name}:${index + 1}: each line needs "id" (string) and "abstract" (string)`);
    }
    items.push({ id, abstract });
  });
  return items;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
