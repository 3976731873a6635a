// Parses uploaded JSON text with the engine's shared reader (depth limit, line:column) and words its refusal for the studio.

import 'server-only';
import { JsonTextError } from '../../../flow-engine/json/json-text-error';
import { parseJsonText as parseWithLimits } from '../../../flow-engine/json/parse-json-text';
import { MalformedJsonError } from '../errors';

/**
 * JSON.parse with an error a person can act on (the same reader as the `callflow` CLI).
 * @throws MalformedJsonError naming the 1-based line and column, e.g.
 *   "The file is not valid JSON: expected ',' or '}' at line 3, column 5, but found "]"." or
 *   "The file is nested too deeply: the data is nested more than 100 levels deep at line 1, column 101."
 */
export function parseJsonText(text: string): unknown {
  try {
    return parseWithLimits(text);
  } catch (error) {
    if (!(error instanceof JsonTextError)) throw error;
    const { line, column } = error.position ?? { line: 1, column: 1 };
    if (error.syntax) {
      const { expected, found } = error.syntax;
      throw new MalformedJsonError(
        `The file is not valid JSON: expected ${expected} at line ${line}, column ${column}, but found ${found}.`,
        line,
        column,
      );
    }
    const what = error.problem === 'depth' ? 'The file is nested too deeply' : 'The file cannot be read';
    throw new MalformedJsonError(`${what}: ${error.message}.`, line, column);
  }
}
