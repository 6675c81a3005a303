/**
 * Finds Pandoc citations (`@key`, `[@a; @b, p. 3]`, `[-@key]`) in Markdown text, following what `pandoc -f markdown`
 * itself treats as a citation: not in code, math, HTML comments, <pre>/<script>/<style>, autolinks, link
 * destinations or link reference definitions; not an e-mail address (`@` right after a letter or digit); not `\@`.
 * Keys start with a letter, digit or `_` and may contain `:.#$%&-+?<>~/` when followed by a key character, or
 * are written in braces, `@{...}`. Offsets are UTF-16 indices into the text, as editors use.
 */

export interface CitationKeyRef {
  key: string;
  /** Offset of the `@`. */
  start: number;
  /** Offset just after the key (after the closing brace for `@{...}`). */
  end: number;
  /** True when written `-@key` (suppress author). */
  suppressAuthor: boolean;
  /** True inside a bracketed citation `[...]`, false for an in-text `@key`. */
  bracketed: boolean;
}

export interface CitationGroup {
  /** Offset of `[`. */
  start: number;
  /** Offset just after `]`. */
  end: number;
  keys: CitationKeyRef[];
}

export interface FoundCitations {
  keys: CitationKeyRef[];
  groups: CitationGroup[];
}

const KEY_CHAR = /[\p{L}\p{N}_]/u;
const INTERNAL_PUNCT = ':.#$%&-+?<>~/';

function isKeyChar(char: string | undefined): boolean {
  return char !== undefined && KEY_CHAR.test(char);
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** Reads a key starting at `from` (just after `@`). Returns the key and the offset after it, or undefined. */
export function readKey(text: string, from: number): { key: string; end: number } | undefined {
  if (text[from] === '{') {
    let depth = 0;
    for (let i = from; i < text.length; i++) {
      const char = text[i];
      if (/\s/.test(char)) return undefined;
      if (char === '{') depth++;
      else if (char === '}' && --depth === 0) return i > from + 1 ? { key: text.slice(from + 1, i), end: i + 1 } : undefined;
    }
    return undefined;
  }
  if (!isKeyChar(text[from])) return undefined;
  let end = from + 1;
  for (;;) {
    if (isKeyChar(text[end])) end++;
    else if (text[end] !== undefined && INTERNAL_PUNCT.includes(text[end]) && isKeyChar(text[end + 1])) end += 2;
    else break;
  }
  // Surrogate pairs (rare CJK) are letters too; keep whole code points.
  while (end < text.length && /[\udc00-\udfff]/.test(text[end])) end++;
  return { key: text.slice(from, end), end };
}

/** Marks the spans where Pandoc does not look for citations. */
export function maskNonCitationSpans(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  const markRange = (start: number, end: number) => mask.fill(1, start, Math.min(end, text.length));
  maskBlocks(text, markRange);
  maskInline(text, mask, markRange);
  return mask;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function maskBlocks(text: string, markRange: (start: number, end: number) => void): void {
  const starts = lineStarts(text);
  const lineAt = (n: number) => text.slice(starts[n], n + 1 < starts.length ? starts[n + 1] : text.length).replace(/\r?\n$/, '');
  const lineEnd = (n: number) => (n + 1 < starts.length ? starts[n + 1] : text.length);
  let n = 0;
  // YAML front matter at the very start: its strings are metadata, not body text.
  if (/^---[ \t]*$/.test(lineAt(0))) {
    for (let m = 1; m < starts.length; m++) {
      if (/^(---|\.\.\.)[ \t]*$/.test(lineAt(m))) {
        markRange(0, lineEnd(m));
        n = m + 1;
        break;
      }
    }
  }
  let previousBlank = true;
  let inList = false;
  for (; n < starts.length; n++) {
    const line = lineAt(n);
    const fence = line.match(/^ {0,3}(`{3,}|~{3,})/);
    if (fence) {
      const marker = fence[1];
      let m = n + 1;
      const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      while (m < starts.length && !close.test(lineAt(m))) m++;
      markRange(starts[n], lineEnd(Math.min(m, starts.length - 1)));
      n = m;
      previousBlank = false;
      continue;
    }
    const blank = /^\s*$/.test(line);
    if (!blank && /^( {4,}|\t)/.test(line) && previousBlank && !inList) {
      markRange(starts[n], lineEnd(n));
      continue; // an indented code block continues while lines stay indented or blank
    }
    if (/^ {0,3}\[[^\]^][^\]]*\]:\s/.test(line)) markRange(starts[n], lineEnd(n)); // link reference definition
    const rawBlock = line.match(/^ {0,3}<(pre|script|style|textarea)\b/i);
    if (rawBlock) {
      const closeTag = new RegExp(`</${rawBlock[1]}>`, 'i');
      let m = n;
      while (m < starts.length && !closeTag.test(lineAt(m))) m++;
      markRange(starts[n], lineEnd(Math.min(m, starts.length - 1)));
      n = m;
      continue;
    }
    if (!blank) {
      if (/^ {0,3}([-*+]|\d+[.)]|#\.)\s/.test(line)) inList = true;
      else if (!/^\s/.test(line) && previousBlank) inList = false;
    }
    previousBlank = blank;
  }
}

function maskInline(text: string, mask: Uint8Array, markRange: (start: number, end: number) => void): void {
  let i = 0;
  while (i < text.length) {
    if (mask[i]) {
      i++;
      continue;
    }
    const char = text[i];
    if (char === '\\') {
      markRange(i, i + 2);
      i += 2;
      continue;
    }
    if (char === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      const closer = findBacktickCloser(text, i + run, run);
      if (closer >= 0) {
        markRange(i, closer + run);
        i = closer + run;
      } else i += run;
      continue;
    }
    if (char === '$') {
      const end = mathEnd(text, i);
      if (end > 0) {
        markRange(i, end);
        i = end;
        continue;
      }
    }
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      const end = close < 0 ? text.length : close + 3;
      markRange(i, end);
      i = end;
      continue;
    }
    if (char === '<') {
      // Autolinks: <scheme:...> and <user@host>.
      const auto = /^<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/.exec(text.slice(i, i + 2048));
      if (auto) {
        markRange(i, i + auto[0].length);
        i += auto[0].length;
        continue;
      }
    }
    if (char === '[' && text[i + 1] === '^') {
      // A footnote reference, [^label]: its label is not text.
      const close = text.indexOf(']', i);
      if (close > 0 && !text.slice(i, close).includes('\n')) {
        markRange(i, close + 1);
        i = close + 1;
        continue;
      }
    }
    if (char === ']' && text[i + 1] === '(') {
      const end = closingParen(text, i + 1);
      if (end > 0) {
        markRange(i + 1, end);
        i = end;
        continue;
      }
    }
    i++;
  }
}

function findBacktickCloser(text: string, from: number, run: number): number {
  let i = from;
  while (i < text.length) {
    const next = text.indexOf('`', i);
    if (next < 0) return -1;
    // A code span cannot cross a blank line (paragraph end).
    if (/\n[ \t]*\n/.test(text.slice(i, next))) return -1;
    let length = 1;
    while (text[next + length] === '`') length++;
    if (length === run) return next;
    i = next + length;
  }
  return -1;
}

/** Pandoc's tex_math_dollars: `$x$` (no space inside the delimiters, closing `$` not followed by a digit) and `$$x$$`. */
function mathEnd(text: string, start: number): number {
  if (text[start + 1] === '$') {
    const close = text.indexOf('$$', start + 2);
    return close > start + 2 ? close + 2 : -1;
  }
  if (start > 0 && text[start - 1] === '$') return -1;
  if (!text[start + 1] || /\s/.test(text[start + 1])) return -1;
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === '\n' && text[i + 1] === '\n') return -1;
    if (char === '$') {
      if (/\s/.test(text[i - 1]) || /\d/.test(text[i + 1] ?? '')) return -1;
      return i + 1;
    }
  }
  return -1;
}

function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length && i < open + 4096; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
    else if (text[i] === '\n' && text[i + 1] === '\n') return -1;
  }
  return -1;
}

/** Whether the `@` at `at` may start a citation: not part of a word (e-mail) and not masked. */
function canStartCitation(text: string, at: number, mask: Uint8Array): boolean {
  if (mask[at]) return false;
  const before = text[at - 1];
  if (isWordChar(before)) return false;
  // "a.@b": the dot belongs to the preceding word.
  if (before === '.' && isWordChar(text[at - 2])) return false;
  // Astral letters (surrogate pairs) before the @.
  if (before && /[\udc00-\udfff]/.test(before) && /\p{L}/u.test(text.slice(at - 2, at))) return false;
  return true;
}

export function findCitations(text: string): FoundCitations {
  const mask = maskNonCitationSpans(text);
  const keys: CitationKeyRef[] = [];
  let previousEnd = -1;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    // Right after another citation ("@a@b"), Pandoc starts a new one.
    if (at !== previousEnd && !canStartCitation(text, at, mask)) continue;
    if (mask[at]) continue;
    const read = readKey(text, at + 1);
    if (!read) continue;
    keys.push({ key: read.key, start: at, end: read.end, suppressAuthor: text[at - 1] === '-', bracketed: false });
    previousEnd = read.end;
  }
  const groups = findGroups(text, keys, mask);
  return { keys, groups };
}

/** Bracketed citations: `[` … `]` whose `;`-separated items each hold one key, not followed by `(`, `[` or `{`. */
function findGroups(text: string, keys: CitationKeyRef[], mask: Uint8Array): CitationGroup[] {
  const groups: CitationGroup[] = [];
  let index = 0;
  while (index < keys.length) {
    const key = keys[index];
    const open = openingBracket(text, key.start, mask);
    if (open < 0) {
      index++;
      continue;
    }
    const close = closingBracket(text, open, mask);
    if (close < 0 || /[([{]/.test(text[close + 1] ?? '') || text[open + 1] === '^') {
      index++;
      continue;
    }
    // Keys are in document order: the group's keys are the neighbours of this one between the brackets.
    let first = index;
    while (first > 0 && keys[first - 1].start > open) first--;
    let last = index;
    while (last + 1 < keys.length && keys[last + 1].end <= close) last++;
    const inside = keys.slice(first, last + 1);
    const items = splitItems(text, open + 1, close, mask);
    const valid = inside.length > 0 && items.every(([start, end]) => inside.filter((k) => k.start >= start && k.end <= end).length === 1);
    if (valid) {
      for (const member of inside) member.bracketed = true;
      groups.push({ start: open, end: close + 1, keys: inside });
      index = last + 1;
    } else index++;
  }
  return groups;
}

function openingBracket(text: string, from: number, mask: Uint8Array): number {
  for (let i = from - 1; i >= 0 && i > from - 2048; i--) {
    if (mask[i]) continue;
    const char = text[i];
    if (char === '[') return i;
    if (char === ']' || (char === '\n' && text[i - 1] === '\n')) return -1;
  }
  return -1;
}

function closingBracket(text: string, open: number, mask: Uint8Array): number {
  let depth = 0;
  for (let i = open; i < text.length && i < open + 4096; i++) {
    if (mask[i]) continue;
    const char = text[i];
    if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return i;
    else if (char === '\n' && text[i + 1] === '\n') return -1;
  }
  return -1;
}

function splitItems(text: string, start: number, end: number, mask: Uint8Array): [number, number][] {
  const items: [number, number][] = [];
  let itemStart = start;
  for (let i = start; i < end; i++) {
    if (text[i] === ';' && !mask[i]) {
      items.push([itemStart, i]);
      itemStart = i + 1;
    }
  }
  items.push([itemStart, end]);
  return items;
}

/** Every cited key, once, in order of first appearance. */
export function citedKeys(text: string): string[] {
  return [...new Set(findCitations(text).keys.map((ref) => ref.key))];
}

/**
 * Where a citation key is being typed, for completion: the cursor is right after `@` plus zero or more key
 * characters, and the `@` is inside `[...]` (or right after `[`/`[-`). Returns the range of the partial key.
 */
export function completionContext(lineText: string, character: number): { keyStart: number; prefix: string } | undefined {
  const before = lineText.slice(0, character);
  const match = /(^|[\s[;-])@(\{?[^\s@;,[\]{}]*)$/u.exec(before);
  if (!match) return undefined;
  const at = before.length - match[2].length - 1;
  // Inside an open bracket on this line: the last '[' before the '@' is not closed before it.
  const open = before.lastIndexOf('[', at);
  if (open < 0 || before.indexOf(']', open) >= 0 && before.indexOf(']', open) < at) return undefined;
  const prefix = match[2].replace(/^\{/, '');
  return { keyStart: at + 1, prefix };
}

/** The bracketed citation group containing `offset` (between its brackets), if any. */
export function groupAt(found: FoundCitations, offset: number): CitationGroup | undefined {
  return found.groups.find((group) => offset > group.start && offset < group.end);
}

/** The citation key reference under `offset` (on the `@` or the key). */
export function keyAt(found: FoundCitations, offset: number): CitationKeyRef | undefined {
  return found.keys.find((ref) => offset >= ref.start && offset <= ref.end);
}
