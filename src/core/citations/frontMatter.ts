import * as path from 'node:path';
import { yamlModule } from './yamlModule';

export interface FrontMatter {
  /** Offset of the first `---` and just after the closing `---`/`...` line (with its newline). */
  start: number;
  end: number;
  /** Offset where the YAML body begins and where the closing line starts. */
  bodyStart: number;
  bodyEnd: number;
  /** Present when the YAML does not parse; nothing in the header can be trusted then. */
  error?: string;
  /** The `bibliography:` entries as written (a path or a list of paths). */
  bibliography: string[];
  /** Whether the header has a `bibliography:` key at all. */
  hasBibliography: boolean;
  /** The newline the document uses. */
  eol: string;
}

/** The YAML front matter at the top of a Markdown/Quarto/R Markdown document, if any. */
export function readFrontMatter(text: string): FrontMatter | undefined {
  const open = /^(\ufeff)?---[ \t]*(\r?\n)/.exec(text);
  if (!open) return undefined;
  const eol = open[2];
  const bodyStart = open[0].length;
  const close = /^(---|\.\.\.)[ \t]*(\r?\n|$)/m;
  const rest = text.slice(bodyStart);
  const match = close.exec(rest);
  if (!match) return undefined;
  const bodyEnd = bodyStart + match.index;
  const end = bodyEnd + match[0].length;
  const result: FrontMatter = { start: 0, end, bodyStart, bodyEnd, bibliography: [], hasBibliography: false, eol };
  const { parseDocument, isMap, isScalar, isSeq } = yamlModule();
  const doc = parseDocument(text.slice(bodyStart, bodyEnd));
  if (doc.errors.length) return { ...result, error: doc.errors[0].message.split('\n')[0] };
  const contents = doc.contents;
  if (contents === null || contents === undefined) return result;
  if (!isMap(contents)) return { ...result, error: 'the front matter is not a set of "key: value" fields' };
  const node = contents.get('bibliography', true);
  if (node === undefined) return result;
  result.hasBibliography = true;
  if (isScalar(node) && typeof node.value === 'string') result.bibliography = [node.value];
  else if (isSeq(node)) result.bibliography = node.items.filter(isScalar).map((item) => String(item.value));
  else if (!(isScalar(node) && node.value === null)) return { ...result, error: '"bibliography" must be a path or a list of paths' };
  return result;
}

/** The document's bibliography files as absolute paths, resolved against the document's folder. */
export function bibliographyPaths(text: string, documentPath: string): string[] {
  const header = readFrontMatter(text);
  if (!header || header.error) return [];
  const folder = path.dirname(documentPath);
  return header.bibliography.map((entry) => path.resolve(folder, entry.replace(/^~(?=$|[\\/])/, process.env.HOME ?? '~')));
}

/** A text insertion into the document. */
export interface TextInsertion {
  offset: number;
  text: string;
}

/** YAML for a path: plain when safe, double-quoted otherwise. */
function yamlPath(value: string): string {
  return /^[\w./-][\w ./\\-]*$/.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value);
}

/**
 * The insertion that adds `bibliography: FILE` to the document: a new line in the existing front matter, or a new
 * front matter block at the top. Undefined when the header already names a bibliography or cannot be parsed.
 */
export function addBibliographyInsertion(text: string, relativePath: string): TextInsertion | undefined {
  const header = readFrontMatter(text);
  const field = `bibliography: ${yamlPath(relativePath)}`;
  if (!header) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const bom = text.startsWith('\ufeff') ? 1 : 0;
    return { offset: bom, text: `---${eol}${field}${eol}---${eol}${eol}` };
  }
  if (header.error || header.hasBibliography) return undefined;
  return { offset: header.bodyEnd, text: `${field}${header.eol}` };
}
