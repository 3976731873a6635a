// timeZoneOptions() / matchesTimeZone(): the time-zone field finds zones by IANA name, city in English or Chinese,
// the zone's name in the UI language and its offset — "上海" used to find nothing.

import { describe, expect, it } from 'vitest';
import { matchesTimeZone, timeZoneOptions } from '../../../../app/_components/form-kit/time-zone-options';

const found = (locale: string, input: string) =>
  timeZoneOptions(locale)
    .filter((option) => matchesTimeZone(option, input))
    .map((option) => option.value);

describe('time-zone options', () => {
  it('offers UTC and every zone the runtime knows, labelled with its name and offset', () => {
    const options = timeZoneOptions('en-US');
    expect(options[0]?.value).toBe('UTC');
    expect(options.length).toBeGreaterThan(300);
    expect(options.find((option) => option.value === 'Asia/Shanghai')?.label).toBe(
      'Asia/Shanghai · China Standard Time (GMT+8)',
    );
    expect(timeZoneOptions('zh-CN').find((option) => option.value === 'Asia/Shanghai')?.label).toBe(
      'Asia/Shanghai · 中国标准时间 (GMT+8)',
    );
  });

  it('finds Shanghai by its Chinese city names, its English city, its zone name and its offset', () => {
    for (const [locale, input] of [
      ['zh-CN', '上海'],
      ['en-US', '上海'],
      ['zh-CN', '北京'],
      ['en-US', 'shanghai'],
      ['en-US', 'China'],
      ['zh-CN', '中国标准'],
      ['en-US', 'gmt+8 china'],
    ] as const) {
      expect(found(locale, input), `${locale} ${input}`).toContain('Asia/Shanghai');
    }
    expect(found('en-US', 'new york')).toEqual(['America/New_York']);
  });

  it('finds nothing for text that names no zone, and treats an empty search as matching everything', () => {
    expect(found('en-US', 'UTCShanghai')).toEqual([]);
    expect(found('zh-CN', '火星')).toEqual([]);
    expect(found('en-US', '').length).toBe(timeZoneOptions('en-US').length);
  });
});
