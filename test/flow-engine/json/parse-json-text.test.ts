// parseJsonText / findJsonFault: the one JSON reader — syntax errors with line:column, depth and size limits.

import { describe, expect, it } from 'vitest';
import {
  defaultJsonLimits,
  findJsonFault,
  JsonTextError,
  lineColumnAt,
  parseJsonText,
} from '../../../flow-engine/json';

function refusal(text: string, limits = {}): JsonTextError {
  try {
    parseJsonText(text, limits);
  } catch (error) {
    if (error instanceof JsonTextError) return error;
    throw error;
  }
  throw new Error('parsed without an error');
}

describe('parseJsonText', () => {
  it('parses valid JSON of every kind, ignoring a byte-order mark', () => {
    const text = '{ "a": [1, -2.5e3, 0, true, false, null, "x\\n\\u00e9\\"", {}], "b": {"c": []} }';
    expect(parseJsonText(text)).toEqual(JSON.parse(text));
    expect(parseJsonText('\uFEFF[1]')).toEqual([1]);
  });

  it('a syntax error says what was expected, what was found, and where', () => {
    const error = refusal('{\n  "nodes": [1, 2, }\n}');
    expect(error.problem).toBe('syntax');
    expect(error.position).toEqual({ line: 2, column: 19 });
    expect(error.syntax).toEqual({ expected: 'a value', found: '"}"' });
    expect(error.message).toBe('expected a value but found "}" at line 2, column 19');
    expect(refusal('\uFEFF{"a" 1}').position).toEqual({ line: 1, column: 6 });
  });

  it('JSON nested 10,000 deep is refused at the bracket that goes past the limit, without a stack overflow', () => {
    for (const text of [
      '['.repeat(10_000) + ']'.repeat(10_000),
      '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
      '['.repeat(10_000),
    ]) {
      const error = refusal(text);
      expect(error.problem).toBe('depth');
      expect(error.reason).toBe(`the data is nested more than ${defaultJsonLimits.maxDepth} levels deep`);
    }
    expect(refusal('['.repeat(10_000)).position).toEqual({ line: 1, column: 101 });
    // Brackets inside strings do not count; exactly the limit is accepted.
    expect(parseJsonText(`["${'['.repeat(500)}\\"["]`)).toHaveLength(1);
    expect(parseJsonText('['.repeat(100) + ']'.repeat(100))).toBeInstanceOf(Array);
    expect(refusal('[[[]]]', { maxDepth: 2 }).position).toEqual({ line: 1, column: 3 });
  });

  it('a text longer than the limit is refused before parsing', () => {
    const error = refusal('[1, 2, 3]', { maxLength: 5 });
    expect(error.problem).toBe('size');
    expect(error.message).toBe('the text has 9 characters; at most 5 are read');
  });
});

describe('findJsonFault', () => {
  it('accepts valid JSON', () => {
    expect(findJsonFault('{ "a": [1, -2.5e3, 0, true, null, "x\\u00e9", {}], "b": {"c": []} }')).toBeNull();
  });

  it('points at a trailing comma, a missing colon, single quotes, a leading zero and text after the value', () => {
    expect(findJsonFault('{"a": 1,}')).toEqual({ offset: 8, expected: 'a property name in double quotes' });
    expect(findJsonFault('[1,]')).toEqual({ offset: 3, expected: 'a value' });
    expect(findJsonFault('{"a" 1}')).toEqual({ offset: 5, expected: "':' after the property name" });
    expect(findJsonFault("{'a': 1}")).toEqual({ offset: 1, expected: 'a property name in double quotes' });
    expect(findJsonFault('[01]')).toEqual({ offset: 2, expected: "',' or ']'" });
    expect(findJsonFault('[-]')).toEqual({ offset: 2, expected: 'a value' });
    expect(findJsonFault('{} x')).toEqual({ offset: 3, expected: 'the end of the file' });
    expect(findJsonFault('{"a": 1 "b": 2}')).toEqual({ offset: 8, expected: "',' or '}'" });
  });

  it('reports an early end, bad escapes, raw control characters and unterminated strings', () => {
    expect(findJsonFault('{"a": [1, 2')).toEqual({ offset: 11, expected: "',' or ']'" });
    expect(findJsonFault('')).toEqual({ offset: 0, expected: 'a value' });
    expect(findJsonFault('"a\\x"')).toEqual({ offset: 2, expected: 'a valid escape such as \\n or \\"' });
    expect(findJsonFault('"a\\u12"')).toEqual({ offset: 2, expected: 'four hex digits after \\u' });
    expect(findJsonFault('"a\tb"')).toEqual({
      offset: 2,
      expected: 'a closing quote (control characters in strings must be escaped)',
    });
    expect(findJsonFault('{"a": "b')).toEqual({ offset: 8, expected: 'a closing quote' });
  });

  it('scans 100,000 open brackets iteratively (no recursion on nesting)', () => {
    expect(findJsonFault('['.repeat(100_000))).toEqual({ offset: 100_000, expected: 'a value' });
  });

  it('names a whole emoji rather than half a surrogate pair', () => {
    expect(refusal('[😀]').syntax).toEqual({ expected: 'a value', found: '"😀"' });
  });
});

describe('lineColumnAt', () => {
  it('counts lines from 1 and columns from 1', () => {
    expect(lineColumnAt('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });
});
