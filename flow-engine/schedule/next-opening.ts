// nextOpening(): the first instant at or after a given one when a schedule is open (used to plan callbacks).

import { compileSchedule, type CompiledSchedule } from './compiled-schedule';
import type { ScheduleDefinition } from './schedule-config';
import { instantOf, stateAt } from './schedule-state';
import { DAY_MS, MINUTE_MS } from './time-zone';

/** How far ahead nextOpening looks before it answers null. */
export const NEXT_OPENING_SEARCH_DAYS = 366;

/**
 * The next instant `def` is open: `at` itself when open now, else the start of the next open interval
 * (on a spring-forward day an opening inside the skipped hour becomes the instant the clocks jump),
 * or null when nothing opens within NEXT_OPENING_SEARCH_DAYS days.
 * @example
 * const def = { timezone: 'Asia/Shanghai', weekly: { mon: [{ from: '09:00', to: '18:00' }] }, holidays: [], specialDays: [] };
 * nextOpening(def, new Date('2026-11-21T12:00:00+08:00')); // 2026-11-23T01:00:00.000Z (Mon 09:00 in Shanghai)
 */
export function nextOpening(def: ScheduleDefinition, at: Date): Date | null {
  const schedule = compileSchedule(def);
  const start = instantOf(at);
  if (stateAt(schedule, start) === 'open') return new Date(start);
  if (!schedule.opensAtAll) return null;
  const firstDay = Math.floor(schedule.clock.localMs(start) / DAY_MS);
  for (let day = firstDay; day <= firstDay + NEXT_OPENING_SEARCH_DAYS; day++) {
    const found = firstOpenOnDay(schedule, day, start);
    if (found !== null) {
      // Around a DST change at midnight the next day's candidates can precede this day's; take the earlier.
      const next = firstOpenOnDay(schedule, day + 1, start);
      return new Date(next !== null && next < found ? next : found);
    }
  }
  return null;
}

/**
 * The earliest instant after `after` at which the schedule becomes open through the rules of local day `day`:
 * the start of one of its intervals, or an offset change that moves the wall clock into an open interval.
 */
function firstOpenOnDay(schedule: CompiledSchedule, day: number, after: number): number | null {
  const { clock } = schedule;
  const spans = schedule.ruleFor(day).spans;
  const hasTail = schedule.ruleFor(day - 1).spans.some((s) => s.to > 1440);
  if (spans.length === 0 && !hasTail) return null;
  const candidates: number[] = [];
  for (const span of spans) {
    candidates.push(...clock.firstInstantsAtOrAfter(day * DAY_MS + span.from * MINUTE_MS));
  }
  const change = clock.transitionBetween(day * DAY_MS - 15 * 3_600_000, (day + 1) * DAY_MS + 15 * 3_600_000);
  // Only a change that lands on this local day belongs to it; neighbouring days look after their own.
  if (change !== null && Math.floor(clock.localMs(change) / DAY_MS) === day) candidates.push(change);
  let best: number | null = null;
  for (const candidate of candidates) {
    if (candidate > after && (best === null || candidate < best) && stateAt(schedule, candidate) === 'open')
      best = candidate;
  }
  return best;
}
