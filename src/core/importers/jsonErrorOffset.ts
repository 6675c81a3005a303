/**
 * Where JSON text first goes wrong, as an offset. Node's JSON.parse messages do not always carry a position, and
 * an import error must name a line. Only called after JSON.parse has failed.
 */
export function jsonErrorOffset(text: string): number {
  let pos = 0;
  const fail = (): never => {
    throw pos;
  };
  const space = () => {
    while (pos < text.length && ' \t\n\r\ufeff'.includes(text[pos])) pos++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, pos)) pos += word.length;
    else fail();
  };
  const string = () => {
    pos++;
    while (pos < text.length) {
      const ch = text[pos];
      if (ch === '"') {
        pos++;
        return;
      }
      if (ch === '\\') {
        if (!/["\\/bfnrtu]/.test(text[pos + 1] ?? '')) fail();
        pos += text[pos + 1] === 'u' ? 6 : 2;
      } else if (ch < ' ') fail();
      else pos++;
    }
    fail();
  };
  const value = (depth: number): void => {
    if (depth > 1000) fail();
    space();
    const ch = text[pos];
    if (ch === '{') {
      pos++;
      space();
      if (text[pos] === '}') {
        pos++;
        return;
      }
      for (;;) {
        space();
        if (text[pos] !== '"') fail();
        string();
        space();
        if (text[pos] !== ':') fail();
        pos++;
        value(depth + 1);
        space();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') {
          pos++;
          return;
        } else fail();
      }
    } else if (ch === '[') {
      pos++;
      space();
      if (text[pos] === ']') {
        pos++;
        return;
      }
      for (;;) {
        value(depth + 1);
        space();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') {
          pos++;
          return;
        } else fail();
      }
    } else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else {
      const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
      if (!match) fail();
      pos += match![0].length;
    }
  };
  try {
    value(0);
    space();
    if (pos < text.length) fail();
  } catch (offset) {
    if (typeof offset === 'number') return offset;
    return pos;
  }
  return pos;
}
