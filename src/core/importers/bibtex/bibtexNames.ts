import { latexToUnicode } from './latexToUnicode';

/**
 * BibTeX name lists, following BibTeX's own rules ("Tame the BeaST" §11): names are separated by "and" at brace
 * depth 0; each name is "First von Last", "von Last, First" or "von Last, Jr, First", where the von part is the
 * run of words starting with a lower-case letter. Braced groups are one word and never split.
 */
export interface BibName {
  first: string;
  von: string;
  last: string;
  jr: string;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0xa0;
}

/** Splits a name list at "and" (any case) standing alone between spaces at brace depth 0. */
export function splitNameList(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 123) depth++;
    else if (code === 125) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isSpace(code) && (value.charCodeAt(i + 1) | 32) === 97 && (value.charCodeAt(i + 2) | 32) === 110 &&
      (value.charCodeAt(i + 3) | 32) === 100 && (i + 4 >= value.length || isSpace(value.charCodeAt(i + 4)))) {
      names.push(value.slice(start, i).trim());
      start = i + 4;
      i += 3;
    }
  }
  names.push(value.slice(start).trim());
  return names.filter(Boolean);
}

/** The words of one name, grouped by depth-0 commas ("von Last, Jr, First" → three groups). */
function tokens(name: string): { words: string[][] } {
  const groups: string[][] = [[]];
  let depth = 0;
  let wordStart = -1;
  const push = (end: number) => {
    if (wordStart >= 0 && end > wordStart) groups[groups.length - 1].push(name.slice(wordStart, end));
    wordStart = -1;
  };
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code === 123) depth++;
    else if (code === 125) depth = Math.max(0, depth - 1);
    if (depth === 0 && code === 44) {
      push(i);
      groups.push([]);
    } else if (depth === 0 && (isSpace(code) || code === 126)) push(i);
    else if (wordStart < 0) wordStart = i;
  }
  push(name.length);
  return { words: groups };
}

/** A word is "von" when its first letter at brace depth 0 is lower case; a leading {\'e}-style accent counts too. */
function isLowerCaseWord(word: string): boolean {
  let depth = 0;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    if (ch === '{') {
      // "{\'e}cole": a special character at depth 1 counts by its letter; "{Van}" is a protected, case-less word.
      if (depth === 0 && word[i + 1] === '\\') {
        const inner = word.slice(i + 2).match(/^[A-Za-z]+\s*\{?\s*([A-Za-z])|^[^A-Za-z]\s*\{?\s*\\?([A-Za-z])/);
        const letter = inner?.[1] ?? inner?.[2];
        if (letter) return letter === letter.toLowerCase() && letter !== letter.toUpperCase();
      }
      if (depth === 0) return false;
      depth++;
      continue;
    }
    if (ch === '}') {
      depth--;
      continue;
    }
    if (ch === '\\' && depth === 0) {
      // \"o or \ss at depth 0: look at the letter after the command.
      const rest = word.slice(i + 1).match(/^(?:[A-Za-z]+|[^A-Za-z])\s*\{?([A-Za-z])/);
      if (rest) return rest[1] === rest[1].toLowerCase();
      continue;
    }
    if (/\p{L}/u.test(ch)) return ch === ch.toLowerCase() && ch !== ch.toUpperCase();
  }
  return false;
}

export function parseBibName(raw: string): BibName {
  const { words } = tokens(raw.trim());
  const groups = words.filter((group, index) => group.length > 0 || index > 0);
  const join = (list: string[]) => list.join(' ');
  if (groups.length === 1) {
    const list = groups[0];
    if (list.length === 1) return { first: '', von: '', last: list[0], jr: '' };
    // First von Last: von starts at the first lower-case word (not the last word) and ends at the last lower-case one.
    let vonStart = -1;
    let vonEnd = -1;
    for (let i = 0; i < list.length - 1; i++) {
      if (isLowerCaseWord(list[i])) {
        if (vonStart < 0) vonStart = i;
        vonEnd = i;
      }
    }
    if (vonStart < 0) return { first: join(list.slice(0, -1)), von: '', last: list[list.length - 1], jr: '' };
    return { first: join(list.slice(0, vonStart)), von: join(list.slice(vonStart, vonEnd + 1)), last: join(list.slice(vonEnd + 1)), jr: '' };
  }
  const [vonLast, ...rest] = groups;
  const jr = groups.length >= 3 ? join(rest[0]) : '';
  const first = join(groups.length >= 3 ? rest.slice(1).flat() : rest[0]);
  let vonEnd = -1;
  for (let i = 0; i < vonLast.length - 1; i++) if (isLowerCaseWord(vonLast[i])) vonEnd = i;
  return { first, von: join(vonLast.slice(0, vonEnd + 1)), last: join(vonLast.slice(vonEnd + 1)), jr };
}

/**
 * One display name as Paper.authors stores it: "Jan van der Berg"; with a suffix "King, Jr., Martin Luther"
 * (so the family name stays first for citekeys and bylines). A corporate "{Barnes and Noble}" stays whole.
 */
export function formatBibName(name: BibName): string {
  const first = latexToUnicode(name.first);
  const von = latexToUnicode(name.von);
  const last = latexToUnicode(name.last);
  const jr = latexToUnicode(name.jr);
  const family = [von, last].filter(Boolean).join(' ');
  if (jr) return [family, jr, first].filter(Boolean).join(', ');
  return [first, family].filter(Boolean).join(' ');
}

/** "van der Berg, Jan and others" → ["Jan van der Berg"]; "others" (et al.) is dropped. */
export function parseBibNameList(value: string): string[] {
  return splitNameList(value)
    .filter((name) => name.toLowerCase() !== 'others')
    .map((name) => formatBibName(parseBibName(name)))
    .filter(Boolean);
}
