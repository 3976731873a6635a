// A wall-clock time in an IANA time zone as an ISO 8601 instant with that zone's offset (what a test case's `at` holds),
// through the engine's own zone clock so the simulator and schedules agree on every offset.

import { isValidTimeZone, MINUTE_MS, ZoneClock } from '../../../../flow-engine/schedule/time-zone';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `2026-11-23T10:00` in `Asia/Shanghai` → `2026-11-23T10:00:00+08:00`. A time the clock skips (spring forward) becomes
 * the instant the clock jumps to; a repeated autumn hour its first occurrence. Throws RangeError for an unknown zone
 * or a time that is not `YYYY-MM-DDTHH:mm`.
 * @example zonedInstant('2026-07-01T09:30', 'Europe/Berlin') // '2026-07-01T09:30:00+02:00'
 */
export function zonedInstant(localTime: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(localTime);
  if (!match) throw new RangeError(`"${localTime}" is not a date and time such as 2026-11-23T10:00`);
  if (!isValidTimeZone(timeZone)) throw new RangeError(`"${timeZone}" is not a time zone such as Asia/Shanghai`);
  const [y, mo, d, h, mi] = [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4]), Number(match[5])];
  const clock = ZoneClock.of(timeZone);
  const [instant] = clock.firstInstantsAtOrAfter(Date.UTC(y, mo - 1, d, h, mi));
  if (instant === undefined) throw new RangeError(`"${localTime}" has no instant in ${timeZone}`);
  const offset = clock.offsetAt(instant);
  const local = new Date(instant + offset * MINUTE_MS);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const wall = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00`;
  return `${wall}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
