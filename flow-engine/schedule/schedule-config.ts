// The schedule shape: IANA time zone, weekly hours, holidays and one-off special days (e.g. 调休 make-up days).

import * as z from 'zod';
import { weekdays, type Weekday } from './weekdays';

export { weekdays, type Weekday };

/** `HH:MM`, 24-hour clock; `24:00` closes at midnight. */
export const clockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time HH:MM, e.g. 09:00');

/** Opening hours on one day. `to` earlier than `from` runs past midnight into the next day. */
export const openingInterval = z.strictObject({ from: clockTime, to: clockTime });

export const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD');

export const scheduleDefinition = z.strictObject({
  /** IANA time zone, e.g. Asia/Shanghai, Europe/London. */
  timezone: z.string().min(1).max(64),
  /** Opening hours per weekday; a day left out is closed. */
  weekly: z.strictObject(
    Object.fromEntries(weekdays.map((d) => [d, z.array(openingInterval).max(8).optional()])) as Record<
      Weekday,
      z.ZodOptional<z.ZodArray<typeof openingInterval>>
    >,
  ),
  /** Closed days (public holidays), optionally a range through `until`. */
  holidays: z
    .array(z.strictObject({ date: isoDate, until: isoDate.optional(), name: z.string().max(200).optional() }))
    .max(500)
    .default([]),
  /** Days whose hours replace the weekly ones and win over holidays, e.g. a make-up working Saturday; `hours: []` closes the day. */
  specialDays: z
    .array(
      z.strictObject({ date: isoDate, hours: z.array(openingInterval).max(8), name: z.string().max(200).optional() }),
    )
    .max(500)
    .default([]),
});

export type ScheduleDefinition = z.output<typeof scheduleDefinition>;
export type ScheduleState = 'open' | 'closed' | 'holiday';
