// Where JSON text first goes wrong and what was expected there: JSON.parse on Node 20 often says neither.

export interface JsonFault {
  /** 0-based offset of the offending character (the text's length at an unexpected end). */
  offset: number;
  /** What should have been there, e.g. `',' or '}'`, `a value`, `a closing quote`. */
  expected: string;
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * Scan `text` as JSON (RFC 8259) and return its first fault, or null when it is valid.
 * Iterative, with the open containers on an explicit stack, so no nesting depth can overflow the call stack.
 * @example
 * findJsonFault('{"a": 1,}'); // { offset: 8, expected: 'a property name in double quotes' }
 */
export function findJsonFault(text: string): JsonFault | null {
  let i = 0;
  const open: ('{' | '[')[] = [];
  const fail = (expected: string): JsonFault => ({ offset: i, expected });
  const skipSpace = () => {
    while (isSpace(text[i])) i++;
  };
  const string = (): JsonFault | null => {
    i++;
    while (i < text.length) {
      const ch = text[i]!; // i < text.length
      if (ch === '"') {
        i++;
        return null;
      }
      if (ch < ' ') return fail('a closing quote (control characters in strings must be escaped)');
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('four hex digits after \\u');
          i += 6;
        } else if (next !== undefined && ESCAPES.includes(next)) i += 2;
        else return fail('a valid escape such as \\n or \\"');
      } else i++;
    }
    return fail('a closing quote');
  };
  /** A scalar value; false when the next thing is not one. */
  const scalar = (): JsonFault | null | false => {
    const ch = text[i];
    if (ch === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return null;
      }
    }
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (match) {
        // A digit after a leading zero (`01`) is then reported where a ',' or the end should be.
        i += match[0].length;
        return null;
      }
      i++; // past the lone minus sign, at what should have been a digit
      return fail('a value');
    }
    return false;
  };

  // State machine: what the scanner needs next. Containers go on `open` instead of the call stack.
  let want: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skipSpace();
    if (want === 'value') {
      const ch = text[i];
      if (ch === '{' || ch === '[') {
        open.push(ch);
        i++;
        skipSpace();
        if (text[i] === (ch === '{' ? '}' : ']')) {
          open.pop();
          i++;
          want = 'after';
        } else want = ch === '{' ? 'key' : 'value';
        continue;
      }
      const fault = scalar();
      if (fault === false) return fail('a value');
      if (fault) return fault;
      want = 'after';
    } else if (want === 'key') {
      if (text[i] !== '"') return fail('a property name in double quotes');
      const fault = string();
      if (fault) return fault;
      skipSpace();
      if (text[i] !== ':') return fail("':' after the property name");
      i++;
      want = 'value';
    } else {
      const container = open[open.length - 1];
      if (container === undefined) break;
      const close = container === '{' ? '}' : ']';
      if (text[i] === ',') {
        i++;
        want = container === '{' ? 'key' : 'value';
      } else if (text[i] === close) {
        i++;
        open.pop();
      } else return fail(`',' or '${close}'`);
    }
  }
  return i < text.length ? fail('the end of the file') : null;
}
