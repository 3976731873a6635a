// The implementation behind `text.matches(pattern)`: cel-js's own has no input limit, so patterns run on bounded text only.

import { EvaluationError } from '@marcbachmann/cel-js';
import { BoundedCache } from './bounded-cache';
import { MAX_MATCH_INPUT_LENGTH } from './limits';

/**
 * The method name `matches()` calls are re-bound to once their pattern has passed `unsafePatternReason`.
 * cel-js refuses to replace its built-in `string.matches` ("overlaps with existing overload"), hence a second name;
 * the analyser refuses this name in admin-written source so the pattern check cannot be bypassed.
 */
export const BOUNDED_MATCHES = 'matchesWithinLimit';

const compiledPatterns = new BoundedCache<RegExp>(500);

/**
 * Test `text` against `pattern` (already vetted at parse time). Text longer than the limit is refused, which
 * with vetted patterns keeps every match within a few milliseconds.
 * @example
 * boundedMatches('123456', '^[0-9]{6}$') // true
 */
export function boundedMatches(text: string, pattern: string): boolean {
  if (text.length > MAX_MATCH_INPUT_LENGTH) {
    throw new EvaluationError({
      code: 'match_input_too_long',
      message: `matches() only checks texts of up to ${MAX_MATCH_INPUT_LENGTH} characters, this one has ${text.length}`,
    });
  }
  let regExp = compiledPatterns.get(pattern);
  if (!regExp) {
    regExp = new RegExp(pattern);
    compiledPatterns.set(pattern, regExp);
  }
  return regExp.test(text);
}
