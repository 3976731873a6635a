// isValidTimeZone and the typed errors for schedules that cannot be read.

import { describe, expect, it } from 'vitest';
import {
  checkSchedule,
  InvalidTimeZoneError,
  ScheduleDefinitionError,
  isValidTimeZone,
  scheduleState,
} from '../../../flow-engine/schedule';
import { makeSchedule, shanghaiOffice } from './make-schedule';

describe('isValidTimeZone', () => {
  it('accepts IANA zones', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
  });

  it('refuses unknown names, offsets and the empty string', () => {
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('+08:00')).toBe(false);
    expect(isValidTimeZone('-05:00')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('unreadable schedules', () => {
  const monday = new Date('2026-11-23T10:00:00+08:00');

  it('throws InvalidTimeZoneError naming the zone, at /timezone', () => {
    const def = makeSchedule({ timezone: 'Mars/Olympus_Mons', weekly: {} });
    const error = captureError(() => scheduleState(def, monday));
    expect(error).toBeInstanceOf(InvalidTimeZoneError);
    expect(error).toMatchObject({ path: '/timezone', timeZone: 'Mars/Olympus_Mons' });
    expect((error as Error).message).toContain('"Mars/Olympus_Mons" is not a known IANA time zone');
  });

  it('throws ScheduleDefinitionError for a date that does not exist (30 February)', () => {
    const def = shanghaiOffice({ holidays: [{ date: '2026-02-30' }] });
    const error = captureError(() => scheduleState(def, monday));
    expect(error).toBeInstanceOf(ScheduleDefinitionError);
    expect(error).toMatchObject({ path: '/holidays/0/date' });
  });

  it('throws ScheduleDefinitionError for a holiday that ends before it starts', () => {
    const def = shanghaiOffice({ holidays: [{ date: '2026-10-07', until: '2026-10-01', name: 'National Day' }] });
    const error = captureError(() => scheduleState(def, monday));
    expect(error).toMatchObject({
      path: '/holidays/0/until',
      message: 'Holiday National Day ends (2026-10-01) before it starts (2026-10-07).',
    });
  });

  it('checkSchedule reports the same problem without throwing, and null for a readable schedule', () => {
    expect(checkSchedule(shanghaiOffice({ holidays: [{ date: '2026-02-30' }] }))).toMatchObject({
      path: '/holidays/0/date',
      message: '"2026-02-30" is not a calendar date; write YYYY-MM-DD.',
    });
    expect(checkSchedule(makeSchedule({ timezone: 'Nowhere/Town', weekly: {} }))).toBeInstanceOf(InvalidTimeZoneError);
    expect(checkSchedule(shanghaiOffice())).toBeNull();
  });

  it('refuses an invalid Date with a RangeError', () => {
    expect(() => scheduleState(shanghaiOffice(), new Date('not a date'))).toThrow(RangeError);
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}
