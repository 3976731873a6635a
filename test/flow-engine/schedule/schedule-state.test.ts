// scheduleState: weekly hours, holidays, special days, overnight intervals and 24:00, in Asia/Shanghai.

import { describe, expect, it } from 'vitest';
import { scheduleState } from '../../../flow-engine/schedule';
import { makeSchedule, shanghaiOffice } from './make-schedule';

const at = (local: string) => new Date(`${local}+08:00`);

describe('weekly hours', () => {
  const office = shanghaiOffice();

  it('is open inside the hours of a weekday and closed outside them', () => {
    expect(scheduleState(office, at('2026-11-23T10:00:00'))).toBe('open');
    expect(scheduleState(office, at('2026-11-23T08:59:59'))).toBe('closed');
    expect(scheduleState(office, at('2026-11-27T17:59:59'))).toBe('open');
  });

  it('treats the end of an interval as exclusive: closed at exactly 18:00', () => {
    expect(scheduleState(office, at('2026-11-23T18:00:00'))).toBe('closed');
  });

  it('is closed on a weekday left out of the weekly hours (Saturday)', () => {
    expect(scheduleState(office, at('2026-11-21T10:00:00'))).toBe('closed');
  });

  it('takes the weekday from the local date, not from UTC (Sunday 23:00 UTC is Monday 07:00 in Shanghai)', () => {
    const earlyMonday = makeSchedule({ timezone: 'Asia/Shanghai', weekly: { mon: [{ from: '06:00', to: '12:00' }] } });
    expect(scheduleState(earlyMonday, new Date('2026-11-22T23:00:00Z'))).toBe('open');
    expect(scheduleState(earlyMonday, new Date('2026-11-22T21:00:00Z'))).toBe('closed');
  });

  it('treats an interval whose start equals its end as empty', () => {
    const empty = makeSchedule({ timezone: 'Asia/Shanghai', weekly: { mon: [{ from: '09:00', to: '09:00' }] } });
    expect(scheduleState(empty, at('2026-11-23T09:00:00'))).toBe('closed');
  });
});

describe('holidays', () => {
  it('reports a single-day holiday as holiday, during and outside the usual hours', () => {
    const office = shanghaiOffice({ holidays: [{ date: '2026-11-26', name: 'Staff day' }] });
    expect(scheduleState(office, at('2026-11-26T10:00:00'))).toBe('holiday');
    expect(scheduleState(office, at('2026-11-26T03:00:00'))).toBe('holiday');
    expect(scheduleState(office, at('2026-11-25T10:00:00'))).toBe('open');
    expect(scheduleState(office, at('2026-11-27T10:00:00'))).toBe('open');
  });

  it('covers every day of a range through `until`, inclusive', () => {
    const office = shanghaiOffice({ holidays: [{ date: '2026-10-01', until: '2026-10-07', name: 'National Day' }] });
    expect(scheduleState(office, at('2026-10-01T00:00:00'))).toBe('holiday');
    expect(scheduleState(office, at('2026-10-05T10:00:00'))).toBe('holiday');
    expect(scheduleState(office, at('2026-10-07T23:59:59'))).toBe('holiday');
    expect(scheduleState(office, at('2026-10-08T10:00:00'))).toBe('open');
    expect(scheduleState(office, at('2026-09-30T10:00:00'))).toBe('open');
  });
});

describe('special days', () => {
  const nationalDay = { date: '2026-10-01', until: '2026-10-07', name: 'National Day' };

  it('opens a make-up working Saturday (调休) with its own hours', () => {
    const office = shanghaiOffice({
      specialDays: [{ date: '2026-10-10', hours: [{ from: '09:00', to: '18:00' }], name: '调休' }],
    });
    expect(scheduleState(office, at('2026-10-10T10:00:00'))).toBe('open');
    expect(scheduleState(office, at('2026-10-10T08:00:00'))).toBe('closed');
    expect(scheduleState(office, at('2026-10-17T10:00:00'))).toBe('closed');
  });

  it('wins over a holiday: its hours apply and outside them the day is closed, not holiday', () => {
    const office = shanghaiOffice({
      holidays: [nationalDay],
      specialDays: [{ date: '2026-10-04', hours: [{ from: '10:00', to: '14:00' }], name: 'Hotline duty' }],
    });
    expect(scheduleState(office, at('2026-10-04T11:00:00'))).toBe('open');
    expect(scheduleState(office, at('2026-10-04T15:00:00'))).toBe('closed');
    expect(scheduleState(office, at('2026-10-05T11:00:00'))).toBe('holiday');
  });

  it('closes a weekday when its hours are empty', () => {
    const office = shanghaiOffice({ specialDays: [{ date: '2026-11-24', hours: [], name: 'Office move' }] });
    expect(scheduleState(office, at('2026-11-24T10:00:00'))).toBe('closed');
    expect(scheduleState(office, at('2026-11-25T10:00:00'))).toBe('open');
  });
});

describe('overnight intervals', () => {
  const nightShift = (extra = {}) =>
    makeSchedule({ timezone: 'Asia/Shanghai', weekly: { fri: [{ from: '22:00', to: '02:00' }] }, ...extra });

  it('runs Friday 22:00–02:00 past midnight into Saturday', () => {
    const def = nightShift();
    expect(scheduleState(def, at('2026-11-27T21:59:00'))).toBe('closed');
    expect(scheduleState(def, at('2026-11-27T23:00:00'))).toBe('open');
    expect(scheduleState(def, at('2026-11-28T01:00:00'))).toBe('open');
    expect(scheduleState(def, at('2026-11-28T02:00:00'))).toBe('closed');
    expect(scheduleState(def, at('2026-11-27T01:00:00'))).toBe('closed');
  });

  it('keeps Friday night open into a Saturday holiday, which starts when the shift ends', () => {
    const def = nightShift({ holidays: [{ date: '2026-11-28' }] });
    expect(scheduleState(def, at('2026-11-28T01:00:00'))).toBe('open');
    expect(scheduleState(def, at('2026-11-28T03:00:00'))).toBe('holiday');
  });

  it('keeps Friday night open into a Saturday special day with no hours', () => {
    const def = nightShift({ specialDays: [{ date: '2026-11-28', hours: [] }] });
    expect(scheduleState(def, at('2026-11-28T01:00:00'))).toBe('open');
    expect(scheduleState(def, at('2026-11-28T03:00:00'))).toBe('closed');
  });

  it('runs nothing into Saturday when Friday itself is a holiday', () => {
    const def = nightShift({ holidays: [{ date: '2026-11-27' }] });
    expect(scheduleState(def, at('2026-11-27T23:00:00'))).toBe('holiday');
    expect(scheduleState(def, at('2026-11-28T01:00:00'))).toBe('closed');
  });

  it("runs a special day's overnight hours into the next day", () => {
    const def = makeSchedule({
      timezone: 'Asia/Shanghai',
      weekly: {},
      specialDays: [{ date: '2026-12-31', hours: [{ from: '20:00', to: '01:00' }] }],
    });
    expect(scheduleState(def, at('2027-01-01T00:30:00'))).toBe('open');
    expect(scheduleState(def, at('2027-01-01T01:00:00'))).toBe('closed');
  });
});

describe('24:00', () => {
  it('closes at the end of the day', () => {
    const def = makeSchedule({ timezone: 'Asia/Shanghai', weekly: { mon: [{ from: '18:00', to: '24:00' }] } });
    expect(scheduleState(def, at('2026-11-23T23:59:59'))).toBe('open');
    expect(scheduleState(def, at('2026-11-24T00:00:00'))).toBe('closed');
  });

  it('makes 00:00–24:00 open all day', () => {
    const def = makeSchedule({ timezone: 'Asia/Shanghai', weekly: { sun: [{ from: '00:00', to: '24:00' }] } });
    expect(scheduleState(def, at('2026-11-22T00:00:00'))).toBe('open');
    expect(scheduleState(def, at('2026-11-22T23:59:00'))).toBe('open');
    expect(scheduleState(def, at('2026-11-23T00:00:00'))).toBe('closed');
  });
});

describe('Asia/Shanghai has no DST', () => {
  it('opens at 09:00 local = 01:00 UTC in winter and in summer alike', () => {
    const office = shanghaiOffice();
    expect(scheduleState(office, new Date('2026-01-05T01:00:00Z'))).toBe('open');
    expect(scheduleState(office, new Date('2026-07-06T01:00:00Z'))).toBe('open');
    expect(scheduleState(office, new Date('2026-07-06T00:59:00Z'))).toBe('closed');
  });
});
