// Turns simulate's call flags into a test case: caller inputs in command-line order, a checked --at time.

import { DateTime } from 'luxon';
import { isCalendarDate } from '../flow-engine/schedule/calendar-date';
import type { CallerInput } from '../flow-engine/test-case';
import type { ArgToken } from './args';
import { UsageError } from './errors';

const KEYPAD = /^[0-9*#]*$/;

/**
 * The caller's inputs in the order given: --input and --say interleave as typed, --hangup ends the list
 * where it stands. `--input ""` is silence.
 */
export function callerInputsFromTokens(tokens: readonly ArgToken[]): CallerInput[] {
  const inputs: CallerInput[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (token.name === 'input') {
      const digits = token.value ?? '';
      if (!KEYPAD.test(digits)) {
        throw new UsageError(`--input "${digits}" is not keypad input: use the keys 0-9, * and #, or "" for silence`);
      }
      inputs.push(digits);
    } else if (token.name === 'say') {
      const text = (token.value ?? '').trim();
      if (text === '') throw new UsageError('--say needs the words the caller says, e.g. --say "billing"');
      inputs.push({ say: text });
    } else if (token.name === 'hangup') {
      inputs.push({ hangup: true });
    }
  }
  return inputs;
}

// A date, a time and an offset (Z or ±hh:mm) are all required: a time without an offset is ambiguous.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Check --at and return it unchanged; throws UsageError when it is not an ISO 8601 instant with an offset on a date
 * that exists (the calendar check validate applies to a test case's `call.at`: luxon takes year 0000).
 */
export function checkCallTime(value: string): string {
  if (
    !ISO_INSTANT.test(value) ||
    !isCalendarDate(value.slice(0, 10)) ||
    !DateTime.fromISO(value, { setZone: true }).isValid
  ) {
    throw new UsageError(
      `--at "${value}" is not a date and time in ISO 8601 with an offset, e.g. 2026-11-23T10:00:00+08:00 or 2026-11-23T02:00:00Z`,
    );
  }
  return value;
}
