/**
 * Text → BibTeX field content that classic BibTeX + pdfLaTeX, biber, pybtex and pandoc all read the same way.
 * Accented Latin letters become LaTeX accent commands in braces (`{\"u}`), which every one of them decodes;
 * other non-ASCII characters (Greek, CJK, symbols) stay UTF-8 but are wrapped in braces so BibTeX's case
 * changing and sort-key purification cannot split a multi-byte character.
 */

const SPECIAL_CHARS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Combining marks (after NFD) → the LaTeX accent command that produces them. */
const ACCENTS: Record<string, string> = {
  '\u0300': '`',
  '\u0301': "'",
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '=',
  '\u0306': 'u',
  '\u0307': '.',
  '\u0308': '"',
  '\u030a': 'r',
  '\u030b': 'H',
  '\u030c': 'v',
  '\u0327': 'c',
  '\u0328': 'k',
  '\u0323': 'd',
  '\u0331': 'b',
};
/** Accent commands made of one symbol take their argument directly (`\"u`); letter commands need a space (`\c c`). */
const SYMBOL_ACCENT = /^[`'^~=."]$/;

const LETTERS: Record<string, string> = {
  ß: '\\ss', æ: '\\ae', Æ: '\\AE', œ: '\\oe', Œ: '\\OE', ø: '\\o', Ø: '\\O', ł: '\\l', Ł: '\\L',
  å: '\\aa', Å: '\\AA', ı: '\\i', ȷ: '\\j',
};

const PUNCTUATION: Record<string, string> = {
  '\u2013': '--',
  '\u2014': '---',
  '\u2018': '`',
  '\u2019': "'",
  '\u201c': '``',
  '\u201d': "''",
  '\u00a0': '~',
  '\u2026': '\\ldots{}',
};

function accented(base: string, marks: string): string | undefined {
  // Only one mark is encoded as a command; stacked marks are rare and kept as UTF-8.
  if (marks.length !== 1 || !ACCENTS[marks]) return undefined;
  const command = ACCENTS[marks];
  // `{\"i}` rather than `{\"\i}`: current LaTeX accepts both, and pandoc/pybtex decode only the first to "ï".
  const sep = SYMBOL_ACCENT.test(command) ? '' : ' ';
  return `{\\${command}${sep}${base}}`;
}

function encodeNonAscii(char: string): string {
  if (LETTERS[char]) return `{${LETTERS[char]}}`;
  if (PUNCTUATION[char]) return PUNCTUATION[char];
  const decomposed = char.normalize('NFD');
  const base = decomposed[0];
  if (decomposed.length > 1 && /^[A-Za-z]$/.test(base)) {
    const command = accented(base, decomposed.slice(1));
    if (command) return command;
  }
  return `{${char}}`;
}

/**
 * Offsets of the braces that pair up inside the text. BibTeX and pybtex count braces even after a backslash, so
 * `\{` is only safe when it has a partner; a lone brace is written as `\textbraceleft{}` / `\textbraceright{}`.
 */
function pairedBraces(text: string): Set<number> {
  const paired = new Set<number>();
  const open: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 123) open.push(index);
    else if (code === 125 && open.length) {
      paired.add(open.pop()!);
      paired.add(index);
    }
  }
  return paired;
}

/** Characters that need a LaTeX form: the specials and every non-ASCII code point (whole, with the u flag). */
const NEEDS_ESCAPE = /[\\{}%&$#_^~]|[^\x00-\x7f]/gu;

function escapeSegment(segment: string, base: number, paired: Set<number>): string {
  return segment.replace(NEEDS_ESCAPE, (char: string, offset: number) => {
    if ((char === '{' || char === '}') && !paired.has(base + offset)) return char === '{' ? '\\textbraceleft{}' : '\\textbraceright{}';
    return SPECIAL_CHARS[char] ?? encodeNonAscii(char);
  });
}

/** Escapes plain text for a braced BibTeX field value. */
export function latexEscape(text: string): string {
  const normalized = text.normalize('NFC');
  return escapeSegment(normalized, 0, pairedBraces(normalized));
}

/**
 * Escapes a title and protects words whose capitals must survive a style's case change (acronyms, model names:
 * "GPT", "MAR-3D", "ImageNet"). Plain capitalised words are left alone so sentence-case styles still work.
 */
export function latexEscapeTitle(title: string): string {
  const normalized = title.normalize('NFC');
  const paired = pairedBraces(normalized);
  return normalized.replace(/\S+|\s+/g, (word: string, offset: number) => {
    const escaped = escapeSegment(word, offset, paired);
    if (/^\s/.test(word)) return escaped;
    const core = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    return /\p{Lu}/u.test([...core].slice(1).join('')) || /^\p{Lu}\p{N}/u.test(core) ? `{${escaped}}` : escaped;
  });
}

/**
 * Values that must stay verbatim (URLs, DOIs, arXiv ids): only braces and backslashes can break a braced field,
 * and those are percent-encoded, which keeps the URL valid.
 */
export function verbatimField(value: string): string {
  return value.replace(/[{}\\]/g, (char) => encodeURIComponent(char));
}
