/**
 * LaTeX as found in .bib field values → plain Unicode text: accents, special letters, escaped symbols,
 * dashes and quotes, text-formatting commands (their argument is kept), simple math ($x^2$, \alpha).
 * Case-protecting braces are dropped. Unknown commands keep their argument; a bare unknown command keeps its name.
 */

const COMBINING_ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', d: '\u0323', b: '\u0331', k: '\u0328', r: '\u030a', t: '\u0361',
};

const LETTERS: Record<string, string> = {
  ss: 'ß', SS: 'SS', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł',
  i: 'ı', j: 'ȷ', dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ', dj: 'đ', DJ: 'Đ',
};

const SYMBOLS: Record<string, string> = {
  '&': '&', '%': '%', $: '$', '#': '#', _: '_', '{': '{', '}': '}', ' ': ' ', ',': ' ', ';': ' ', ':': ' ', '!': '',
  '/': '', '-': '', '\\': ' ', '@': '',
  textendash: '–', textemdash: '—', textquoteright: '’', textquoteleft: '‘', textquotedblleft: '“', textquotedblright: '”',
  ldots: '…', dots: '…', textellipsis: '…', S: '§', P: '¶', copyright: '©', textcopyright: '©', pounds: '£', euro: '€',
  texteuro: '€', textregistered: '®', texttrademark: '™', textbackslash: '\\', textasciitilde: '~', textasciicircum: '^',
  textunderscore: '_', textbar: '|', textless: '<', textgreater: '>', textdegree: '°', textbullet: '•', dag: '†',
  ddag: '‡', textperiodcentered: '·', guillemotleft: '«', guillemotright: '»', quad: ' ', qquad: ' ', newline: ' ',
  par: ' ', LaTeX: 'LaTeX', TeX: 'TeX', LaTeXe: 'LaTeX2ε', BibTeX: 'BibTeX', relax: '', noindent: '', protect: '',
  nobreak: '', hfill: ' ', break: ' ', linebreak: ' ', and: 'and', slash: '/', textsuperscript: '',
  // Math mode.
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ',
  tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ',
  Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  times: '×', cdot: '·', pm: '±', mp: '∓', leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈',
  sim: '∼', infty: '∞', to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', leftrightarrow: '↔', in: '∈',
  sum: '∑', prod: '∏', partial: '∂', nabla: '∇', sqrt: '√', ell: 'ℓ', log: 'log', exp: 'exp', min: 'min', max: 'max',
  mathbb: '', ast: '∗', star: '⋆', circ: '∘', prime: '′', ldotp: '.', cdots: '⋯', vert: '|', mid: '|', lvert: '|',
  rvert: '|', langle: '⟨', rangle: '⟩', lbrace: '{', rbrace: '}', backslash: '\\', colon: ':', emptyset: '∅',
};

/** Commands whose (first) argument is text to keep. */
const KEEP_ARGUMENT = new Set([
  'emph', 'textit', 'textbf', 'textsc', 'texttt', 'textrm', 'textsf', 'textup', 'textsl', 'textmd', 'textnormal',
  'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathcal', 'mathbb', 'mathfrak', 'mathscr', 'boldsymbol', 'bm',
  'text', 'mbox', 'hbox', 'url', 'uppercase', 'lowercase', 'MakeUppercase', 'MakeLowercase', 'NoCaseChange',
  'ensuremath', 'operatorname', 'underline', 'emph', 'em', 'it', 'bf', 'sc', 'tt', 'rm', 'sf', 'textsubscript',
  'enquote', 'mkbibquote', 'mkbibemph', 'mkbibitalic', 'mkbibbold', 'foreignlanguage', 'hyphenation', 'acro', 'acs',
]);

/** Commands whose first argument is dropped and the next one kept (\href{url}{text}). */
const DROP_FIRST_ARGUMENT = new Set(['href', 'foreignlanguage', 'textcolor', 'color']);

const SUPERSCRIPTS: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', n: 'ⁿ', i: 'ⁱ',
};
const SUBSCRIPTS: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋',
};

const MAX_NESTING = 100;
const SPECIAL_CHARACTER = /[{}\\$~\-`'^_]/g;

class LatexReader {
  pos = 0;
  depth = 0;
  constructor(readonly text: string) {}

  /** Reads one argument: a braced group (converted), a command, or a single character. */
  argument(): string {
    this.skipSpaces();
    const ch = this.text[this.pos];
    if (ch === undefined) return '';
    if (ch === '{') return this.group();
    if (ch === '\\') {
      if (++this.depth > MAX_NESTING) {
        this.depth--;
        this.pos++;
        return '';
      }
      const out = this.command();
      this.depth--;
      return out;
    }
    this.pos++;
    return ch;
  }

  /** The raw text of the next braced argument, without conversion (for URLs). */
  rawArgument(): string {
    this.skipSpaces();
    if (this.text[this.pos] !== '{') return this.argument();
    let depth = 0;
    const start = this.pos + 1;
    for (; this.pos < this.text.length; this.pos++) {
      const ch = this.text[this.pos];
      if (ch === '\\') this.pos++;
      else if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) return this.text.slice(start, this.pos++);
    }
    return this.text.slice(start);
  }

  skipSpaces(): void {
    while (this.text[this.pos] === ' ' || this.text[this.pos] === '\n' || this.text[this.pos] === '\t') this.pos++;
  }

  group(): string {
    this.pos++; // {
    // Pathological nesting ({{{{…) is read flat rather than recursing until the stack runs out.
    if (++this.depth > MAX_NESTING) {
      this.depth--;
      return '';
    }
    const out = this.sequence('}');
    this.depth--;
    if (this.text[this.pos] === '}') this.pos++;
    return out;
  }

  sequence(until?: string, math = false): string {
    let out = '';
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === until) break;
      if (ch === '}' && until !== '}') {
        this.pos++; // a stray closing brace: skip it
        continue;
      }
      if (ch === '{') out += this.group();
      else if (ch === '\\') out += this.command(math);
      else if (ch === '$' && !math) {
        const double = this.text[this.pos + 1] === '$';
        this.pos += double ? 2 : 1;
        out += this.sequence('$', true);
        this.pos += double ? 2 : 1;
      } else if (math && (ch === '^' || ch === '_')) {
        this.pos++;
        const arg = this.argument();
        const table = ch === '^' ? SUPERSCRIPTS : SUBSCRIPTS;
        out += [...arg].every((c) => table[c]) && arg ? [...arg].map((c) => table[c]).join('') : `${ch}${arg}`;
      } else if (ch === '~' && !math) {
        out += '\u00a0';
        this.pos++;
      } else if (ch === '-' && !math && this.text.startsWith('---', this.pos)) {
        out += '—';
        this.pos += 3;
      } else if (ch === '-' && !math && this.text.startsWith('--', this.pos)) {
        out += '–';
        this.pos += 2;
      } else if (ch === '`' && this.text[this.pos + 1] === '`') {
        out += '“';
        this.pos += 2;
      } else if (ch === "'" && this.text[this.pos + 1] === "'") {
        out += '”';
        this.pos += 2;
      } else {
        // Plain run up to the next special character: the common case, found by one native regex search.
        SPECIAL_CHARACTER.lastIndex = this.pos + 1;
        const next = SPECIAL_CHARACTER.exec(this.text);
        const end = next ? next.index : this.text.length;
        out += this.text.slice(this.pos, end);
        this.pos = end;
      }
    }
    return out;
  }

  command(math = false): string {
    this.pos++; // backslash
    const start = this.pos;
    if (/[A-Za-z]/.test(this.text[this.pos] ?? '')) {
      while (/[A-Za-z]/.test(this.text[this.pos] ?? '')) this.pos++;
    } else if (this.pos < this.text.length) {
      this.pos++;
    }
    const name = this.text.slice(start, this.pos);
    if (/^[A-Za-z]/.test(name)) {
      // TeX swallows the spaces after a command word.
      while (this.text[this.pos] === ' ') this.pos++;
    }
    if (name === '') return '';
    if (COMBINING_ACCENTS[name] !== undefined) {
      const base = this.argument();
      if (!base) return '';
      // Accents go on a dotted i/j: \'{\i} is "í".
      const first = base[0] === 'ı' ? `i${base.slice(1)}` : base[0] === 'ȷ' ? `j${base.slice(1)}` : base;
      return (first[0] + COMBINING_ACCENTS[name] + first.slice(1)).normalize('NFC');
    }
    if (LETTERS[name] !== undefined) return LETTERS[name];
    if (SYMBOLS[name] !== undefined) return SYMBOLS[name];
    if (name === 'url' || name === 'path' || name === 'doi') return this.rawArgument();
    if (DROP_FIRST_ARGUMENT.has(name)) {
      this.rawArgument();
      return this.argument();
    }
    if (KEEP_ARGUMENT.has(name)) return this.text[this.pos] === '{' ? this.group() : '';
    if (name === 'frac') {
      const top = this.argument();
      return `${top}/${this.argument()}`;
    }
    // Unknown command: keep a braced argument's text; otherwise keep the command's name so nothing silently vanishes.
    if (this.text[this.pos] === '{') return this.group();
    return /^[A-Za-z]+$/.test(name) ? name : '';
  }
}

/** Converts a LaTeX field value to Unicode text with whitespace collapsed. */
export function latexToUnicode(value: string): string {
  const text = /[\\{}$~`'\-^_]/.test(value) ? new LatexReader(value).sequence() : value;
  // \s covers the no-break space that "~" becomes; most values need no collapsing, and testing is cheaper.
  return (/\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** For verbatim fields (url, doi, eprint): strips case braces and unescapes \_ \% \& \# \~ without touching the rest. */
export function verbatimValue(value: string): string {
  return value.replace(/\\url\{([^}]*)\}/g, '$1').replace(/\\([_%&#~$])/g, '$1').replace(/[{}]/g, '').replace(/\s+/g, '').trim();
}
