// The schedule node's checks for rules invalid-time-zone and invalid-schedule: inline schedules name a real time zone and sensible hours and dates;
// a shared schedule a node refers to (when a resolver is given, as at publishing) is one a call can evaluate.

import type { NodeCheck } from '../define-node';
import {
  checkSchedule,
  isCalendarDate,
  isValidTimeZone,
  scheduleDefinition,
  weekdays,
  type ScheduleDefinition,
} from '../schedule/index';
import type { FlowContext, NodeEntry } from '../validate/flow-context';

interface Interval {
  from: string;
  to: string;
}

const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whose hours: a weekday (`mon`…) or a special day (`special`, with its date). */
type HoursOf = { day: (typeof weekdays)[number] } | { day: 'special'; date: string };

function checkIntervals(
  ctx: FlowContext,
  entry: NodeEntry,
  path: string,
  of: HoursOf,
  intervals: readonly Interval[],
): void {
  const report = (
    i: number,
    code: 'invalid-schedule-empty' | 'invalid-schedule-overlap',
    params: Record<string, string>,
  ) =>
    ctx.report.error({
      rule: 'invalid-schedule',
      path: `${path}/${i}`,
      nodeId: entry.id,
      code,
      params: { node: entry.id, ...of, ...params },
    });
  // Same-day part of each interval; one that runs past midnight holds the rest of the day.
  const spans = intervals.map((iv, i) => {
    const from = minutes(iv.from);
    const to = minutes(iv.to);
    return { i, from, end: to > from ? to : 24 * 60, empty: from === to, iv };
  });
  for (const span of spans)
    if (span.empty) report(span.i, 'invalid-schedule-empty', { from: span.iv.from, to: span.iv.to });
  const sorted = spans.filter((s) => !s.empty).sort((a, b) => a.from - b.from);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    const cur = sorted[k]!;
    if (cur.from < prev.end) {
      report(cur.i, 'invalid-schedule-overlap', {
        from: cur.iv.from,
        to: cur.iv.to,
        otherFrom: prev.iv.from,
        otherTo: prev.iv.to,
      });
    }
  }
}

function checkDefinition(ctx: FlowContext, entry: NodeEntry, base: string, def: ScheduleDefinition): void {
  if (!isValidTimeZone(def.timezone)) {
    ctx.report.error({
      rule: 'invalid-time-zone',
      path: `${base}/timezone`,
      nodeId: entry.id,
      code: 'invalid-time-zone',
      params: { node: entry.id, timezone: def.timezone },
    });
  }
  for (const day of weekdays) {
    const hours = def.weekly[day];
    if (hours) checkIntervals(ctx, entry, `${base}/weekly/${day}`, { day }, hours);
  }
  const badDate = (path: string, part: 'holiday' | 'holidayEnd' | 'special', n: number, date: string) =>
    ctx.report.error({
      rule: 'invalid-schedule',
      path,
      nodeId: entry.id,
      code: 'invalid-schedule-date',
      params: { node: entry.id, part, n, date },
    });
  def.holidays.forEach((h, i) => {
    const path = `${base}/holidays/${i}`;
    if (!isCalendarDate(h.date)) badDate(`${path}/date`, 'holiday', i + 1, h.date);
    if (h.until !== undefined && !isCalendarDate(h.until)) badDate(`${path}/until`, 'holidayEnd', i + 1, h.until);
    else if (h.until !== undefined && h.until < h.date) {
      ctx.report.error({
        rule: 'invalid-schedule',
        path: `${path}/until`,
        nodeId: entry.id,
        code: 'invalid-schedule-holiday-order',
        params: { node: entry.id, n: i + 1, until: h.until, date: h.date },
      });
    }
  });
  const specialDates = new Map<string, number>();
  def.specialDays.forEach((s, i) => {
    const path = `${base}/specialDays/${i}`;
    if (!isCalendarDate(s.date)) badDate(`${path}/date`, 'special', i + 1, s.date);
    const first = specialDates.get(s.date);
    if (first !== undefined) {
      ctx.report.error({
        rule: 'invalid-schedule',
        path: `${path}/date`,
        nodeId: entry.id,
        code: 'invalid-schedule-special-twice',
        params: { node: entry.id, first: first + 1, second: i + 1, date: s.date },
      });
    } else specialDates.set(s.date, i);
    checkIntervals(ctx, entry, `${path}/hours`, { day: 'special', date: s.date }, s.hours);
  });
}

/**
 * A shared schedule is saved through the resources router or read from a resources file, but rows saved before
 * a check existed (or written around the router) reach publishing too: refuse one that every call would fail on.
 */
function checkSharedSchedule(ctx: FlowContext, entry: NodeEntry, key: string): void {
  const resolver = ctx.options.resources;
  const found = resolver?.schedule(key);
  if (found === undefined) return; // unknown-resource reports a missing key
  const parsed = scheduleDefinition.safeParse(found);
  const problem = parsed.success ? checkSchedule(parsed.data) : null;
  if (parsed.success && !problem) return;
  ctx.report.error({
    rule: 'invalid-schedule',
    path: `${entry.path}/config/schedule`,
    nodeId: entry.id,
    ...(problem
      ? {
          code: 'invalid-schedule-shared',
          params: { node: entry.id, schedule: key, detail: problem.message, at: problem.path },
        }
      : { code: 'invalid-schedule-shared-shape', params: { node: entry.id, schedule: key } }),
  });
}

export const scheduleCheck: NodeCheck<{ schedule: { ref: string } | ScheduleDefinition }> = {
  rule: 'invalid-schedule',
  check({ schedule }, entry, ctx) {
    if ('ref' in schedule) checkSharedSchedule(ctx, entry, schedule.ref);
    else checkDefinition(ctx, entry, `${entry.path}/config/schedule`, schedule);
  },
};
