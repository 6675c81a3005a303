import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Paper } from '../paper';
import { paperToCsl, type CslItem } from './csl';

let citeproc: CiteprocModule | undefined;

/** citeproc-js (the CSL processor Zotero and Mendeley use; CommonJS, no types), loaded on first use: it is large. */
function CSL(): CiteprocModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  citeproc ??= require('citeproc') as CiteprocModule;
  return citeproc;
}

interface CiteprocEngine {
  setOutputFormat(format: string): void;
  updateItems(ids: string[]): void;
  makeBibliography(): [{ bibstart: string; bibend: string; entry_ids: string[][] }, string[]] | false;
  makeCitationCluster(items: { id: string }[]): string;
}
interface CiteprocModule {
  Engine: new (sys: object, style: string, lang?: string, forceLang?: boolean) => CiteprocEngine;
  Output: { Formats: Record<string, Record<string, unknown>> };
}

export const CITATION_STYLES = ['apa', 'ieee', 'chicago-author-date', 'nature'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];
export const STYLE_LABELS: Record<CitationStyle, string> = {
  apa: 'APA 7th edition',
  ieee: 'IEEE',
  'chicago-author-date': 'Chicago author-date',
  nature: 'Nature',
};

/** Accepts the short names people type on the command line ("chicago") as well as the file names. */
export function parseCitationStyle(name: string): CitationStyle | undefined {
  const normalized = name.trim().toLowerCase();
  if (normalized === 'chicago') return 'chicago-author-date';
  return (CITATION_STYLES as readonly string[]).includes(normalized) ? (normalized as CitationStyle) : undefined;
}

/** Plain text, HTML, or Markdown (plain text with *italics*, for inserting a reference list into a document). */
export type ReferenceFormat = 'text' | 'html' | 'markdown';

/**
 * Where the style and locale files live. The extension passes `<extensionPath>/data/csl`, the CLI the folder
 * next to its bundle; nothing is read from node_modules, which the VSIX does not contain.
 */
export class CslResources {
  private readonly cache = new Map<string, string>();
  /** Building an engine parses the style (about 2 s for APA), so one engine per style is kept and reused. */
  private readonly engines = new Map<CitationStyle, { engine: CiteprocEngine; items: Map<string, CslItem>; seen: Map<string, string> }>();

  constructor(readonly directory: string) {}

  async style(style: CitationStyle): Promise<string> {
    return this.read(`${style}.csl`);
  }

  async locale(): Promise<string> {
    return this.read('locales-en-US.xml');
  }

  /** An engine for the style that will read `items`. Rebuilt when an item it has seen changed (citeproc caches items). */
  async engine(style: CitationStyle, items: ReadonlyMap<string, CslItem>): Promise<CiteprocEngine> {
    let cached = this.engines.get(style);
    const changed = cached && [...items].some(([id, item]) => cached!.seen.has(id) && cached!.seen.get(id) !== JSON.stringify(item));
    if (!cached || changed) {
      // One after the other, so a missing installation always reports the style file first, not whichever read lost the race.
      const styleXml = await this.style(style);
      const localeXml = await this.locale();
      const current = new Map<string, CslItem>();
      const sys = { retrieveLocale: () => localeXml, retrieveItem: (id: string) => current.get(id) };
      ensureMarkdownFormat();
      cached = { engine: new (CSL().Engine)(sys, styleXml, 'en-US', true), items: current, seen: new Map() };
      this.engines.set(style, cached);
    }
    cached.items.clear();
    for (const [id, item] of items) {
      cached.items.set(id, item);
      cached.seen.set(id, JSON.stringify(item));
    }
    return cached.engine;
  }

  private async read(file: string): Promise<string> {
    const cached = this.cache.get(file);
    if (cached !== undefined) return cached;
    const full = path.join(this.directory, file);
    let text: string;
    try {
      text = await fs.readFile(full, 'utf8');
    } catch (error) {
      throw new Error(`The citation style file ${full} is missing (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}). Reinstall Paper Shelf.`);
    }
    this.cache.set(file, text);
    return text;
  }
}

function ensureMarkdownFormat(): void {
  const formats = CSL().Output.Formats;
  if (formats.markdown) return;
  formats.markdown = {
    ...formats.text,
    // Emphasis and code markers, and "@" (pandoc would read it as a citation); brackets stay readable ("[1]").
    text_escape: (text: string) => (text ?? '').replace(/([*_`\\@])/g, '\\$1'),
    '@font-style/italic': '*%%STRING%%*',
    '@font-style/oblique': '*%%STRING%%*',
    '@font-weight/bold': '**%%STRING%%**',
  };
}

export interface FormattedBibliography {
  /** One formatted entry per paper, in the style's order (citation order for numeric styles). */
  entries: string[];
  /** The in-text citation for all the papers together, e.g. "(Leviathan et al., 2023)" or "[1], [2]". */
  citation: string;
}

/**
 * Formats papers with a CSL style through citeproc-js. Papers are registered in the given order, which is the
 * numbering order of numeric styles (IEEE, Nature) — pass them in the order a document cites them.
 */
export async function formatReferences(papers: readonly Paper[], style: CitationStyle, resources: CslResources, format: ReferenceFormat = 'text'): Promise<FormattedBibliography> {
  if (papers.length === 0) return { entries: [], citation: '' };
  const items = new Map<string, CslItem>(papers.map((paper) => [paper.citekey, paperToCsl(paper, { abstract: false })]));
  const engine = await resources.engine(style, items);
  engine.setOutputFormat(format);
  const ids = [...items.keys()];
  engine.updateItems(ids);
  const citation = engine.makeCitationCluster(ids.map((id) => ({ id })));
  const bibliography = engine.makeBibliography();
  const entries = bibliography ? bibliography[1].map((entry) => cleanEntry(entry, format)) : [];
  return { entries, citation };
}

function cleanEntry(entry: string, format: ReferenceFormat): string {
  const trimmed = entry.trim();
  if (format === 'html') return trimmed;
  // Numeric styles put the label and the text in separate columns; in plain text a single space reads better.
  return trimmed.replace(/\s*\t\s*|\s{2,}/g, ' ').replace(/\n+/g, ' ');
}

/** A Markdown reference list: one paragraph per entry. */
export function referenceListMarkdown(entries: readonly string[]): string {
  return entries.map((entry) => `${entry}\n`).join('\n');
}
