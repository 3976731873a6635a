// The one calendar check for YYYY-MM-DD dates (schedules, call times): every checker and the evaluator agree on it,
// so a date that validation lets through is a date a live call can read.

import { DAY_MS } from './time-zone';

const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;

/**
 * Whole days since 1970-01-01 of the proleptic Gregorian date `text` (YYYY-MM-DD), or null when no such day
 * exists: a month without that day (2026-02-31, 2026-02-29) or year 0000, which the calendar does not have
 * (year 1 follows 1 BC).
 * @example
 * calendarDay('1970-01-02'); // 1
 * calendarDay('2026-02-31'); // null
 */
export function calendarDay(text: string): number | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1) return null;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // A day past the month's end rolls over into the next month; the round trip catches it.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.getTime() / DAY_MS;
}

/** True when `text` is a YYYY-MM-DD date that exists (see calendarDay). */
export function isCalendarDate(text: string): boolean {
  return calendarDay(text) !== null;
}
