import { ImportedEntry, ImportProblem, ParsedImport } from './types';

/** Page chrome that a copy of huggingface.co/papers carries around the title/abstract pairs. */
const NOISE_LINES = [
  /^get trending papers in your email inbox/i,
  /^subscribe$/i,
  /^(?:upvote|upvoted)\s*\d*$/i,
  /^\d+(?:\.\d+)?k?$/i,
  /^submitted by\b/i,
  /^published on\b/i,
  /^(?:daily|weekly|monthly) papers$/i,
  /^(?:trending|new|top|papers)$/i,
  /^·?\s*\d+ authors?$/i,
  /^(?:view|see) (?:all|more)\b/i,
  /^(?:previous|next)(?: (?:day|week|month))?$/i,
];

/** "SubscribeMAR-3D: …": the page's "Subscribe" button text glued to the first title. */
const GLUED_PREFIX = /^Subscribe(?=[A-Z0-9])/;

function isNoise(line: string): boolean {
  return NOISE_LINES.some((pattern) => pattern.test(line));
}

function looksLikeTitle(line: string): boolean {
  return line.length >= 3 && line.length <= 300;
}

function looksLikeAbstract(line: string): boolean {
  // Abstracts are paragraphs: long, several words, usually sentences.
  return line.length >= 120 && line.split(/\s+/).length >= 15;
}

/**
 * A Hugging Face papers listing copied as text: a title line followed by its abstract line, repeated.
 * Noise lines (page chrome) are dropped; a title without an abstract or a stray paragraph is reported.
 */
export function importHfListing(source: string): ParsedImport {
  const lines = source.replace(/^\ufeff/, '').split(/\r?\n/).map((text, index) => ({ text: text.trim(), line: index + 1 }));
  const content = lines.filter(({ text }) => text && !isNoise(text));
  const entries: ImportedEntry[] = [];
  const errors: ImportProblem[] = [];
  for (let i = 0; i < content.length; i++) {
    const { text, line } = content[i];
    const title = text.replace(GLUED_PREFIX, '').trim();
    const next = content[i + 1];
    if (looksLikeTitle(title) && !looksLikeAbstract(title) && next && looksLikeAbstract(next.text)) {
      entries.push({ draft: { title, authors: [], abstract: next.text, tags: [] }, line });
      i++;
    } else if (looksLikeAbstract(text)) {
      errors.push({ line, message: `a paragraph without a title line before it (skipped): "${text.slice(0, 50)}…"` });
    } else {
      errors.push({ line, message: `a title without an abstract line after it (skipped): "${title.slice(0, 60)}"` });
    }
  }
  return { format: 'hf-listing', entries, errors };
}
