import { WORD_SEPARATOR, normalizeWord } from './analyzer';

export type Presence = 'optional' | 'required' | 'prohibited';

/** One normalized word of a user's query, with what the user asked of it. */
export interface QueryWord {
  /** Folded, lower-cased, trimmed surface form ("müller," → "muller"). */
  word: string;
  /** Index fields the word is limited to; undefined = all fields. */
  fields?: readonly string[];
  presence: Presence;
  /** The user may still be typing it (last word, no trailing space), or wrote `word*`. */
  prefix: boolean;
}

/** Names a user may put before a colon, mapped to index fields. */
export const FIELD_ALIASES: Readonly<Record<string, readonly string[]>> = {
  title: ['title'],
  author: ['authors'],
  authors: ['authors'],
  by: ['authors'],
  abstract: ['abstract'],
  year: ['year'],
  venue: ['venue'],
  key: ['ids'],
  citekey: ['ids'],
  id: ['ids'],
  arxiv: ['ids'],
};

interface RawToken {
  text: string;
  quoted: boolean;
  /** Whitespace (or the end of the query) follows this token. */
  closed: boolean;
}

/** Splits on whitespace, keeping "quoted phrases" (an unbalanced quote runs to the end) as one token. */
function rawTokens(query: string): RawToken[] {
  const tokens: RawToken[] = [];
  let i = 0;
  while (i < query.length) {
    if (/\s/.test(query[i])) {
      i++;
      continue;
    }
    let text = '';
    let quoted = false;
    while (i < query.length && !/\s/.test(query[i])) {
      if (query[i] === '"') {
        const end = query.indexOf('"', i + 1);
        text += query.slice(i + 1, end < 0 ? query.length : end);
        quoted = true;
        i = end < 0 ? query.length : end + 1;
      } else text += query[i++];
    }
    tokens.push({ text, quoted, closed: i < query.length });
  }
  return tokens;
}

/**
 * Turns free user text into words the index understands. It accepts anything: lunr's own syntax (`+must`,
 * `-not`, `field:value`, `word*`, `word~1`, `word^2`) is honoured where it makes sense and otherwise dropped,
 * so there is no input that fails to parse.
 */
export function parseQuery(query: string): QueryWord[] {
  const tokens = rawTokens(query.normalize('NFC'));
  const words: QueryWord[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    let text = token.text;
    let presence: Presence = 'optional';
    if (!token.quoted) {
      const sign = /^[+-]+/.exec(text);
      if (sign) {
        presence = sign[0].endsWith('-') ? 'prohibited' : 'required';
        text = text.slice(sign[0].length);
      }
    }
    let fields: readonly string[] | undefined;
    let closed = token.closed;
    const field = /^([A-Za-z]+):(.*)$/s.exec(text);
    if (field) {
      const mapped = FIELD_ALIASES[field[1].toLowerCase()];
      if (mapped) {
        fields = mapped;
        text = field[2];
        // "author: vaswani" — the value is the next token.
        if (!text && t + 1 < tokens.length) {
          t++;
          text = tokens[t].text;
          closed = tokens[t].closed;
        }
        // A field filter is what the user wants to see, so it is required unless they negated it.
        if (presence === 'optional') presence = 'required';
      } else text = `${field[1]} ${field[2]}`;
    }
    const explicitPrefix = /\*[~^\d]*$/.test(text);
    // Strip lunr operators: boosts (^2), edit distances (~1), wildcards, and leftover colons.
    text = text.replace(/[~^]\d*/g, ' ').replace(/[*:]/g, ' ');
    const parts = text.split(WORD_SEPARATOR).map(normalizeWord).filter((word): word is string => Boolean(word));
    parts.forEach((word, index) => {
      const last = index === parts.length - 1;
      const typing = last && !closed && t === tokens.length - 1 && !token.quoted;
      words.push({ word, fields, presence, prefix: (last && explicitPrefix) || typing });
    });
  }
  return words;
}
