// Search quality on the sample library: nDCG@10 and MRR of lexical, semantic and hybrid ranking for the hand-written
// queries in test/fixtures/search-queries.json, through the same LibrarySearch the extension uses.
//   npx tsx scripts/eval/search.ts [--json]
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Library } from '../../src/core/library';
import { readLibraryFile } from '../../src/core/libraryStore';
import { SEARCH_MODES, type SearchMode } from '../../src/core/search/hybrid';
import { LibrarySearch } from '../../src/library/librarySearch';
import { embedTexts, paperEmbeddings, SAMPLE_LIBRARY } from './topics';

const QUERIES = path.resolve(__dirname, '../../test/fixtures/search-queries.json');

interface JudgedQuery {
  query: string;
  kind: string;
  /** citekey → gain (2 = about exactly this, 1 = related). */
  relevant: Record<string, number>;
}

/** nDCG@k with exponential gains (2^gain − 1), the usual TREC form. */
export function ndcgAt(ranked: readonly string[], gains: ReadonlyMap<string, number>, k = 10): number {
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + (2 ** (gains.get(id) ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = [...gains.values()].sort((a, b) => b - a).slice(0, k).reduce((sum, gain, i) => sum + (2 ** gain - 1) / Math.log2(i + 2), 0);
  return ideal > 0 ? dcg / ideal : 0;
}

/** Reciprocal rank of the first relevant result (0 when none is returned). */
export function reciprocalRank(ranked: readonly string[], gains: ReadonlyMap<string, number>): number {
  const first = ranked.findIndex((id) => (gains.get(id) ?? 0) > 0);
  return first < 0 ? 0 : 1 / (first + 1);
}

export interface SearchEval {
  queries: number;
  modes: Record<SearchMode, { ndcg10: number; mrr: number }>;
  byKind: Record<string, Record<SearchMode, number>>;
}

export async function evalSearch(): Promise<SearchEval> {
  const { papers } = await readLibraryFile(SAMPLE_LIBRARY);
  const library = new Library(papers);
  const queries = (JSON.parse(await fs.readFile(QUERIES, 'utf8')) as { queries: JudgedQuery[] }).queries;
  const vectors = await paperEmbeddings(papers);
  const queryVectors = new Map((await embedTexts(queries.map((q) => q.query))).map((vector, i) => [queries[i].query, vector]));
  const search = new LibrarySearch(() => library);
  search.setSemanticSource({
    paperVectors: async () => vectors,
    embedQuery: async (query) => queryVectors.get(query) ?? (await embedTexts([query]))[0],
  });
  const modes = Object.fromEntries(SEARCH_MODES.map((mode) => [mode, { ndcg10: 0, mrr: 0 }])) as SearchEval['modes'];
  const byKind: SearchEval['byKind'] = {};
  const kindCounts = new Map<string, number>();
  for (const judged of queries) {
    const gains = new Map<string, number>();
    for (const [citekey, gain] of Object.entries(judged.relevant)) {
      const paper = library.find(citekey);
      if (!paper) throw new Error(`${QUERIES}: "${judged.query}" names unknown paper ${citekey}`);
      gains.set(paper.id, gain);
    }
    kindCounts.set(judged.kind, (kindCounts.get(judged.kind) ?? 0) + 1);
    for (const mode of SEARCH_MODES) {
      const { hits } = await search.rank(judged.query, { mode, limit: 10 });
      const ranked = hits.map((hit) => hit.id);
      const ndcg = ndcgAt(ranked, gains);
      modes[mode].ndcg10 += ndcg / queries.length;
      modes[mode].mrr += reciprocalRank(ranked, gains) / queries.length;
      byKind[judged.kind] ??= { lexical: 0, semantic: 0, hybrid: 0 };
      byKind[judged.kind][mode] += ndcg;
    }
  }
  for (const [kind, count] of kindCounts) for (const mode of SEARCH_MODES) byKind[kind][mode] /= count;
  return { queries: queries.length, modes, byKind };
}

export function printSearchEval(result: SearchEval, out = (line: string) => console.log(line)): void {
  out(`Search — ${result.queries} hand-written queries on the sample library`);
  out('| mode | nDCG@10 | MRR |');
  out('| --- | --- | --- |');
  for (const mode of SEARCH_MODES) out(`| ${mode} | ${result.modes[mode].ndcg10.toFixed(3)} | ${result.modes[mode].mrr.toFixed(3)} |`);
  out(`nDCG@10 by query kind (lexical / semantic / hybrid): ${Object.entries(result.byKind).map(([kind, row]) => `${kind} ${row.lexical.toFixed(2)}/${row.semantic.toFixed(2)}/${row.hybrid.toFixed(2)}`).join(', ')}`);
}

if (require.main === module) {
  evalSearch()
    .then((result) => (process.argv.includes('--json') ? console.log(JSON.stringify(result)) : printSearchEval(result)))
    .catch((error) => {
      console.error(error instanceof Error ? error.stack : error);
      process.exit(1);
    });
}
