// scheduleState(): is a schedule open, closed or on holiday at one instant, judged by its own wall clock.

import { compileSchedule, type CompiledSchedule } from './compiled-schedule';
import type { ScheduleDefinition, ScheduleState } from './schedule-config';
import { DAY_MS, MINUTE_MS } from './time-zone';

/**
 * The state of `def` at the instant `at`, read on the wall clock of `def.timezone`.
 *
 * Rules, in order, for the local date D and time t:
 * 1. D's own hours: a special day for D (wins over holidays and weekdays; `hours: []` is closed),
 *    else nothing if D is a holiday, else D's weekday hours. t in [from, to) → 'open'.
 * 2. The after-midnight part of an overnight interval (to < from) belongs to the day it started on:
 *    Fri 22:00–02:00 is open on Saturday at 01:00 *even when Saturday is a holiday or a special day*,
 *    because a shift that has begun runs to its end. It counts only if Friday itself was open
 *    (a Friday holiday has no hours, so nothing runs into Saturday). To close at midnight before a
 *    holiday, end the interval at 24:00.
 * 3. Otherwise 'holiday' when D is a holiday without a special day, else 'closed'.
 *
 * Wall-clock semantics across DST: 09:00–17:00 is open at local 09:00 after a change; an interval
 * over the skipped spring hour is simply shorter; the repeated autumn hour is open (or closed) twice.
 * Throws InvalidTimeZoneError / ScheduleDefinitionError for a definition it cannot read.
 * @example
 * const def = { timezone: 'Asia/Shanghai', weekly: { mon: [{ from: '09:00', to: '18:00' }] }, holidays: [], specialDays: [] };
 * scheduleState(def, new Date('2026-11-23T10:00:00+08:00')); // 'open'
 */
export function scheduleState(def: ScheduleDefinition, at: Date): ScheduleState {
  return stateAt(compileSchedule(def), instantOf(at));
}

/** State at an epoch-ms instant of an already compiled schedule (shared with nextOpening). */
export function stateAt(schedule: CompiledSchedule, instantMs: number): ScheduleState {
  const local = schedule.clock.localMs(instantMs);
  const day = Math.floor(local / DAY_MS);
  const minute = (local - day * DAY_MS) / MINUTE_MS;
  const today = schedule.ruleFor(day);
  for (const span of today.spans) {
    if (minute >= span.from && minute < span.to) return 'open';
  }
  const overnight = minute + 1440; // the same moment, counted from yesterday's midnight
  for (const span of schedule.ruleFor(day - 1).spans) {
    if (overnight >= span.from && overnight < span.to) return 'open';
  }
  return today.kind === 'holiday' ? 'holiday' : 'closed';
}

export function instantOf(at: Date): number {
  const ms = at instanceof Date ? at.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError('The time to check the schedule at is not a valid date.');
  return ms;
}
