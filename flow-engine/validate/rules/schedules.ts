// Rules invalid-time-zone and invalid-schedule: inline schedules name a real time zone and sensible hours and dates;
// a shared schedule a node refers to (when a resolver is given, as at publishing) is one a call can evaluate.

import { checkSchedule, isCalendarDate, isValidTimeZone, scheduleDefinition, weekdays, type ScheduleDefinition } from '../../schedule/index';
import type { FlowContext, NodeEntry, SemanticRule } from '../flow-context';

interface Interval {
  from: string;
  to: string;
}

const dayNames: Record<(typeof weekdays)[number], string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

function checkIntervals(ctx: FlowContext, entry: NodeEntry, path: string, label: string, intervals: readonly Interval[]): void {
  const report = (i: number, message: string) =>
    ctx.report.error({ rule: 'invalid-schedule', path: `${path}/${i}`, nodeId: entry.id, message: `Node "${entry.id}": ${label} ${message}` });
  // Same-day part of each interval; one that runs past midnight holds the rest of the day.
  const spans = intervals.map((iv, i) => {
    const from = minutes(iv.from);
    const to = minutes(iv.to);
    return { i, from, end: to > from ? to : 24 * 60, empty: from === to, iv };
  });
  for (const span of spans) if (span.empty) report(span.i, `${span.iv.from}–${span.iv.to} is empty; the opening and closing times are the same.`);
  const sorted = spans.filter((s) => !s.empty).sort((a, b) => a.from - b.from);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    const cur = sorted[k]!;
    if (cur.from < prev.end) {
      report(cur.i, `${cur.iv.from}–${cur.iv.to} overlaps ${prev.iv.from}–${prev.iv.to}; merge them into one interval.`);
    }
  }
}

function checkDefinition(ctx: FlowContext, entry: NodeEntry, base: string, def: ScheduleDefinition): void {
  if (!isValidTimeZone(def.timezone)) {
    ctx.report.error({
      rule: 'invalid-time-zone',
      path: `${base}/timezone`,
      nodeId: entry.id,
      message: `Node "${entry.id}": "${def.timezone}" is not a known time zone; use a name such as Asia/Shanghai or Europe/London.`,
    });
  }
  for (const day of weekdays) {
    const hours = def.weekly[day];
    if (hours) checkIntervals(ctx, entry, `${base}/weekly/${day}`, `${dayNames[day]} hours`, hours);
  }
  const badDate = (path: string, what: string, date: string) =>
    ctx.report.error({
      rule: 'invalid-schedule',
      path,
      nodeId: entry.id,
      message: `Node "${entry.id}": ${what} ${date} is not a real date.`,
    });
  def.holidays.forEach((h, i) => {
    const path = `${base}/holidays/${i}`;
    if (!isCalendarDate(h.date)) badDate(`${path}/date`, `holiday ${i + 1} date`, h.date);
    if (h.until !== undefined && !isCalendarDate(h.until)) badDate(`${path}/until`, `holiday ${i + 1} end date`, h.until);
    else if (h.until !== undefined && h.until < h.date) {
      ctx.report.error({
        rule: 'invalid-schedule',
        path: `${path}/until`,
        nodeId: entry.id,
        message: `Node "${entry.id}": holiday ${i + 1} ends (${h.until}) before it starts (${h.date}).`,
      });
    }
  });
  const specialDates = new Map<string, number>();
  def.specialDays.forEach((s, i) => {
    const path = `${base}/specialDays/${i}`;
    if (!isCalendarDate(s.date)) badDate(`${path}/date`, `special day ${i + 1} date`, s.date);
    const first = specialDates.get(s.date);
    if (first !== undefined) {
      ctx.report.error({
        rule: 'invalid-schedule',
        path: `${path}/date`,
        nodeId: entry.id,
        message: `Node "${entry.id}": special days ${first + 1} and ${i + 1} are both on ${s.date}; keep one.`,
      });
    } else specialDates.set(s.date, i);
    checkIntervals(ctx, entry, `${path}/hours`, `special day ${s.date} hours`, s.hours);
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
  const reason = problem ? `${problem.message} (at ${problem.path})` : 'it does not have the shape of a schedule.';
  ctx.report.error({
    rule: 'invalid-schedule',
    path: `${entry.path}/config/schedule`,
    nodeId: entry.id,
    message: `Node "${entry.id}" uses the schedule "${key}", which calls cannot read: ${reason}`,
  });
}

export const checkSchedules: SemanticRule = (ctx) => {
  for (const entry of ctx.nodes) {
    if (entry.node.type !== 'schedule' || !entry.parsed) continue;
    const { schedule } = entry.parsed.config as { schedule: { ref: string } | ScheduleDefinition };
    if ('ref' in schedule) checkSharedSchedule(ctx, entry, schedule.ref);
    else checkDefinition(ctx, entry, `${entry.path}/config/schedule`, schedule);
  }
};
