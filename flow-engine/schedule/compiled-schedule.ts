// Turns a ScheduleDefinition into integer day/minute tables once, cached per definition object.

import { calendarDay } from './calendar-date';
import { weekdays, type ScheduleDefinition, type Weekday } from './schedule-config';
import { ScheduleDefinitionError } from './schedule-errors';
import { ZoneClock } from './time-zone';

/** Minutes after local midnight of the owning day; `to` > 1440 runs into the next day, `to` > `from` always. */
export interface OpenSpan {
  from: number;
  to: number;
}

/** What governs one local date: its special day, a holiday, or the weekly hours of its weekday. */
export interface DayRule {
  kind: 'special' | 'holiday' | 'weekly';
  spans: readonly OpenSpan[];
}

export interface CompiledSchedule {
  clock: ZoneClock;
  /** Day number = whole days since 1970-01-01 of the local date. */
  ruleFor(day: number): DayRule;
  /** False when no weekday or special day has any hours, so the schedule never opens. */
  opensAtAll: boolean;
}

interface DayRange {
  first: number;
  last: number;
}

const MINUTES_PER_DAY = 1440;
const cache = new WeakMap<ScheduleDefinition, CompiledSchedule>();
const holidayRule: DayRule = { kind: 'holiday', spans: [] };

/**
 * The compiled form of `def`, built on first use and reused while the same object is passed again.
 * Throws ScheduleDefinitionError (or InvalidTimeZoneError) when the definition cannot be evaluated.
 */
export function compileSchedule(def: ScheduleDefinition): CompiledSchedule {
  let compiled = cache.get(def);
  if (!compiled) {
    compiled = build(def);
    cache.set(def, compiled);
  }
  return compiled;
}

function build(def: ScheduleDefinition): CompiledSchedule {
  const clock = ZoneClock.of(def.timezone);
  // Index 0 = Monday, matching `weekdays`.
  const weekly: DayRule[] = weekdays.map((d) => ({
    kind: 'weekly',
    spans: parseSpans(def.weekly?.[d] ?? [], `/weekly/${d}`),
  }));
  const specials = new Map<number, DayRule>();
  (def.specialDays ?? []).forEach((s, i) => {
    // A later entry for the same date replaces an earlier one, as a later line in a list would.
    specials.set(dayNumber(s.date, `/specialDays/${i}/date`), {
      kind: 'special',
      spans: parseSpans(s.hours, `/specialDays/${i}/hours`),
    });
  });
  const holidays = mergeRanges(
    (def.holidays ?? []).map((h, i) => {
      const first = dayNumber(h.date, `/holidays/${i}/date`);
      const last = h.until === undefined ? first : dayNumber(h.until, `/holidays/${i}/until`);
      if (last < first) {
        throw new ScheduleDefinitionError(
          `Holiday ${h.name ?? h.date} ends (${h.until}) before it starts (${h.date}).`,
          `/holidays/${i}/until`,
        );
      }
      return { first, last };
    }),
  );
  const opensAtAll = [...weekly, ...specials.values()].some((r) => r.spans.length > 0);
  return {
    clock,
    opensAtAll,
    ruleFor(day) {
      return specials.get(day) ?? (inRanges(holidays, day) ? holidayRule : weekly[weekdayIndex(day)]!); // seven rules, one per weekday index 0–6
    },
  };
}

function parseSpans(intervals: readonly { from: string; to: string }[], path: string): OpenSpan[] {
  const spans: OpenSpan[] = [];
  intervals.forEach((interval, i) => {
    const from = clockMinutes(interval.from, `${path}/${i}/from`);
    let to = clockMinutes(interval.to, `${path}/${i}/to`);
    if (to < from) to += MINUTES_PER_DAY; // overnight: runs into the next day
    if (to > from) spans.push({ from, to }); // from == to is an empty interval
  });
  return spans;
}

function clockMinutes(text: string, path: string): number {
  const match = /^(\d\d):(\d\d)$/.exec(text);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || minutes > MINUTES_PER_DAY) {
    throw new ScheduleDefinitionError(`"${text}" is not a time of day; write HH:MM between 00:00 and 24:00.`, path);
  }
  return minutes;
}

function dayNumber(text: string, path: string): number {
  const day = calendarDay(text);
  if (day === null) throw new ScheduleDefinitionError(`"${text}" is not a calendar date; write YYYY-MM-DD.`, path);
  return day;
}

/** Monday = 0 … Sunday = 6; day 0 (1970-01-01) was a Thursday. */
export function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The weekday of a day number (mon … sun). */
export function weekdayOf(day: number): Weekday {
  return weekdays[weekdayIndex(day)]!; // weekdayIndex is 0–6 and there are seven weekdays
}

function mergeRanges(ranges: DayRange[]): DayRange[] {
  const sorted = [...ranges].sort((a, b) => a.first - b.first);
  const merged: DayRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.first <= last.last + 1) last.last = Math.max(last.last, r.last);
    else merged.push({ ...r });
  }
  return merged;
}

function inRanges(ranges: readonly DayRange[], day: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = ranges[mid]!; // 0 <= low <= mid <= high < ranges.length
    if (day < range.first) high = mid - 1;
    else if (day > range.last) low = mid + 1;
    else return true;
  }
  return false;
}
