// Time-zone arithmetic for schedules: UTC instant ⇄ local wall-clock time through Intl.DateTimeFormat (the browser's
// and Node's own tz data; no date library, which keeps the engine bundle small).

import { InvalidTimeZoneError } from './schedule-errors';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
// Every UTC offset in use lies within −12h…+14h; 15 h on each side brackets all instants of one wall time.
const OFFSET_BOUND_MS = 15 * 3_600_000;
// Offset look-ups cost ~4 µs each (Intl formatToParts); bounded per-zone memos keep the hot path cheap.
const MEMO_LIMIT = 4096;

function remember<V>(memo: Map<number, V>, key: number, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}

/** Zone name → valid, bounded (cleared when full). */
const zoneValidity = new Map<string, boolean>();

/**
 * Whether `tz` names a time zone that Intl (browser or Node) can use, e.g. `Asia/Shanghai`.
 * Offset strings such as `+08:00` are refused: a schedule needs a zone that knows its DST rules, and
 * newer engines accept them in Intl while Node 20 does not, so refusing them keeps every place in agreement.
 * @example
 * isValidTimeZone('Europe/London'); // true
 * isValidTimeZone('Mars/Olympus'); // false
 */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || !/^[A-Za-z]/.test(tz) || tz.length > 64) return false;
  // Checking a name builds an Intl formatter (tens of µs); flows repeat the same few zones on many nodes.
  let valid = zoneValidity.get(tz);
  if (valid === undefined) {
    if (zoneValidity.size >= 256) zoneValidity.clear();
    zoneValidity.set(tz, (valid = zoneFormatter(tz) !== null));
  }
  return valid;
}

/** A formatter giving a zone's wall-clock fields (24-hour, with era), or null when Intl does not know the zone. */
function zoneFormatter(timeZone: string): Intl.DateTimeFormat | null {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null;
  }
}

/** UTC offset in minutes of `formatter`'s zone at `instantMs` (whole seconds): wall-clock fields read as UTC minus the instant. */
function formatterOffset(formatter: Intl.DateTimeFormat, instantMs: number): number {
  const fields: Record<string, string> = {};
  for (const part of formatter.formatToParts(instantMs)) fields[part.type] = part.value;
  let year = Number(fields.year);
  if (fields.era === 'BC' || fields.era === 'B') year = 1 - year;
  const hour = Number(fields.hour) % 24;
  const asUtc = new Date(0);
  // setUTCFullYear keeps years 0–99 literal (Date.UTC would read 26 as 1926).
  asUtc.setUTCFullYear(year, Number(fields.month) - 1, Number(fields.day));
  asUtc.setUTCHours(hour, Number(fields.minute), Number(fields.second), 0);
  const wholeSecond = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return (asUtc.getTime() - wholeSecond) / MINUTE_MS;
}

/**
 * One time zone's clock. "Local ms" is the wall-clock reading written as if it were UTC
 * (local 2026-03-29 09:00 → Date.UTC(2026, 2, 29, 9)), which makes day and minute arithmetic plain integers.
 */
export class ZoneClock {
  private readonly formatter: Intl.DateTimeFormat;
  private readonly dayOffsets = new Map<number, number | null>();
  private readonly minuteOffsets = new Map<number, number>();

  private static readonly byName = new Map<string, ZoneClock>();

  /** The shared clock of a zone, so its offset memo survives schedules that are re-parsed into new objects. */
  static of(timeZone: string): ZoneClock {
    let clock = ZoneClock.byName.get(timeZone);
    if (!clock) {
      if (!isValidTimeZone(timeZone)) throw new InvalidTimeZoneError(timeZone);
      clock = new ZoneClock(timeZone);
      ZoneClock.byName.set(timeZone, clock);
    }
    return clock;
  }

  private constructor(readonly timeZone: string) {
    this.formatter = zoneFormatter(timeZone) as Intl.DateTimeFormat;
  }

  /**
   * UTC offset in minutes at an instant. A UTC day whose two ends share an offset has it throughout
   * (offsets change at most once a day), so one entry serves the whole day; a day with a change is
   * looked up per minute, the finest step at which offsets change.
   */
  offsetAt(instantMs: number): number {
    const day = Math.floor(instantMs / DAY_MS);
    let dayOffset = this.dayOffsets.get(day);
    if (dayOffset === undefined) {
      const first = this.minuteOffset(day * DAY_MS);
      dayOffset = first === this.minuteOffset((day + 1) * DAY_MS) ? first : null;
      remember(this.dayOffsets, day, dayOffset);
    }
    return dayOffset ?? this.minuteOffset(instantMs);
  }

  private minuteOffset(instantMs: number): number {
    const minute = Math.floor(instantMs / MINUTE_MS);
    let offset = this.minuteOffsets.get(minute);
    if (offset === undefined) {
      offset = formatterOffset(this.formatter, minute * MINUTE_MS);
      remember(this.minuteOffsets, minute, offset);
    }
    return offset;
  }

  localMs(instantMs: number): number {
    return instantMs + this.offsetAt(instantMs) * MINUTE_MS;
  }

  /**
   * The instants at which the wall clock reads `localMs`, ascending: one normally, two in an autumn
   * repeated hour, none in a spring-forward gap.
   */
  instantsOf(localMs: number): number[] {
    const offsets = new Set([
      this.offsetAt(localMs - OFFSET_BOUND_MS),
      this.offsetAt(localMs),
      this.offsetAt(localMs + OFFSET_BOUND_MS),
    ]);
    const instants: number[] = [];
    for (const offset of offsets) {
      const instant = localMs - offset * MINUTE_MS;
      if (this.offsetAt(instant) === offset && !instants.includes(instant)) instants.push(instant);
    }
    return instants.sort((a, b) => a - b);
  }

  /** The first instants at which the wall clock reads `localMs` or later: `instantsOf`, or the end of the gap it falls in. */
  firstInstantsAtOrAfter(localMs: number): number[] {
    const instants = this.instantsOf(localMs);
    if (instants.length > 0) return instants;
    const gapEnd = this.transitionBetween(localMs - OFFSET_BOUND_MS, localMs + OFFSET_BOUND_MS);
    return gapEnd === null ? [] : [gapEnd];
  }

  /** The instant the offset changes between two instants (assumes at most one change, true of current tz data), or null. */
  transitionBetween(fromMs: number, toMs: number): number | null {
    let low = Math.floor(fromMs / MINUTE_MS);
    let high = Math.ceil(toMs / MINUTE_MS);
    const before = this.offsetAt(low * MINUTE_MS);
    if (this.offsetAt(high * MINUTE_MS) === before) return null;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (this.offsetAt(mid * MINUTE_MS) === before) low = mid;
      else high = mid;
    }
    return high * MINUTE_MS;
  }
}
