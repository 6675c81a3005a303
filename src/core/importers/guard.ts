import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A file Paper Shelf will not import: too big, binary, unreadable. The message says what to do. */
export class ImportRefusedError extends Error {
  constructor(readonly filePath: string, reason: string) {
    super(`${path.basename(filePath)}: ${reason}`);
    this.name = 'ImportRefusedError';
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Binary: a NUL byte, or many control characters, in the first 64 KB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > 0.02;
}

/** UTF-8 (with or without BOM); files from old tools in Latin-1/Windows-1252 are read as such rather than refused. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Refuses before parsing: the size is checked from the file's metadata, then the content for binary data. */
export function checkImportBytes(filePath: string, bytes: Uint8Array): string {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportRefusedError(filePath, `the file is ${megabytes(bytes.length)}; Paper Shelf imports files up to ${megabytes(MAX_IMPORT_BYTES)}. Export a smaller selection or split the file.`);
  }
  if (looksBinary(bytes)) {
    throw new ImportRefusedError(filePath, 'this looks like a binary file, not a bibliography. Choose a .bib, CSL-JSON (.json), RIS (.ris) or text (.txt) file.');
  }
  return decodeText(bytes);
}

export async function readImportFile(filePath: string): Promise<string> {
  let size: number;
  try {
    const stat = await fs.stat(filePath);
    if (!stat.isFile()) throw new ImportRefusedError(filePath, 'is not a file');
    size = stat.size;
  } catch (error) {
    if (error instanceof ImportRefusedError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportRefusedError(filePath, code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? (error as Error).message})`);
  }
  if (size > MAX_IMPORT_BYTES) {
    throw new ImportRefusedError(filePath, `the file is ${megabytes(size)}; Paper Shelf imports files up to ${megabytes(MAX_IMPORT_BYTES)}. Export a smaller selection or split the file.`);
  }
  return checkImportBytes(filePath, await fs.readFile(filePath));
}
