// findJsonSyntaxProblem / lineColumnAt: where JSON text goes wrong, for "file:line:column" messages.

import { describe, expect, it } from 'vitest';
import { findJsonSyntaxProblem, lineColumnAt } from '../../cli/json-syntax-error';

describe('findJsonSyntaxProblem', () => {
  it('accepts valid JSON of every kind', () => {
    const text = '{ "a": [1, -2.5e3, 0, true, false, null, "x\\n\\u00e9\\"", {}], "b": {"c": []} }';
    expect(findJsonSyntaxProblem(text)).toBeNull();
  });

  it('points at a closing brace where a value should be', () => {
    const text = '{\n  "nodes": [1, 2, }\n}';
    expect(findJsonSyntaxProblem(text)).toEqual({ offset: 20, message: 'Unexpected token } in JSON' });
    expect(lineColumnAt(text, 20)).toEqual({ line: 2, column: 19 });
  });

  it('points at a trailing comma before a closing brace', () => {
    expect(findJsonSyntaxProblem('{"a": 1,}')).toEqual({ offset: 8, message: 'Unexpected token } in JSON' });
  });

  it('reports the end of the text when it stops early', () => {
    expect(findJsonSyntaxProblem('{"a": [1, 2')).toEqual({ offset: 11, message: 'Unexpected end of JSON input' });
    expect(findJsonSyntaxProblem('')).toEqual({ offset: 0, message: 'Unexpected end of JSON input' });
  });

  it('points at a missing colon, a single-quoted string and a leading zero', () => {
    expect(findJsonSyntaxProblem('{"a" 1}')).toEqual({ offset: 5, message: 'Unexpected token 1 in JSON' });
    expect(findJsonSyntaxProblem("{'a': 1}")).toEqual({ offset: 1, message: "Unexpected token ' in JSON" });
    expect(findJsonSyntaxProblem('[01]')).toEqual({ offset: 2, message: 'Unexpected token 1 in JSON' });
  });

  it('names a whole emoji rather than half a surrogate pair', () => {
    expect(findJsonSyntaxProblem('[😀]')).toEqual({ offset: 1, message: 'Unexpected token 😀 in JSON' });
  });

  it('reports bad escapes, raw control characters and unterminated strings', () => {
    expect(findJsonSyntaxProblem('"a\\x"')).toEqual({ offset: 2, message: 'Bad escaped character in JSON' });
    expect(findJsonSyntaxProblem('"a\\u12"')).toEqual({ offset: 2, message: 'Bad Unicode escape in JSON' });
    expect(findJsonSyntaxProblem('"a\tb"')).toEqual({ offset: 2, message: 'Bad control character in string literal in JSON' });
    expect(findJsonSyntaxProblem('{"a": "b')).toEqual({ offset: 8, message: 'Unterminated string in JSON' });
  });

  it('reports text after the value', () => {
    expect(findJsonSyntaxProblem('{} x')).toEqual({ offset: 3, message: 'Unexpected token x in JSON' });
  });
});

describe('lineColumnAt', () => {
  it('counts lines from 1 and columns from 1', () => {
    expect(lineColumnAt('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });
});
