// What a day clicked on the holiday calendar most likely becomes: a day the weekly hours open is being closed (a
// holiday), a day they keep closed is being opened (a make-up working day, 调休). The day dialog starts on that choice.

import { weekdays, type Weekday } from '../../../flow-engine/schedule/weekdays';

/**
 * @example
 * likelyDayKind({ mon: [{ from: '09:00', to: '18:00' }] }, '2026-12-07'); // 'holiday' (a Monday)
 * likelyDayKind({ mon: [{ from: '09:00', to: '18:00' }] }, '2026-12-05'); // 'special' (a Saturday)
 */
export function likelyDayKind(
  weekly: Partial<Record<Weekday, readonly unknown[]>>,
  date: string,
): 'holiday' | 'special' {
  // getUTCDay: 0 is Sunday; weekdays starts on Monday.
  const weekday = weekdays[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
  return (weekly[weekday]?.length ?? 0) > 0 ? 'holiday' : 'special';
}
