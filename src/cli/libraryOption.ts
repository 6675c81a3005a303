import * as path from 'node:path';
import { Library } from '../core/library';
import { readLibraryFile } from '../core/libraryStore';
import type { FlagSpec } from './args';
import { CliIo, writeLine } from './command';

export const LIBRARY_FLAG = { library: { type: 'string', short: 'l' } } as const satisfies Record<string, FlagSpec>;

/**
 * Loads the library named by `--library` (or the shipped sample). A file that cannot be used throws
 * LibraryFileError (exit 2); skipped invalid papers are reported on one stderr line and the rest are used.
 */
export async function loadLibrary(io: CliIo, libraryPath: string | undefined): Promise<Library> {
  const file = libraryPath ? path.resolve(io.cwd, libraryPath) : io.defaultLibraryPath;
  const { papers, problems } = await readLibraryFile(file);
  if (problems.length) {
    writeLine(io.stderr, `paper-shelf: warning: skipped ${problems.length} invalid ${problems.length === 1 ? 'paper' : 'papers'} in ${file} (${problems[0].message})`);
  }
  return new Library(papers);
}
