// Parses uploaded JSON text; on failure names the line and column, which Node 20's JSON.parse does not report reliably.

import { MalformedJsonError } from '../errors';

interface Fault {
  offset: number;
  expected: string;
}

/** Scans `text` as JSON (RFC 8259) and returns where and why it first goes wrong, or null if it is valid. */
function findFault(text: string): Fault | null {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (expected: string): Fault => ({ offset: i, expected });

  const literal = (word: string): Fault | null => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return null;
    }
    return fail('a value');
  };
  const string = (): Fault | null => {
    i++; // opening quote
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return null;
      }
      if (ch < ' ') return fail('a closing quote (control characters must be escaped)');
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('four hex digits after \\u');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          i += 2;
        } else {
          return fail('a valid escape such as \\n or \\"');
        }
      } else {
        i++;
      }
    }
    return fail('a closing quote');
  };
  const number = (): Fault | null => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) return fail('a value');
    i += match[0].length;
    return null;
  };
  const value = (depth: number): Fault | null => {
    if (depth > 512) return fail('less deeply nested data');
    skipSpace();
    const ch = text[i];
    if (ch === '{') return object(depth);
    if (ch === '[') return array(depth);
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    return fail('a value');
  };
  const object = (depth: number): Fault | null => {
    i++;
    skipSpace();
    if (text[i] === '}') {
      i++;
      return null;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') return fail('a property name in double quotes');
      const keyFault = string();
      if (keyFault) return keyFault;
      skipSpace();
      if (text[i] !== ':') return fail("':' after the property name");
      i++;
      const valueFault = value(depth + 1);
      if (valueFault) return valueFault;
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return null;
      }
      return fail("',' or '}'");
    }
  };
  const array = (depth: number): Fault | null => {
    i++;
    skipSpace();
    if (text[i] === ']') {
      i++;
      return null;
    }
    for (;;) {
      const itemFault = value(depth + 1);
      if (itemFault) return itemFault;
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return null;
      }
      return fail("',' or ']'");
    }
  };

  const fault = value(0);
  if (fault) return fault;
  skipSpace();
  return i < text.length ? fail('the end of the file') : null;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * JSON.parse with an error a person can act on.
 * @throws MalformedJsonError naming the 1-based line and column, e.g. "expected ',' or '}' at line 3, column 5".
 */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const fault = findFault(text) ?? { offset: 0, expected: 'valid JSON' };
    const { line, column } = lineAndColumn(text, fault.offset);
    const found = fault.offset >= text.length ? 'the end of the file' : JSON.stringify(text[fault.offset]);
    throw new MalformedJsonError(`The file is not valid JSON: expected ${fault.expected} at line ${line}, column ${column}, but found ${found}.`, line, column);
  }
}
