// Call setup time: a wall-clock time in a zone becomes the test case's ISO instant with offset.

import { expect, test } from 'vitest';
import { zonedInstant } from '../../../../app/_components/editor/simulate/zoned-instant';

test('a Shanghai wall time gets +08:00; Berlin gets its summer and winter offsets; New York its negative one', () => {
  expect(zonedInstant('2026-11-23T10:00', 'Asia/Shanghai')).toBe('2026-11-23T10:00:00+08:00');
  expect(zonedInstant('2026-07-01T09:30', 'Europe/Berlin')).toBe('2026-07-01T09:30:00+02:00');
  expect(zonedInstant('2026-01-15T09:30', 'Europe/Berlin')).toBe('2026-01-15T09:30:00+01:00');
  expect(zonedInstant('2026-01-15T23:45', 'America/New_York')).toBe('2026-01-15T23:45:00-05:00');
  expect(zonedInstant('2026-03-01T12:00', 'Asia/Kolkata')).toBe('2026-03-01T12:00:00+05:30');
});

test('a skipped spring-forward time becomes the instant the clock jumps to; a repeated hour its first occurrence', () => {
  expect(zonedInstant('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T03:00:00+02:00');
  expect(zonedInstant('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T02:30:00+02:00');
});

test('an unknown zone or a malformed time is refused with a specific message', () => {
  expect(() => zonedInstant('2026-11-23T10:00', 'Mars/Olympus')).toThrow('"Mars/Olympus" is not a time zone');
  expect(() => zonedInstant('23/11/2026 10:00', 'Asia/Shanghai')).toThrow('is not a date and time');
});
