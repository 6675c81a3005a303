import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Paper } from './paper';
import { PaperProblem, papersFromRecords } from './paperRecord';

export const LIBRARY_FORMAT = 'paper-shelf-library';
export const LIBRARY_VERSION = 1;

/** A library file that cannot be used at all: unreadable, not JSON, or not a list of papers. */
export class LibraryFileError extends Error {
  constructor(readonly filePath: string, readonly reason: string) {
    super(`${filePath}: ${reason}`);
    this.name = 'LibraryFileError';
  }
}

export interface LoadedLibrary {
  papers: Paper[];
  /** Entries that were skipped; the file itself is left as it is. */
  problems: PaperProblem[];
  /**
   * The skipped entries exactly as they were in the file. Saving passes them back to `serializeLibrary`, so a paper
   * the user mistyped is kept for them to fix instead of vanishing on the next save.
   */
  unreadable: unknown[];
}

/** Accepts both the library format `{format, version, papers}` and a bare array of papers (the sample's shape). */
export function parseLibraryText(text: string, filePath: string): LoadedLibrary {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new LibraryFileError(filePath, `not valid JSON (${(error as Error).message})`);
  }
  const list = Array.isArray(data) ? data : (data as { papers?: unknown } | null)?.papers;
  if (!Array.isArray(list)) throw new LibraryFileError(filePath, 'expected a list of papers or an object with a "papers" list');
  const { papers, problems } = papersFromRecords(list);
  return { papers, problems, unreadable: problems.map((problem) => list[problem.index]) };
}

/** Also returns the text it parsed, so a caller can later tell whether the file still holds it. */
export async function readLibraryFile(filePath: string): Promise<LoadedLibrary & { text: string }> {
  let text: string;
  try {
    text = await fs.readFile(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LibraryFileError(filePath, code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? (error as Error).message})`);
  }
  return { ...parseLibraryText(text, filePath), text };
}

/** `unreadable` entries (see LoadedLibrary) are written after the papers, unchanged. */
export function serializeLibrary(papers: readonly Paper[], unreadable: readonly unknown[] = []): string {
  return JSON.stringify({ format: LIBRARY_FORMAT, version: LIBRARY_VERSION, papers: [...papers, ...unreadable] }, null, 2) + '\n';
}

/**
 * Writes a file so that a reader sees either the old or the new content, never a mix: the text goes to a temp
 * file in the same folder, is flushed, and then renamed over the target. The previous version is kept as `.bak`.
 */
export async function writeFileAtomic(filePath: string, text: string, options: { backup?: boolean } = {}): Promise<void> {
  const dir = path.dirname(filePath);
  await fs.mkdir(dir, { recursive: true });
  // A random part keeps concurrent saves (same process, same millisecond) from sharing and mixing one temp file.
  const temp = path.join(dir, `.${path.basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    if (options.backup !== false) await fs.copyFile(filePath, `${filePath}.bak`).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await fs.rename(temp, filePath);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

export async function writeLibraryFile(filePath: string, papers: readonly Paper[], unreadable: readonly unknown[] = []): Promise<void> {
  await writeFileAtomic(filePath, serializeLibrary(papers, unreadable));
}

export async function fileExists(filePath: string): Promise<boolean> {
  return fs.access(filePath).then(() => true, () => false);
}
