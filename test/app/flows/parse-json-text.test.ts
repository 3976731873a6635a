// The studio's parseJsonText: the engine's shared reader, its refusals worded as MalformedJsonError with line and column.

import { describe, expect, it } from 'vitest';
import { MalformedJsonError } from '../../../app/_server/errors';
import { parseJsonText } from '../../../app/_server/flows/parse-json-text';

function refusal(text: string): MalformedJsonError {
  try {
    parseJsonText(text);
  } catch (error) {
    if (error instanceof MalformedJsonError) return error;
    throw error;
  }
  throw new Error('parsed without an error');
}

describe('parseJsonText (studio server)', () => {
  it('parses valid JSON', () => {
    expect(parseJsonText('{"a": [1, {"b": null}]}')).toEqual({ a: [1, { b: null }] });
  });

  it('a syntax error names what was expected, the line, the column and what was found', () => {
    const error = refusal('{\n  "a": [1, 2,]\n}');
    expect(error.message).toBe('The file is not valid JSON: expected a value at line 2, column 14, but found "]".');
    expect(error).toMatchObject({ line: 2, column: 14 });
  });

  it('JSON nested 10,000 deep is refused with the place it went too deep, not a stack overflow', () => {
    const error = refusal(`{"nodes": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    expect(error.message).toBe(
      'The file is nested too deeply: the data is nested more than 100 levels deep at line 1, column 110.',
    );
    expect(error).toMatchObject({ line: 1, column: 110 });
  });
});
