import { familyName } from '../paper';
import { foldAccents } from '../text/fold';
import { baseCitekey, shortTitleWord, uniqueCitekey, type CitekeyInput } from '../citekey';

/**
 * A small Better BibTeX style formula language for citation keys of NEW papers (setting
 * `paperShelf.citations.keyFormula`). Keys already assigned are never recomputed.
 *
 *   formula  := choice ('|' choice)*          first alternative that gives a non-empty key wins
 *   choice   := term ('+' term)*              concatenation
 *   term     := (field | 'text' | "text") ('.' filter)*
 *   field    := auth | auth(n,m) | authors(n) | authEtAl | authorLast | year | shortyear
 *             | title | shorttitle(n,m) | veryshorttitle | venue | arxiv
 *   filter   := lower | upper | fold | clean | nopunct | skipwords | select(start,n)
 *             | substring(start,n) | prefix(text) | postfix(text) | condense(sep) | replace(from,to)
 *
 * Examples: `auth.lower + year + shorttitle(1,0).lower` (the default, "leviathan2022fast"),
 * `auth + ':' + year` ("Leviathan:2022"), `authEtAl.lower + shortyear` ("leviathanetal22").
 */
export const DEFAULT_KEY_FORMULA = 'auth.lower + year + shorttitle(1,0).lower';

export interface KeyInput extends CitekeyInput {
  venue?: string;
  arxivId?: string;
}

export class KeyFormulaError extends Error {
  constructor(readonly formula: string, readonly position: number, detail: string) {
    super(`Citation key formula "${formula}": ${detail} at character ${position + 1}.`);
    this.name = 'KeyFormulaError';
  }
}

type Arg = number | string;
interface Call {
  name: string;
  args: Arg[];
}
interface Term {
  source: Call | { literal: string };
  filters: Call[];
}
type Formula = Term[][];

const SKIP_WORDS = /^(a|an|the|of|on|in|at|to|for|and|or|with|from|by|via|is|are)$/i;

/** Family name without lower-case particles, as Better BibTeX's `auth`: "van der Waals" → "Waals". */
function authorCore(author: string): string {
  const family = familyName(author);
  return family.split(/\s+/).filter((part) => !/^\p{Ll}/u.test(part)).join('') || family;
}

function titleWords(title: string, skip: boolean): string[] {
  const words = title.split(/[\s\-–—:;,.!?()[\]{}"'`/]+/).filter(Boolean);
  const kept = skip ? words.filter((word) => !SKIP_WORDS.test(word)) : words;
  return kept.length ? kept : words;
}

function intArg(call: Call, index: number, fallback: number): number {
  const value = call.args[index];
  return typeof value === 'number' ? value : fallback;
}

function strArg(call: Call, index: number, fallback = ''): string {
  const value = call.args[index];
  return value === undefined ? fallback : String(value);
}

const FIELDS: Record<string, (paper: KeyInput, call: Call) => string> = {
  // auth(n, m): first n characters (0 = all) of the m-th author's family name (1-based, default first).
  auth: (paper, call) => {
    const author = paper.authors[Math.max(intArg(call, 1, 1), 1) - 1];
    const name = author ? authorCore(author) : '';
    const n = intArg(call, 0, 0);
    return n > 0 ? [...name].slice(0, n).join('') : name;
  },
  // authors(n): the family names of the first n authors (0 = all), joined.
  authors: (paper, call) => {
    const n = intArg(call, 0, 0);
    return (n > 0 ? paper.authors.slice(0, n) : paper.authors).map(authorCore).join('');
  },
  authEtAl: (paper) => {
    const names = paper.authors.map(authorCore);
    if (names.length <= 1) return names[0] ?? '';
    return names.length === 2 ? `${names[0]}${names[1]}` : `${names[0]}EtAl`;
  },
  authorLast: (paper) => (paper.authors.length ? authorCore(paper.authors[paper.authors.length - 1]) : ''),
  year: (paper) => (paper.year ? String(paper.year) : ''),
  shortyear: (paper) => (paper.year ? String(paper.year).slice(-2) : ''),
  title: (paper) => paper.title,
  // shorttitle(n, m): the first n significant words, m of them capitalised (Better BibTeX); 1 word by default.
  shorttitle: (paper, call) => {
    const n = intArg(call, 0, 3);
    const capitalised = intArg(call, 1, 0);
    if (n === 1 && capitalised === 0) return shortTitleWord(paper.title);
    return titleWords(paper.title, true)
      .slice(0, n)
      .map((word, index) => (index < capitalised ? word[0].toUpperCase() + word.slice(1) : word))
      .join('');
  },
  veryshorttitle: (paper) => shortTitleWord(paper.title),
  venue: (paper) => paper.venue ?? '',
  arxiv: (paper) => paper.arxivId ?? '',
};

const FILTERS: Record<string, (value: string, call: Call) => string> = {
  lower: (value) => value.toLowerCase(),
  upper: (value) => value.toUpperCase(),
  fold: (value) => foldAccents(value),
  clean: (value) => foldAccents(value).replace(/[^A-Za-z0-9_:.\-+/]/g, ''),
  nopunct: (value) => value.replace(/[^\p{L}\p{N}\s]/gu, ''),
  skipwords: (value) => titleWords(value, true).join(' '),
  select: (value, call) => {
    const words = value.split(/\s+/).filter(Boolean);
    const start = Math.max(intArg(call, 0, 1), 1) - 1;
    const n = intArg(call, 1, words.length);
    return words.slice(start, start + n).join(' ');
  },
  substring: (value, call) => {
    const chars = [...value];
    const start = Math.max(intArg(call, 0, 1), 1) - 1;
    return chars.slice(start, start + intArg(call, 1, chars.length)).join('');
  },
  prefix: (value, call) => (value ? strArg(call, 0) + value : value),
  postfix: (value, call) => (value ? value + strArg(call, 0) : value),
  condense: (value, call) => value.split(/\s+/).filter(Boolean).join(strArg(call, 0)),
  replace: (value, call) => value.split(strArg(call, 0)).join(strArg(call, 1)),
};

/** Parses a formula, throwing KeyFormulaError with the position of the first problem. */
export function parseKeyFormula(formula: string): Formula {
  let i = 0;
  const error = (detail: string): never => {
    throw new KeyFormulaError(formula, i, detail);
  };
  const space = () => {
    while (/\s/.test(formula[i] ?? '')) i++;
  };
  const identifier = (): string => {
    const match = /^[A-Za-z][A-Za-z0-9]*/.exec(formula.slice(i));
    if (!match) error(`expected a field name, found ${formula[i] === undefined ? 'the end' : `"${formula[i]}"`}`);
    i += match![0].length;
    return match![0];
  };
  const quoted = (): string => {
    const quote = formula[i];
    const close = formula.indexOf(quote, i + 1);
    if (close < 0) error('unclosed quote');
    const text = formula.slice(i + 1, close);
    i = close + 1;
    return text;
  };
  const call = (): Call => {
    const name = identifier();
    const args: Arg[] = [];
    space();
    if (formula[i] === '(') {
      i++;
      space();
      while (formula[i] !== ')') {
        if (formula[i] === '"' || formula[i] === "'") args.push(quoted());
        else {
          const match = /^-?\d+/.exec(formula.slice(i));
          if (!match) error('expected a number or a quoted text argument');
          args.push(Number(match![0]));
          i += match![0].length;
        }
        space();
        if (formula[i] === ',') {
          i++;
          space();
        } else if (formula[i] !== ')') error('expected "," or ")"');
      }
      i++;
    }
    return { name, args };
  };
  const term = (): Term => {
    space();
    let source: Term['source'];
    if (formula[i] === '"' || formula[i] === "'") source = { literal: quoted() };
    else {
      const start = i;
      source = call();
      if (!FIELDS[source.name]) {
        i = start;
        error(`unknown field "${source.name}" (known: ${Object.keys(FIELDS).join(', ')})`);
      }
    }
    const filters: Call[] = [];
    space();
    while (formula[i] === '.') {
      i++;
      const start = i;
      const filter = call();
      if (!FILTERS[filter.name]) {
        i = start;
        error(`unknown filter "${filter.name}" (known: ${Object.keys(FILTERS).join(', ')})`);
      }
      filters.push(filter);
      space();
    }
    return { source, filters };
  };
  const choices: Formula = [];
  let terms: Term[] = [term()];
  for (;;) {
    space();
    if (i >= formula.length) break;
    if (formula[i] === '+') {
      i++;
      terms.push(term());
    } else if (formula[i] === '|') {
      i++;
      choices.push(terms);
      terms = [term()];
    } else error(`expected "+" or "|", found "${formula[i]}"`);
  }
  choices.push(terms);
  return choices;
}

/** Makes the raw result usable as a Pandoc and BibTeX key: ASCII, no spaces, punctuation only inside. */
export function cleanKey(raw: string): string {
  return foldAccents(raw)
    .replace(/[^A-Za-z0-9_:.\-+/]/g, '')
    .replace(/^[^A-Za-z0-9_]+|[^A-Za-z0-9_]+$/g, '');
}

/** Compiles a formula to a function from paper to base key (before a/b suffixes). Throws KeyFormulaError. */
export function compileKeyFormula(formula: string): (paper: KeyInput) => string {
  if (formula.trim() === DEFAULT_KEY_FORMULA || !formula.trim()) return baseCitekey;
  const choices = parseKeyFormula(formula);
  return (paper) => {
    for (const terms of choices) {
      const hasField = terms.some((term) => !('literal' in term.source));
      const parts = terms.map((term) => {
        let value = 'literal' in term.source ? term.source.literal : FIELDS[term.source.name](paper, term.source);
        for (const filter of term.filters) value = FILTERS[filter.name](value, filter);
        return value;
      });
      // An alternative whose fields all came out empty (no authors, say) gives way to the next one.
      const fieldValues = terms.map((term, index) => ('literal' in term.source ? '' : parts[index]));
      const key = cleanKey(parts.join(''));
      if (key && (!hasField || fieldValues.some(Boolean))) return key;
    }
    return baseCitekey(paper);
  };
}

/** A new paper's key: the formula's result, made unique against the keys already taken with a, b, … suffixes. */
export function generateCitekey(paper: KeyInput, taken: ReadonlySet<string>, formula: string = DEFAULT_KEY_FORMULA): string {
  return uniqueCitekey(compileKeyFormula(formula)(paper), taken);
}

let newPaperKey: (paper: KeyInput) => string = baseCitekey;

/**
 * Sets the formula that `newPaperCitekey` uses (the extension passes `paperShelf.citations.keyFormula`).
 * Throws KeyFormulaError and keeps the previous formula when the new one does not parse.
 */
export function configureNewPaperKeys(formula: string): void {
  newPaperKey = compileKeyFormula(formula);
}

/** The key for a paper entering the library without one (importers call this); existing keys are never recomputed. */
export function newPaperCitekey(paper: KeyInput, taken: ReadonlySet<string>): string {
  return uniqueCitekey(newPaperKey(paper), taken);
}
