import { findCitations, groupAt } from './pandocCitations';

export interface CitationInsertion {
  offset: number;
  text: string;
  /** Keys that were already in the citation the cursor is in. */
  alreadyCited: string[];
}

/**
 * How to cite `keys` at `offset`: inside a bracketed citation `[@a; @b]` the new keys are appended before its `]`
 * (keys it already has are skipped); elsewhere a new `[@x; @y]` is inserted, after a space when the cursor
 * touches a word. Returns undefined when there is nothing to insert.
 */
export function citationInsertion(text: string, offset: number, keys: readonly string[]): CitationInsertion | undefined {
  const unique = [...new Set(keys)];
  const group = groupAt(findCitations(text), offset);
  if (group) {
    const present = new Set(group.keys.map((ref) => ref.key));
    const added = unique.filter((key) => !present.has(key));
    const alreadyCited = unique.filter((key) => present.has(key));
    if (added.length === 0) return undefined;
    return { offset: group.end - 1, text: added.map((key) => `; @${key}`).join(''), alreadyCited };
  }
  if (unique.length === 0) return undefined;
  const before = text[offset - 1];
  const space = before !== undefined && /[\p{L}\p{N}.,;:!?)]/u.test(before) ? ' ' : '';
  return { offset, text: `${space}[${unique.map((key) => `@${key}`).join('; ')}]`, alreadyCited: [] };
}
