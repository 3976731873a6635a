// nextOpening: the next instant a schedule is open, across weekends, holidays, special days and DST.

import { describe, expect, it } from 'vitest';
import { nextOpening } from '../../../flow-engine/schedule';
import { makeSchedule, shanghaiOffice } from './make-schedule';

const at = (local: string) => new Date(`${local}+08:00`);

describe('nextOpening', () => {
  it('returns the instant itself when the schedule is open', () => {
    expect(nextOpening(shanghaiOffice(), at('2026-11-23T10:15:30'))?.toISOString()).toBe('2026-11-23T02:15:30.000Z');
  });

  it('skips the weekend: Friday evening → Monday 09:00 Shanghai', () => {
    expect(nextOpening(shanghaiOffice(), at('2026-11-20T18:30:00'))?.toISOString()).toBe('2026-11-23T01:00:00.000Z');
  });

  it('opens later the same day when called before opening time', () => {
    expect(nextOpening(shanghaiOffice(), at('2026-11-23T07:00:00'))?.toISOString()).toBe('2026-11-23T01:00:00.000Z');
  });

  it('finds the evening start of an overnight interval the same day', () => {
    const def = makeSchedule({ timezone: 'Asia/Shanghai', weekly: { fri: [{ from: '22:00', to: '02:00' }] } });
    expect(nextOpening(def, at('2026-11-27T21:00:00'))?.toISOString()).toBe('2026-11-27T14:00:00.000Z');
    expect(nextOpening(def, at('2026-11-28T01:30:00'))?.toISOString()).toBe('2026-11-27T17:30:00.000Z'); // still open
    expect(nextOpening(def, at('2026-11-28T02:00:00'))?.toISOString()).toBe('2026-12-04T14:00:00.000Z');
  });

  it('skips a holiday week: the eve of National Day → 8 October 09:00', () => {
    const office = shanghaiOffice({ holidays: [{ date: '2026-10-01', until: '2026-10-07' }] });
    expect(nextOpening(office, at('2026-09-30T19:00:00'))?.toISOString()).toBe('2026-10-08T01:00:00.000Z');
  });

  it('finds a make-up working Saturday before the next Monday', () => {
    const office = shanghaiOffice({ specialDays: [{ date: '2026-10-10', hours: [{ from: '09:00', to: '18:00' }] }] });
    expect(nextOpening(office, at('2026-10-09T18:30:00'))?.toISOString()).toBe('2026-10-10T01:00:00.000Z');
  });

  it('returns null for a schedule without any hours', () => {
    expect(nextOpening(makeSchedule({ timezone: 'Asia/Shanghai', weekly: {} }), at('2026-11-23T10:00:00'))).toBeNull();
  });

  it('returns null when a holiday covers the whole search window', () => {
    const office = shanghaiOffice({ holidays: [{ date: '2026-11-21', until: '2028-01-01' }] });
    expect(nextOpening(office, at('2026-11-21T10:00:00'))).toBeNull();
  });

  it('opens at the jump when the opening time falls in the skipped spring hour (London 01:30 → 02:00 BST)', () => {
    const def = makeSchedule({ timezone: 'Europe/London', weekly: { sun: [{ from: '01:30', to: '03:00' }] } });
    expect(nextOpening(def, new Date('2026-03-29T00:00:00Z'))?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('finds the second pass of the repeated autumn hour (London 01:00 GMT)', () => {
    const def = makeSchedule({ timezone: 'Europe/London', weekly: { sun: [{ from: '01:00', to: '01:30' }] } });
    // 00:45 UTC is 01:45 BST: the first pass is over, the clocks go back at 01:00 UTC.
    expect(nextOpening(def, new Date('2026-10-25T00:45:00Z'))?.toISOString()).toBe('2026-10-25T01:00:00.000Z');
  });

  it('opens when the clocks go back into an interval that had already closed (London 00:30–01:30)', () => {
    const def = makeSchedule({ timezone: 'Europe/London', weekly: { sun: [{ from: '00:30', to: '01:30' }] } });
    // 00:40 UTC is 01:40 BST (closed); at 01:00 UTC the wall clock reads 01:00 GMT, inside the interval again.
    expect(nextOpening(def, new Date('2026-10-25T00:40:00Z'))?.toISOString()).toBe('2026-10-25T01:00:00.000Z');
  });

  it('crosses a New York DST weekend: Friday 18:00 EST → Monday 09:00 EDT', () => {
    const def = makeSchedule({
      timezone: 'America/New_York',
      weekly: { mon: [{ from: '09:00', to: '17:00' }], fri: [{ from: '09:00', to: '17:00' }] },
    });
    expect(nextOpening(def, new Date('2026-03-06T23:00:00Z'))?.toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });
});
