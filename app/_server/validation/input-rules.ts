// Input rules the routers share, so that no value reaches PostgreSQL that it would refuse with an error of its own.

import 'server-only';
import * as z from 'zod';
import { hasPossibleLeadingDate } from './calendar-date';

/** PostgreSQL `integer` (int4): version numbers, revisions, line versions. */
export const int4Max = 2_147_483_647;

/** A whole number from 1 to the largest `integer` PostgreSQL stores. */
export function positiveInt4(what: string) {
  return z
    .number({ error: `${what} must be a whole number.` })
    .int(`${what} must be a whole number.`)
    .min(1, `${what} must be 1 or more.`)
    .max(int4Max, `${what} can be at most ${int4Max.toLocaleString('en-US')}.`);
}

// timestamptz accepts more, but JavaScript writes year 0 as "0000-…" and negative years as "-00001-…", which it refuses.
const earliest = Date.UTC(1, 0, 1);
const latest = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A date and time (Date, ISO text or epoch milliseconds) between the years 1 and 9999, on a day that exists. */
export function timestampInput(what: string) {
  // Text naming a day no calendar has (2026-02-31) becomes an invalid date here instead of rolling over to March.
  const realDay = (value: unknown) =>
    typeof value === 'string' && !hasPossibleLeadingDate(value) ? new Date(Number.NaN) : value;
  return z.preprocess(
    realDay,
    z.coerce
      .date({ error: `${what} must be a date and time, e.g. 2026-11-23T10:00:00+08:00.` })
      .refine(
        (date) => date.getTime() >= earliest && date.getTime() <= latest,
        `${what} must be between the years 1 and 9999.`,
      ),
  );
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True for text PostgreSQL can store: no NUL character and no lone UTF-16 surrogate (half of an emoji). */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !loneSurrogate.test(text);
}
