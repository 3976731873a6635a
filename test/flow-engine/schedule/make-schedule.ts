// Test helper: a schedule definition parsed through the agreed zod shape, so defaults apply as in real flows.

import { scheduleDefinition, type ScheduleDefinition } from '../../../flow-engine/schedule';

type ScheduleInput = Parameters<typeof scheduleDefinition.parse>[0];

export function makeSchedule(input: ScheduleInput): ScheduleDefinition {
  return scheduleDefinition.parse(input);
}

const nineToSix = [{ from: '09:00', to: '18:00' }];

/** Asia/Shanghai, Monday–Friday 09:00–18:00 (Mon–Fri of the week under test: 2026-11-23 is a Monday). */
export const shanghaiOffice = (extra: Partial<ScheduleInput> = {}): ScheduleDefinition =>
  makeSchedule({
    timezone: 'Asia/Shanghai',
    weekly: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix },
    ...extra,
  });
