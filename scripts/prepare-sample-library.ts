/**
 * Normalizes the shipped sample library in place: assigns ids and citation keys (kept once assigned) and
 * recomputes the placeholder topics. Deterministic: running it twice changes nothing.
 *   npx tsx scripts/prepare-sample-library.ts
 */
import * as path from 'node:path';
import { readLibraryFile, writeLibraryFile } from '../src/core/libraryStore';

async function main(): Promise<void> {
  const file = path.resolve(__dirname, '../data/sample-library.json');
  const { papers, problems } = await readLibraryFile(file);
  if (problems.length) throw new Error(problems.map((problem) => problem.message).join('\n'));
  await writeLibraryFile(file, papers);
  console.log(`${papers.length} papers written to ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
