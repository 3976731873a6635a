// The time zone pages are rendered in: the browser's, reported in a cookie; anything that is not a real zone is ignored.

import { describe, expect, it } from 'vitest';
import { isTimeZone, resolveTimeZone } from '../../../app/_i18n/time-zone';

describe('time zone of a request', () => {
  it('takes the browser’s zone from the cookie', () => {
    expect(resolveTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(resolveTimeZone('America/New_York')).toBe('America/New_York');
  });

  it('falls back to the server’s own zone without a cookie or with one that is not a zone', () => {
    const server = Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (const value of [undefined, '', 'UTCShanghai', 'Asia/Shanghai<script>', 'x'.repeat(65)])
      expect(resolveTimeZone(value)).toBe(server);
  });

  it('knows real zones only', () => {
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone(8)).toBe(false);
  });
});
