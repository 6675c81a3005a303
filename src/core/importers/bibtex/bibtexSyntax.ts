/**
 * BibTeX/BibLaTeX file syntax: entries, @string macros (with # concatenation), @preamble, @comment and text
 * between entries. Field values are returned as raw LaTeX; converting them is the caller's job.
 *
 * Written for recovery: an error inside one entry is reported with its line and the parser resumes at the next
 * line that starts with "@", so one broken entry never costs the others. A braced value that runs into a line
 * starting a new entry ("@article{") is reported as an unbalanced brace instead of swallowing the rest of the file.
 */

export interface BibEntry {
  /** Entry type, lower case: "article", "inproceedings", … */
  type: string;
  key: string;
  /** Field names in lower case → raw value (macros expanded, concatenations joined, outer delimiters removed). */
  fields: Map<string, string>;
  /** 1-based line of the "@" that starts the entry. */
  line: number;
}

export interface BibProblem {
  line: number;
  message: string;
  /** false: the entry was skipped; true: the entry was kept (e.g. an undefined macro left empty). */
  entryKept: boolean;
}

export interface BibSyntaxResult {
  entries: BibEntry[];
  /** The file's own @string definitions (lower-case names). */
  strings: Map<string, string>;
  problems: BibProblem[];
}

/** BibTeX's predefined month macros. */
const MONTHS: [string, string][] = [
  ['jan', 'January'], ['feb', 'February'], ['mar', 'March'], ['apr', 'April'], ['may', 'May'], ['jun', 'June'],
  ['jul', 'July'], ['aug', 'August'], ['sep', 'September'], ['oct', 'October'], ['nov', 'November'], ['dec', 'December'],
];

/** Thrown inside the scanner to abandon an entry; not an Error, so no stack trace is captured per broken entry. */
class SyntaxProblem {
  constructor(readonly offset: number, readonly message: string) {}
}

const VALUE_SPECIAL = /[\\{}"\n]/g;
const IDENTIFIER_STOP = new Set([' ', '\t', '\n', '\r', '=', ',', '{', '}', '(', ')', '"', '#', '%']);

class BibScanner {
  pos = 0;
  private readonly lineStarts: number[] = [0];
  readonly entries: BibEntry[] = [];
  readonly problems: BibProblem[] = [];
  readonly ownStrings = new Map<string, string>();
  private entryWarnings: BibProblem[] = [];

  constructor(readonly text: string, private readonly macros: Map<string, string>) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  run(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const at = text.indexOf('@', this.pos);
      if (at < 0) break;
      this.pos = at;
      this.entryWarnings = [];
      try {
        this.item();
        this.problems.push(...this.entryWarnings);
      } catch (error) {
        if (!(error instanceof SyntaxProblem)) throw error;
        this.problems.push({ line: this.lineAt(error.offset), message: error.message, entryKept: false });
        this.pos = this.nextEntryStart(at + 1);
      }
    }
  }

  /** The next "@" at the start of a line (after indentation), where recovery resumes. */
  private nextEntryStart(from: number): number {
    const re = /\n[ \t]*@/g;
    re.lastIndex = Math.max(0, from - 1);
    const match = re.exec(this.text);
    return match ? match.index + match[0].length - 1 : this.text.length;
  }

  private atLineStart(offset: number): boolean {
    for (let i = offset - 1; i >= 0; i--) {
      const ch = this.text[i];
      if (ch === '\n') return true;
      if (ch !== ' ' && ch !== '\t' && ch !== '\ufeff') return false;
    }
    return true;
  }

  private startsEntryLine(offset: number): boolean {
    // offset is just after a newline: does this line open a new entry, "@type{" or "@type("?
    return /^[ \t]*@[A-Za-z]+[ \t]*[{(]/.test(this.text.slice(offset, offset + 40));
  }

  private skipSpace(): void {
    const text = this.text;
    for (;;) {
      const ch = text[this.pos];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\ufeff') this.pos++;
      else if (ch === '%') {
        const end = text.indexOf('\n', this.pos);
        this.pos = end < 0 ? text.length : end + 1;
      } else return;
    }
  }

  private identifier(what: string): string {
    const start = this.pos;
    while (this.pos < this.text.length && !IDENTIFIER_STOP.has(this.text[this.pos])) this.pos++;
    if (this.pos === start) throw new SyntaxProblem(start, `expected ${what}${this.found()}`);
    return this.text.slice(start, this.pos);
  }

  private found(): string {
    const ch = this.text[this.pos];
    if (ch === undefined) return ', found the end of the file';
    return `, found ${ch === '\n' ? 'a line break' : `"${ch}"`}`;
  }

  private item(): void {
    const start = this.pos;
    this.pos++; // @
    this.skipSpace();
    const typeStart = this.pos;
    while (/[A-Za-z_-]/.test(this.text[this.pos] ?? '')) this.pos++;
    const type = this.text.slice(typeStart, this.pos).toLowerCase();
    if (!type) return; // a stray "@" in text between entries (an e-mail address, say) is a comment
    this.skipSpace();
    if (type === 'comment') {
      if (this.text[this.pos] === '{' || this.text[this.pos] === '(') this.skipBalanced();
      return;
    }
    const open = this.text[this.pos];
    if (open !== '{' && open !== '(') {
      // "@" inside prose between entries (an e-mail address) is a comment; at the start of a line it is a broken entry.
      if (!this.atLineStart(start)) return;
      throw new SyntaxProblem(this.pos, `@${type} must be followed by "{"${this.found()}`);
    }
    const close = open === '{' ? '}' : ')';
    this.pos++;
    this.skipSpace();
    if (type === 'preamble') {
      this.value('preamble');
      this.expectClose(close, '@preamble');
      return;
    }
    if (type === 'string') {
      const name = this.identifier('a macro name after @string{').toLowerCase();
      this.skipSpace();
      this.expect('=', `"=" after @string name ${name}`);
      this.skipSpace();
      const value = this.value(`@string ${name}`);
      this.macros.set(name, value);
      this.ownStrings.set(name, value);
      this.expectClose(close, `@string ${name}`);
      return;
    }
    this.entry(type, start, close);
  }

  private entry(type: string, start: number, close: string): void {
    const keyStart = this.pos;
    while (this.pos < this.text.length && !/[,\s}]/.test(this.text[this.pos]) && this.text[this.pos] !== close) this.pos++;
    const key = this.text.slice(keyStart, this.pos);
    if (!key) throw new SyntaxProblem(keyStart, `@${type} entry has no citation key`);
    const fields = new Map<string, string>();
    const entry: BibEntry = { type, key, fields, line: this.lineAt(start) };
    this.skipSpace();
    for (;;) {
      if (this.text[this.pos] === close) {
        this.pos++;
        break;
      }
      if (this.pos >= this.text.length) {
        throw new SyntaxProblem(start, `unbalanced brace: entry ${key} is not closed before the end of the file`);
      }
      if (this.text[this.pos] === '@' && this.atLineStart(this.pos)) {
        throw new SyntaxProblem(start, `unbalanced brace: entry ${key} is not closed before the next entry (line ${this.lineAt(this.pos)})`);
      }
      this.expect(',', `"," or "${close}" after ${fields.size ? 'a field' : 'the key'} in entry ${key}`);
      this.skipSpace();
      if (this.text[this.pos] === close) {
        this.pos++;
        break;
      }
      const fieldOffset = this.pos;
      const name = this.identifier(`a field name in entry ${key}`).toLowerCase();
      this.skipSpace();
      this.expect('=', `"=" after field ${name} in entry ${key}`);
      this.skipSpace();
      const value = this.value(`field ${name} of entry ${key}`);
      if (fields.has(name)) {
        this.entryWarnings.push({ line: this.lineAt(fieldOffset), message: `entry ${key} repeats field ${name} (the first value is kept)`, entryKept: true });
      } else fields.set(name, value);
      this.skipSpace();
    }
    this.entries.push(entry);
  }

  private expect(ch: string, what: string): void {
    if (this.text[this.pos] !== ch) throw new SyntaxProblem(this.pos, `expected ${what}${this.found()}`);
    this.pos++;
  }

  private expectClose(close: string, what: string): void {
    this.skipSpace();
    this.expect(close, `"${close}" to end ${what}`);
  }

  /** value := part ("#" part)*; part := {…} | "…" | number | macro */
  private value(where: string): string {
    let out = '';
    for (;;) {
      out += this.valuePart(where);
      this.skipSpace();
      if (this.text[this.pos] !== '#') return out;
      this.pos++;
      this.skipSpace();
    }
  }

  private valuePart(where: string): string {
    const ch = this.text[this.pos];
    if (ch === '{') return this.delimited('}', where);
    if (ch === '"') return this.delimited('"', where);
    const start = this.pos;
    if (/[0-9]/.test(ch ?? '')) {
      while (/[0-9]/.test(this.text[this.pos] ?? '')) this.pos++;
      return this.text.slice(start, this.pos);
    }
    const name = this.identifier(`a value for ${where}`);
    const macro = name.toLowerCase();
    const expansion = this.macros.get(macro);
    if (expansion !== undefined) return expansion;
    this.entryWarnings.push({ line: this.lineAt(start), message: `undefined @string macro "${name}" in ${where} (left empty)`, entryKept: true });
    return '';
  }

  /** A {…} or "…" value; nested braces are kept, the outer delimiters are not. */
  private delimited(end: '}' | '"', where: string): string {
    const text = this.text;
    const open = this.pos;
    this.pos++;
    let depth = 0;
    for (; this.pos < text.length; this.pos++) {
      // Jump over ordinary text to the next character that matters.
      VALUE_SPECIAL.lastIndex = this.pos;
      const found = VALUE_SPECIAL.exec(text);
      if (!found) break;
      this.pos = found.index;
      const ch = found[0];
      if (ch === '\\') {
        this.pos++; // an escaped character such as \{ or \" never delimits
      } else if (ch === '{') depth++;
      else if (ch === '}') {
        if (depth === 0) {
          if (end === '}') return text.slice(open + 1, this.pos++);
          throw new SyntaxProblem(this.pos, `unbalanced brace: "}" without "{" in ${where}`);
        }
        depth--;
      } else if (ch === '"' && end === '"' && depth === 0) {
        return text.slice(open + 1, this.pos++);
      } else if (ch === '\n' && this.startsEntryLine(this.pos + 1)) {
        throw new SyntaxProblem(open, `unbalanced brace: ${where} is not closed before the next entry`);
      }
    }
    throw new SyntaxProblem(open, `unbalanced brace: ${where} is not closed before the end of the file`);
  }

  private skipBalanced(): void {
    const open = this.text[this.pos];
    const close = open === '{' ? '}' : ')';
    let depth = 0;
    for (; this.pos < this.text.length; this.pos++) {
      const ch = this.text[this.pos];
      if (ch === open) depth++;
      else if (ch === close && --depth === 0) {
        this.pos++;
        return;
      }
    }
  }
}

/**
 * Parses BibTeX text. `strings` holds macros defined elsewhere (e.g. an abbreviations file passed with the
 * bibliography); the file's own @string definitions are added to a copy, never to the caller's map.
 */
export function parseBibtexSyntax(text: string, options: { strings?: ReadonlyMap<string, string> } = {}): BibSyntaxResult {
  const macros = new Map<string, string>(MONTHS);
  for (const [name, value] of options.strings ?? []) macros.set(name.toLowerCase(), value);
  const scanner = new BibScanner(text, macros);
  scanner.run();
  return { entries: scanner.entries, strings: scanner.ownStrings, problems: scanner.problems };
}

/** Collects the @string macros of files that only define abbreviations (e.g. abbrev.bib, authors.bib). */
export function collectBibtexStrings(texts: readonly string[]): Map<string, string> {
  const strings = new Map<string, string>();
  for (const text of texts) {
    for (const [name, value] of parseBibtexSyntax(text, { strings }).strings) strings.set(name, value);
  }
  return strings;
}
