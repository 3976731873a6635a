// scheduleCalendar: per day and hour, the port of each schedule node — holidays, 调休 make-up working days, DST.

import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../flow-engine/document';
import { resolverFromBundle } from '../../../flow-engine/resources';
import { scheduleCalendar, ScheduleCalendarError } from '../../../flow-engine/schedule';
import { makeSchedule, shanghaiOffice } from './make-schedule';

/** start → hours (schedule) → open: menu / closed: closedMsg / holiday: holidayMsg; plus `weekend` when given. */
function flowWith(schedule: unknown, extra: { id: string; schedule: unknown }[] = []): FlowDocument {
  return {
    schemaVersion: 1,
    id: 'calendar',
    name: 'Calendar',
    languages: ['zh-CN'],
    defaultLanguage: 'zh-CN',
    variables: [],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
      { id: 'hours', type: 'schedule', label: 'Office hours', position: { x: 0, y: 100 }, config: { schedule } },
      ...extra.map((e) => ({
        id: e.id,
        type: 'schedule',
        position: { x: 200, y: 100 },
        config: { schedule: e.schedule },
      })),
      { id: 'menu', type: 'hangup', position: { x: 0, y: 200 }, config: {} },
      { id: 'closedMsg', type: 'hangup', position: { x: 100, y: 200 }, config: {} },
      { id: 'holidayMsg', type: 'hangup', position: { x: 200, y: 200 }, config: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'hours' },
      { id: 'e2', source: 'hours', port: 'open', target: 'menu' },
      { id: 'e3', source: 'hours', port: 'closed', target: 'closedMsg' },
      { id: 'e4', source: 'hours', port: 'holiday', target: 'holidayMsg' },
    ],
  };
}

// 2026: National Day holiday Thu 1 – Wed 7 October; Saturday 10 October and Sunday 27 September are make-up working days.
const chinaOffice = shanghaiOffice({
  holidays: [{ date: '2026-10-01', until: '2026-10-07', name: '国庆节' }],
  specialDays: [
    { date: '2026-09-27', hours: [{ from: '09:00', to: '18:00' }], name: '国庆调休' },
    { date: '2026-10-10', hours: [{ from: '09:00', to: '18:00' }], name: '国庆调休' },
    { date: '2026-10-09', hours: [{ from: '09:00', to: '12:00' }], name: 'Half day' },
    { date: '2026-10-30', hours: [], name: 'Office move' },
  ],
});

const dayOf = (calendar: ReturnType<typeof scheduleCalendar>, date: string) =>
  calendar.days.find((d) => d.date === date)!;

describe('scheduleCalendar', () => {
  const resources = resolverFromBundle({ schedules: { 'cn-office': chinaOffice } });
  const october = scheduleCalendar(flowWith({ ref: 'cn-office' }), { month: '2026-10', resources });

  it('lists every day of the month with 24 hours, in the schedule’s zone by default, and where each port leads', () => {
    expect(october.timeZone).toBe('Asia/Shanghai');
    expect(october.days).toHaveLength(31);
    expect(october.days[0]).toMatchObject({ date: '2026-10-01', weekday: 'thu' });
    expect(october.days.filter((d) => d.hours.length !== 24)).toEqual([]);
    expect(october.nodes).toEqual([
      {
        id: 'hours',
        label: 'Office hours',
        ref: 'cn-office',
        timeZone: 'Asia/Shanghai',
        targets: { open: 'menu', closed: 'closedMsg', holiday: 'holidayMsg' },
      },
    ]);
  });

  it('a holiday takes the holiday port all day, named', () => {
    const national = dayOf(october, '2026-10-05');
    expect(national.kinds.hours).toEqual({ kind: 'holiday', name: '国庆节' });
    expect(national.outcomes.hours).toEqual(['holiday']);
    expect(national.hours[10]?.ports.hours).toBe('holiday');
  });

  it('a 调休 make-up Saturday is open 09:00–18:00 like a weekday', () => {
    const makeUp = dayOf(october, '2026-10-10');
    expect(makeUp).toMatchObject({ weekday: 'sat', kinds: { hours: { kind: 'makeUp', name: '国庆调休' } } });
    expect(makeUp.hours.map((h) => h.ports.hours)).toEqual([
      ...Array(9).fill('closed'),
      ...Array(9).fill('open'),
      ...Array(6).fill('closed'),
    ]);
    expect(makeUp.outcomes.hours).toEqual(['closed', 'open']);
    // The Saturday after is an ordinary weekend day.
    expect(dayOf(october, '2026-10-17')).toMatchObject({
      kinds: { hours: { kind: 'weekly' } },
      outcomes: { hours: ['closed'] },
    });
  });

  it('special hours on a working day and a special closed day are told apart from make-up days', () => {
    expect(dayOf(october, '2026-10-09').kinds.hours).toEqual({ kind: 'specialHours', name: 'Half day' });
    expect(
      dayOf(october, '2026-10-09')
        .hours.filter((h) => h.ports.hours === 'open')
        .map((h) => h.hour),
    ).toEqual([9, 10, 11]);
    expect(dayOf(october, '2026-10-30')).toMatchObject({
      kinds: { hours: { kind: 'specialClosed', name: 'Office move' } },
      outcomes: { hours: ['closed'] },
    });
  });

  it('an ordinary weekday is open from 09:00 to 18:00 and gives each hour’s start instant', () => {
    const monday = dayOf(october, '2026-10-12');
    expect(monday.kinds.hours).toEqual({ kind: 'weekly' });
    expect(monday.hours[9]).toEqual({ hour: 9, at: '2026-10-12T01:00:00.000Z', ports: { hours: 'open' } });
    expect(monday.hours[18]?.ports.hours).toBe('closed');
  });

  it('read on another wall clock, the hours shift by the zones’ difference', () => {
    const london = scheduleCalendar(flowWith({ ref: 'cn-office' }), {
      month: '2026-10',
      timeZone: 'Europe/London',
      resources,
    });
    // 09:00 in Shanghai on Monday 12 October is 02:00 in London (BST, UTC+1).
    const monday = dayOf(london, '2026-10-12');
    expect(monday.hours.filter((h) => h.ports.hours === 'open').map((h) => h.hour)).toEqual([
      2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  it('across DST, a skipped hour has no instant and a repeated hour is read once, with wall-clock opening hours', () => {
    const london = makeSchedule({ timezone: 'Europe/London', weekly: { sun: [{ from: '01:00', to: '03:00' }] } });
    const march = scheduleCalendar(flowWith(london), { month: '2026-03' });
    const spring = dayOf(march, '2026-03-29');
    // 01:00 GMT jumps to 02:00 BST: hour 1 does not exist; 02:00 BST is 01:00 UTC.
    expect(spring.hours[1]).toEqual({ hour: 1, at: null, ports: { hours: 'open' } });
    expect(spring.hours[2]).toEqual({ hour: 2, at: '2026-03-29T01:00:00.000Z', ports: { hours: 'open' } });
    expect(spring.hours[3]?.ports.hours).toBe('closed');
    const autumn = dayOf(scheduleCalendar(flowWith(london), { month: '2026-10' }), '2026-10-25');
    // 01:00 happens twice (BST, then GMT): the first is 00:00 UTC.
    expect(autumn.hours[1]).toEqual({ hour: 1, at: '2026-10-25T00:00:00.000Z', ports: { hours: 'open' } });
    expect(autumn.hours[2]).toEqual({ hour: 2, at: '2026-10-25T02:00:00.000Z', ports: { hours: 'open' } });
  });

  it('several schedule nodes are answered side by side; a missing shared schedule is reported, not guessed', () => {
    const weekend = makeSchedule({
      timezone: 'Asia/Shanghai',
      weekly: { sat: [{ from: '10:00', to: '16:00' }], sun: [{ from: '10:00', to: '16:00' }] },
    });
    const flow = flowWith({ ref: 'cn-office' }, [
      { id: 'weekendDesk', schedule: weekend },
      { id: 'lost', schedule: { ref: 'nowhere' } },
    ]);
    const calendar = scheduleCalendar(flow, { month: '2026-10', resources });
    expect(calendar.nodes.find((n) => n.id === 'lost')).toMatchObject({
      problem: 'The shared schedule "nowhere" does not exist.',
      targets: { open: null },
    });
    const saturday = dayOf(calendar, '2026-10-17');
    expect(saturday.hours[11]?.ports).toEqual({ hours: 'closed', weekendDesk: 'open' });
    expect(Object.keys(saturday.kinds)).toEqual(['hours', 'weekendDesk']);
  });

  it('refuses a month or a time zone it cannot read', () => {
    expect(() => scheduleCalendar(flowWith({ ref: 'cn-office' }), { month: '2026-13', resources })).toThrow(
      new ScheduleCalendarError('"2026-13" is not a month; write YYYY-MM, e.g. 2026-10.'),
    );
    expect(() =>
      scheduleCalendar(flowWith({ ref: 'cn-office' }), { month: '2026-10', timeZone: 'Mars/Olympus', resources }),
    ).toThrow('"Mars/Olympus" is not a known time zone; use an IANA name such as Asia/Shanghai.');
  });
});
