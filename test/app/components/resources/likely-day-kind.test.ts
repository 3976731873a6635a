// The holiday calendar's day dialog starts on the likely choice: closing an open weekday, opening a closed one.

import { describe, expect, it } from 'vitest';
import { likelyDayKind } from '../../../../app/_components/resources/likely-day-kind';

const nineToSix = [{ from: '09:00', to: '18:00' }];
const weekdaysOpen = { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix };

describe('likely day kind', () => {
  it('a day the weekly hours open becomes a holiday; a day they keep closed a make-up working day', () => {
    expect(likelyDayKind(weekdaysOpen, '2026-10-01')).toBe('holiday'); // a Thursday
    expect(likelyDayKind(weekdaysOpen, '2026-10-10')).toBe('special'); // a Saturday
    expect(likelyDayKind(weekdaysOpen, '2026-10-11')).toBe('special'); // a Sunday
    expect(likelyDayKind({ ...weekdaysOpen, mon: [] }, '2026-10-12')).toBe('special'); // a Monday closed each week
    expect(likelyDayKind({ sun: nineToSix }, '2026-10-11')).toBe('holiday');
  });
});
