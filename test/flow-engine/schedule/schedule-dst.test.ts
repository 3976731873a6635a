// scheduleState across daylight-saving changes in Europe/London and America/New_York (2026 dates).

import { describe, expect, it } from 'vitest';
import { scheduleState } from '../../../flow-engine/schedule';
import { makeSchedule } from './make-schedule';

const sunday = (timezone: string, from: string, to: string) =>
  makeSchedule({ timezone, weekly: { sun: [{ from, to }] } });
const utc = (iso: string) => new Date(`${iso}Z`);

describe('Europe/London spring forward (Sun 2026-03-29, 01:00 GMT → 02:00 BST)', () => {
  it('opens 09:00–17:00 at 09:00 BST, which is 08:00 UTC', () => {
    const def = sunday('Europe/London', '09:00', '17:00');
    expect(scheduleState(def, utc('2026-03-29T07:59:00'))).toBe('closed');
    expect(scheduleState(def, utc('2026-03-29T08:00:00'))).toBe('open');
    expect(scheduleState(def, utc('2026-03-29T15:59:00'))).toBe('open');
    expect(scheduleState(def, utc('2026-03-29T16:00:00'))).toBe('closed');
  });

  it('shortens an interval over the skipped hour: 00:30–01:30 lasts only until the jump', () => {
    const def = sunday('Europe/London', '00:30', '01:30');
    expect(scheduleState(def, utc('2026-03-29T00:45:00'))).toBe('open'); // 00:45 GMT
    expect(scheduleState(def, utc('2026-03-29T01:00:00'))).toBe('closed'); // 02:00 BST
  });

  it('keeps 00:30–03:00 open straight through the jump until 03:00 BST', () => {
    const def = sunday('Europe/London', '00:30', '03:00');
    expect(scheduleState(def, utc('2026-03-29T01:30:00'))).toBe('open'); // 02:30 BST
    expect(scheduleState(def, utc('2026-03-29T02:00:00'))).toBe('closed'); // 03:00 BST
  });
});

describe('Europe/London fall back (Sun 2026-10-25, 02:00 BST → 01:00 GMT)', () => {
  it('opens 09:00–17:00 at 09:00 GMT, which is 09:00 UTC', () => {
    const def = sunday('Europe/London', '09:00', '17:00');
    expect(scheduleState(def, utc('2026-10-25T08:59:00'))).toBe('closed');
    expect(scheduleState(def, utc('2026-10-25T09:00:00'))).toBe('open');
  });

  it('is open in both passes of the repeated hour for 01:00–01:30', () => {
    const def = sunday('Europe/London', '01:00', '01:30');
    expect(scheduleState(def, utc('2026-10-25T00:15:00'))).toBe('open'); // 01:15 BST
    expect(scheduleState(def, utc('2026-10-25T00:45:00'))).toBe('closed'); // 01:45 BST
    expect(scheduleState(def, utc('2026-10-25T01:15:00'))).toBe('open'); // 01:15 GMT
    expect(scheduleState(def, utc('2026-10-25T01:45:00'))).toBe('closed'); // 01:45 GMT
  });
});

describe('America/New_York spring forward (Sun 2026-03-08, 02:00 EST → 03:00 EDT)', () => {
  it('opens 09:00–17:00 at 09:00 EDT, which is 13:00 UTC', () => {
    const def = sunday('America/New_York', '09:00', '17:00');
    expect(scheduleState(def, utc('2026-03-08T12:59:00'))).toBe('closed');
    expect(scheduleState(def, utc('2026-03-08T13:00:00'))).toBe('open');
    expect(scheduleState(def, utc('2026-03-08T21:00:00'))).toBe('closed');
  });

  it('shortens 01:30–02:30 to the half hour before the jump', () => {
    const def = sunday('America/New_York', '01:30', '02:30');
    expect(scheduleState(def, utc('2026-03-08T06:45:00'))).toBe('open'); // 01:45 EST
    expect(scheduleState(def, utc('2026-03-08T07:00:00'))).toBe('closed'); // 03:00 EDT
  });

  it('opens weekday hours at 09:00 EDT on the Monday after the change', () => {
    const def = makeSchedule({ timezone: 'America/New_York', weekly: { mon: [{ from: '09:00', to: '17:00' }] } });
    expect(scheduleState(def, utc('2026-03-09T13:00:00'))).toBe('open');
    expect(scheduleState(def, utc('2026-03-02T13:00:00'))).toBe('closed'); // 08:00 EST the week before
    expect(scheduleState(def, utc('2026-03-02T14:00:00'))).toBe('open');
  });
});

describe('America/New_York fall back (Sun 2026-11-01, 02:00 EDT → 01:00 EST)', () => {
  it('opens 09:00–17:00 at 09:00 EST, which is 14:00 UTC', () => {
    const def = sunday('America/New_York', '09:00', '17:00');
    expect(scheduleState(def, utc('2026-11-01T13:59:00'))).toBe('closed');
    expect(scheduleState(def, utc('2026-11-01T14:00:00'))).toBe('open');
  });

  it('is open in both passes of the repeated hour for 01:00–01:30', () => {
    const def = sunday('America/New_York', '01:00', '01:30');
    expect(scheduleState(def, utc('2026-11-01T05:10:00'))).toBe('open'); // 01:10 EDT
    expect(scheduleState(def, utc('2026-11-01T05:40:00'))).toBe('closed'); // 01:40 EDT
    expect(scheduleState(def, utc('2026-11-01T06:10:00'))).toBe('open'); // 01:10 EST
  });

  it('keeps an overnight Saturday 22:00–03:00 open through the repeated hour until 03:00 EST', () => {
    const def = makeSchedule({ timezone: 'America/New_York', weekly: { sat: [{ from: '22:00', to: '03:00' }] } });
    expect(scheduleState(def, utc('2026-11-01T06:30:00'))).toBe('open'); // 01:30 EST
    expect(scheduleState(def, utc('2026-11-01T07:59:00'))).toBe('open'); // 02:59 EST
    expect(scheduleState(def, utc('2026-11-01T08:00:00'))).toBe('closed'); // 03:00 EST
  });
});
