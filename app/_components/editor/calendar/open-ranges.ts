// The hours a schedule node answers `open` on one calendar day, as ranges: [9, 18] for 09:00–18:00.

import type { CalendarDay } from '../../../../flow-engine/schedule';

/** Contiguous runs of open hours; `[from, to)` in whole hours of the calendar's clock. */
export function openRanges(day: CalendarDay, nodeId: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const { hour, ports } of day.hours) {
    if (ports[nodeId] !== 'open') continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === hour) last[1] = hour + 1;
    else ranges.push([hour, hour + 1]);
  }
  return ranges;
}

const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** `09:00–18:00, 20:00–22:00`. */
export function formatRanges(ranges: [number, number][]): string {
  return ranges.map(([from, to]) => `${clock(from)}–${clock(to)}`).join(', ');
}
