/**
 * Normalizes the shipped sample library in place: assigns ids and citation keys (kept once assigned) and
 * computes its topics with the same code as "Organize Library into Topics" (src/core/topics): TF-IDF mixed with
 * the shipped model's embeddings (run in process, cached under node_modules/.cache). Deterministic: running it
 * twice changes nothing.
 *   npx tsx scripts/prepare-sample-library.ts [--words-only]
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readLibraryFile, serializeLibrary, writeFileAtomic } from '../src/core/libraryStore';
import { papersFromRecords } from '../src/core/paperRecord';
import { organizeLibrary } from '../src/core/topics/assign';
import { paperEmbeddings } from './eval/topics';

async function main(): Promise<void> {
  const file = path.resolve(__dirname, '../data/sample-library.json');
  const { papers, problems } = await readLibraryFile(file);
  if (problems.length) throw new Error(problems.map((problem) => problem.message).join('\n'));
  const embeddings = process.argv.includes('--words-only') ? undefined : await paperEmbeddings(papers);
  const { papers: organized, topics } = organizeLibrary(papers, { embeddings });
  // Through the record parser again, so every paper's fields come in the canonical order.
  const text = serializeLibrary(papersFromRecords(JSON.parse(serializeLibrary(organized)).papers).papers);
  const before = await fs.readFile(file, 'utf8');
  if (text === before) console.log(`${papers.length} papers, ${topics.length} topics: unchanged`);
  else {
    await writeFileAtomic(file, text, { backup: false });
    console.log(`${papers.length} papers, ${topics.length} topics written to ${path.relative(process.cwd(), file)}`);
  }
  for (const topic of [...topics].sort((a, b) => b.paperIds.length - a.paperIds.length)) console.log(`  ${String(topic.paperIds.length).padStart(3)}  ${topic.label}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
