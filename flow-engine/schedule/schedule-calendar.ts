// scheduleCalendar(): for one month, what each of a flow's schedule nodes answers at every hour of every day, read on
// one wall clock (the flow's time zone): the port (open / closed / holiday), where it leads, and why the day is special
// (a holiday, a 调休 make-up working day, special hours). The editor's calendar drawer shows it.

import type { FlowDocument } from '../document';
import { emptyResolver, type ResourceResolver } from '../resources';
import { compileSchedule, weekdayOf } from './compiled-schedule';
import { scheduleDefinition, type ScheduleDefinition, type ScheduleState, type Weekday } from './schedule-config';
import { stateAt } from './schedule-state';
import { DAY_MS, isValidTimeZone, MINUTE_MS, ZoneClock } from './time-zone';

/** How a schedule reads a date: its weekday's hours, a holiday, or a special day (make-up working day, other hours, closed). */
export type CalendarDayKind = 'weekly' | 'holiday' | 'makeUp' | 'specialHours' | 'specialClosed';

export interface CalendarScheduleNode {
  id: string;
  label?: string;
  /** The schedule's own time zone (its hours are read on that clock). */
  timeZone: string;
  /** The shared schedule's key, when the node references one. */
  ref?: string;
  /** Where each port leads (target node id), null when the port is not connected. */
  targets: Record<ScheduleState, string | null>;
  /** Why the node has no answers (a missing shared schedule, an unreadable definition); its hours are then empty. */
  problem?: string;
}

export interface CalendarHour {
  /** 0–23 on the calendar's wall clock. */
  hour: number;
  /** The instant the hour starts (ISO 8601, UTC); null when the clock skips it (spring forward). */
  at: string | null;
  /** The port each schedule node takes for a call at the start of the hour, by node id. */
  ports: Record<string, ScheduleState>;
}

export interface CalendarDay {
  /** YYYY-MM-DD on the calendar's wall clock. */
  date: string;
  weekday: Weekday;
  /** Per schedule node: how its schedule reads this date, with the holiday's or special day's name. */
  kinds: Record<string, { kind: CalendarDayKind; name?: string }>;
  /** Per schedule node: the ports taken over the day's hours, in order of first appearance. */
  outcomes: Record<string, ScheduleState[]>;
  hours: CalendarHour[];
}

export interface ScheduleCalendar {
  month: string;
  timeZone: string;
  nodes: CalendarScheduleNode[];
  days: CalendarDay[];
}

export interface ScheduleCalendarOptions {
  /** `YYYY-MM`. */
  month: string;
  /** The wall clock days and hours are read on; default the first schedule node's zone, else UTC. */
  timeZone?: string;
  resources?: ResourceResolver;
}

/** A month or time zone the calendar cannot use. */
export class ScheduleCalendarError extends Error {
  override name = 'ScheduleCalendarError';
}

const ports: readonly ScheduleState[] = ['open', 'closed', 'holiday'];

interface ResolvedNode {
  node: CalendarScheduleNode;
  definition?: ScheduleDefinition;
}

function resolveNodes(flow: FlowDocument, resources: ResourceResolver): ResolvedNode[] {
  return flow.nodes
    .filter((n) => n.type === 'schedule')
    .map((n) => {
      const targets = Object.fromEntries(
        ports.map((port) => [port, flow.edges.find((e) => e.source === n.id && e.port === port)?.target ?? null]),
      ) as Record<ScheduleState, string | null>;
      const raw = (n.config as { schedule?: unknown }).schedule;
      const ref =
        typeof raw === 'object' && raw !== null && 'ref' in raw && typeof raw.ref === 'string' ? raw.ref : undefined;
      const base = { id: n.id, ...(n.label ? { label: n.label } : {}), ...(ref ? { ref } : {}), targets };
      const source = ref ? resources.schedule(ref) : raw;
      if (ref && !source)
        return { node: { ...base, timeZone: '', problem: `The shared schedule "${ref}" does not exist.` } };
      const parsed = scheduleDefinition.safeParse(source);
      if (!parsed.success || !isValidTimeZone(parsed.data.timezone)) {
        return {
          node: {
            ...base,
            timeZone: parsed.success ? parsed.data.timezone : '',
            problem: 'The schedule cannot be read; fix it in the inspector.',
          },
        };
      }
      return { node: { ...base, timeZone: parsed.data.timezone }, definition: parsed.data };
    });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Day number (days since 1970-01-01) → YYYY-MM-DD. */
function dateText(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** How `definition` reads the date `date` (YYYY-MM-DD): its special day, a holiday, or the weekly hours. */
function dayKind(definition: ScheduleDefinition, date: string, day: number): { kind: CalendarDayKind; name?: string } {
  const special = [...definition.specialDays].reverse().find((s) => s.date === date);
  const named = (name: string | undefined) => (name ? { name } : {});
  if (special) {
    if (special.hours.length === 0) return { kind: 'specialClosed', ...named(special.name) };
    // A day with hours that its weekday would not have: the 调休 make-up working day.
    const weekly = definition.weekly[weekdayOf(day)] ?? [];
    return { kind: weekly.length === 0 ? 'makeUp' : 'specialHours', ...named(special.name) };
  }
  const holiday = definition.holidays.find((h) => date >= h.date && date <= (h.until ?? h.date));
  if (holiday) return { kind: 'holiday', ...named(holiday.name) };
  return { kind: 'weekly' };
}

/**
 * The month's calendar of `flow`'s schedule nodes (this flow's own; subflows have theirs): for each day and hour on
 * `timeZone`'s clock, the port each schedule node takes for a call starting then. DST: an hour the clock skips has
 * `at: null` and the ports of the instant the clock jumps to; a repeated hour is read at its first occurrence.
 * @example
 * const calendar = scheduleCalendar(flow, { month: '2026-10', resources });
 * calendar.days[0].kinds.officeHours; // { kind: 'holiday', name: '国庆节' }
 * calendar.days[0].hours[10].ports.officeHours; // 'holiday'
 */
export function scheduleCalendar(flow: FlowDocument, options: ScheduleCalendarOptions): ScheduleCalendar {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(options.month);
  if (!match) throw new ScheduleCalendarError(`"${options.month}" is not a month; write YYYY-MM, e.g. 2026-10.`);
  const resolved = resolveNodes(flow, options.resources ?? emptyResolver);
  const timeZone = options.timeZone ?? resolved.find((r) => r.definition)?.node.timeZone ?? 'UTC';
  if (!isValidTimeZone(timeZone))
    throw new ScheduleCalendarError(`"${timeZone}" is not a known time zone; use an IANA name such as Asia/Shanghai.`);
  const clock = ZoneClock.of(timeZone);
  const compiled = resolved.map((r) =>
    r.definition ? { id: r.node.id, definition: r.definition, schedule: compileSchedule(r.definition) } : null,
  );

  const year = Number(match[1]);
  const month = Number(match[2]);
  const first = Date.UTC(year, month - 1, 1) / DAY_MS;
  const next = Date.UTC(year, month, 1) / DAY_MS;
  const days: CalendarDay[] = [];
  for (let day = first; day < next; day++) {
    const date = dateText(day);
    const kinds: CalendarDay['kinds'] = {};
    const outcomes: CalendarDay['outcomes'] = {};
    for (const c of compiled) {
      if (!c) continue;
      kinds[c.id] = dayKind(c.definition, date, day);
      outcomes[c.id] = [];
    }
    const hours: CalendarHour[] = [];
    for (let hour = 0; hour < 24; hour++) {
      const localMs = day * DAY_MS + hour * 60 * MINUTE_MS;
      const instants = clock.instantsOf(localMs);
      const instant = instants[0] ?? clock.firstInstantsAtOrAfter(localMs)[0];
      const portsAt: Record<string, ScheduleState> = {};
      for (const c of compiled) {
        if (!c || instant === undefined) continue;
        const state = stateAt(c.schedule, instant);
        portsAt[c.id] = state;
        const seen = outcomes[c.id];
        if (seen && !seen.includes(state)) seen.push(state);
      }
      hours.push({ hour, at: instants[0] !== undefined ? new Date(instants[0]).toISOString() : null, ports: portsAt });
    }
    days.push({ date, weekday: weekdayOf(day), kinds, outcomes, hours });
  }
  return { month: options.month, timeZone, nodes: resolved.map((r) => r.node), days };
}
