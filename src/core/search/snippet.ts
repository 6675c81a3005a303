const SNIPPET_LENGTH = 160;
const LEAD_IN = 50;

/**
 * A short excerpt of `text` around `position` (the first matched word), cut at word boundaries, with "…" where
 * it was cut. Without a position it is the beginning of the text.
 */
export function makeSnippet(text: string, position?: number, length = SNIPPET_LENGTH): string {
  if (!text) return '';
  let start = position === undefined ? 0 : Math.max(0, position - LEAD_IN);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < (position ?? start) ? space + 1 : start;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + length / 2) end = space;
  }
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}
