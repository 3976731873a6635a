// A wall-clock time in an IANA time zone as an ISO 8601 instant with that zone's offset (what a test case's `at` holds).

function offsetMinutes(utcMillis: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMillis));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(utcMillis / 1000) * 1000) / 60000);
}

/** Whether the runtime knows this IANA zone name. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * `2026-11-23T10:00` in `Asia/Shanghai` → `2026-11-23T10:00:00+08:00`. Throws RangeError for an unknown zone or a
 * time that is not `YYYY-MM-DDTHH:mm`.
 * @example zonedInstant('2026-07-01T09:30', 'Europe/Berlin') // '2026-07-01T09:30:00+02:00'
 */
export function zonedInstant(localTime: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(localTime);
  if (!match) throw new RangeError(`"${localTime}" is not a date and time such as 2026-11-23T10:00`);
  if (!isTimeZone(timeZone)) throw new RangeError(`"${timeZone}" is not a time zone such as Asia/Shanghai`);
  const [, y, mo, d, h, mi] = match.map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes find the offset in force at that wall time (the second corrects across a DST change).
  let offset = offsetMinutes(wall, timeZone);
  offset = offsetMinutes(wall - offset * 60000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localTime}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
