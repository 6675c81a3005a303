/**
 * A structural BibTeX reader: finds entries and their keys and rejects a file whose structure is broken
 * (unbalanced braces, an entry without a key, a field without `=`), which is when appending to it could make
 * things worse. Field values are not decoded; importing is the importer's job.
 */

export interface ScannedEntry {
  type: string;
  key: string;
  /** Offset of the `@`. */
  start: number;
  /** Offset just after the closing delimiter. */
  end: number;
}

export interface BibtexScan {
  entries: ScannedEntry[];
  /** Problems that make the file unsafe to edit, each with its line number. */
  errors: string[];
}

class ScanError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

export function scanBibtex(text: string): BibtexScan {
  const entries: ScannedEntry[] = [];
  const errors: string[] = [];
  let i = 0;
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const fail = (offset: number, message: string): never => {
    throw new ScanError(message, offset);
  };
  const SPACE = /\s*/y;
  const NAME = /[^\s=,{}()"#]*/y;
  const KEY = /[^\s,{}()"=#%']*/y;
  const BARE = /[^\s,#{}()"=]*/y;
  /** Moves `i` past what a sticky pattern matches at it. */
  const skip = (pattern: RegExp) => {
    pattern.lastIndex = i;
    pattern.exec(text);
    i = pattern.lastIndex;
  };
  const skipSpace = () => skip(SPACE);
  /** From an opening delimiter at `i` to its partner; leaves `i` on the closing one. Braces count even after "\\", as in BibTeX. */
  const readBalanced = (open: string, close: string) => {
    const start = i;
    let depth = open === '{' ? 1 : 0;
    for (i++; i < text.length; i++) {
      const char = text[i];
      if (char === '{') depth++;
      else if (char === '}') {
        if (depth === 0) fail(i, 'a "}" closes nothing');
        if (--depth === 0 && close === '}') return;
      } else if (char === close && depth === 0) return;
    }
    fail(start, `no matching "${close}" for the "${open}" here`);
  };
  const readValuePart = () => {
    skipSpace();
    const char = text[i];
    if (char === '{') {
      readBalanced('{', '}');
      i++;
    } else if (char === '"') {
      const start = i;
      let depth = 0;
      for (i++; i < text.length; i++) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}') {
          if (--depth < 0) fail(i, 'a "}" closes nothing inside a quoted value');
        } else if (text[i] === '"' && depth === 0) break;
      }
      if (i >= text.length) fail(start, 'a quoted value is never closed');
      i++;
    } else if (char !== undefined && /[A-Za-z0-9_.:+/-]/.test(char)) {
      skip(BARE);
    } else fail(i, `expected a value, found ${char === undefined ? 'the end of the file' : `"${char}"`}`);
  };
  const readValue = () => {
    readValuePart();
    skipSpace();
    while (text[i] === '#') {
      i++;
      readValuePart();
      skipSpace();
    }
  };

  while (i < text.length) {
    const at = text.indexOf('@', i);
    if (at < 0) break;
    i = at + 1;
    const typeMatch = /^[ \t]*([A-Za-z][\w-]*)\s*([{(])/.exec(text.slice(i, i + 200));
    // "@" not followed by "type{" is comment text (an e-mail address, say), as BibTeX and biber treat it.
    if (!typeMatch) continue;
    const type = typeMatch[1].toLowerCase();
    const open = typeMatch[2];
    const close = open === '{' ? '}' : ')';
    i += typeMatch[0].length;
    try {
      if (type === 'comment' || type === 'preamble') {
        i--;
        readBalanced(open, close);
        i++;
        continue;
      }
      if (type === 'string') {
        skipSpace();
        while (i < text.length && /[^\s=]/.test(text[i])) i++;
        skipSpace();
        if (text[i] !== '=') fail(i, '@string without "="');
        i++;
        readValue();
        if (text[i] !== close) fail(i, `expected "${close}" to close @string`);
        i++;
        continue;
      }
      skipSpace();
      const keyStart = i;
      skip(KEY);
      const key = text.slice(keyStart, i);
      skipSpace();
      if (!key || text[i] !== ',') {
        if (key && text[i] === close) {
          i++;
          entries.push({ type, key, start: at, end: i });
          continue;
        }
        fail(keyStart, `@${type} entry has no citation key followed by ","`);
      }
      i++;
      for (;;) {
        skipSpace();
        if (text[i] === close) {
          i++;
          break;
        }
        const nameStart = i;
        skip(NAME);
        if (i === nameStart) fail(i, `in @${type}{${key}: expected a field name or "${close}", found ${text[i] === undefined ? 'the end of the file' : `"${text[i]}"`}`);
        skipSpace();
        if (text[i] !== '=') fail(i, `in @${type}{${key}: field "${text.slice(nameStart, i).trim()}" has no "="`);
        i++;
        readValue();
        if (text[i] === ',') i++;
        else if (text[i] !== close) fail(i, `in @${type}{${key}: expected "," or "${close}" after a field value`);
      }
      entries.push({ type, key, start: at, end: i });
    } catch (error) {
      if (!(error instanceof ScanError)) throw error;
      const where = lineOf(error.offset) === lineOf(at) ? '' : ` (noticed at line ${lineOf(error.offset)})`;
      errors.push(`line ${lineOf(at)}: ${error.message}${where}`);
      break;
    }
  }
  return { entries, errors };
}
