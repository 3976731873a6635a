// checkSchedule(): the first reason a schedule cannot be evaluated, for validation before a call needs it.

import { compileSchedule } from './compiled-schedule';
import type { ScheduleDefinition } from './schedule-config';
import { ScheduleDefinitionError } from './schedule-errors';

/**
 * Null when `def` can be evaluated, else the error scheduleState would throw: unknown time zone,
 * a date that does not exist, a holiday ending before it starts. `path` points inside the schedule.
 * @example
 * checkSchedule({ timezone: 'Asia/Shanghai', weekly: {}, holidays: [{ date: '2026-02-30' }], specialDays: [] });
 * // ScheduleDefinitionError { path: '/holidays/0/date', message: '"2026-02-30" is not a calendar date; write YYYY-MM-DD.' }
 */
export function checkSchedule(def: ScheduleDefinition): ScheduleDefinitionError | null {
  try {
    compileSchedule(def);
    return null;
  } catch (error) {
    if (error instanceof ScheduleDefinitionError) return error;
    throw error;
  }
}
