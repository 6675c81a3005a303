import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { bibliographyFormat, bibliographyKeys } from '../core/citations/bibFile';
import { scanBibtex } from '../core/citations/bibtexScan';
import { bibliographyPaths } from '../core/citations/frontMatter';

interface CachedFile {
  mtime: number;
  text: string;
  keys: Set<string>;
}

/** The keys held by a document's bibliography files, re-read only when a file changes on disk or in an editor. */
export class BibliographyKeys {
  private readonly files = new Map<string, CachedFile>();

  private async read(file: string): Promise<CachedFile | undefined> {
    const format = bibliographyFormat(file);
    if (!format) return undefined;
    const open = vscode.workspace.textDocuments.find((doc) => doc.uri.scheme === 'file' && doc.uri.fsPath === file);
    let text: string;
    let mtime: number;
    if (open) {
      text = open.getText();
      mtime = -open.version;
    } else {
      try {
        mtime = (await fs.stat(file)).mtimeMs;
      } catch {
        return undefined;
      }
      const cached = this.files.get(file);
      if (cached && cached.mtime === mtime) return cached;
      text = await fs.readFile(file, 'utf8');
    }
    let keys: Set<string>;
    try {
      keys = new Set(bibliographyKeys(text, format, file));
    } catch {
      // A broken file holds the keys we can still see; the insert command reports the problem itself.
      keys = new Set(format === 'bibtex' ? scanBibtex(text).entries.map((entry) => entry.key) : []);
    }
    const entry = { mtime, text, keys };
    this.files.set(file, entry);
    return entry;
  }

  async keys(document: vscode.TextDocument): Promise<Set<string>> {
    if (document.uri.scheme !== 'file') return new Set();
    const all = new Set<string>();
    for (const file of bibliographyPaths(document.getText(), document.uri.fsPath)) {
      const entry = await this.read(file);
      for (const key of entry?.keys ?? []) all.add(key);
    }
    return all;
  }

  /** Where `key` is defined in the document's bibliography files. */
  async locate(document: vscode.TextDocument, key: string): Promise<vscode.Location | undefined> {
    if (document.uri.scheme !== 'file') return undefined;
    for (const file of bibliographyPaths(document.getText(), document.uri.fsPath)) {
      const entry = await this.read(file);
      if (!entry?.keys.has(key)) continue;
      const offset = definitionOffset(entry.text, file, key);
      if (offset < 0) continue;
      const before = entry.text.slice(0, offset);
      const line = before.split('\n').length - 1;
      return new vscode.Location(vscode.Uri.file(file), new vscode.Position(line, offset - (before.lastIndexOf('\n') + 1)));
    }
    return undefined;
  }
}

function definitionOffset(text: string, file: string, key: string): number {
  const format = bibliographyFormat(file);
  if (format === 'bibtex') return scanBibtex(text).entries.find((entry) => entry.key === key)?.start ?? -1;
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = format === 'csl-json' ? new RegExp(`"id"\\s*:\\s*"${escaped}"`) : new RegExp(`\\bid:\\s*["']?${escaped}["']?\\s*$`, 'm');
  return pattern.exec(text)?.index ?? -1;
}
