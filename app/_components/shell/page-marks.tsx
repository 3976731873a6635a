'use client';
// On every page, the sign-in page included: marks the document once React has hydrated it (browser tests type only
// into live inputs) and tells the server the browser's time zone (from the next page on, times are rendered in it).

import { useEffect } from 'react';
import { timeZoneCookieName } from '../../_i18n/time-zone';

export function PageMarks() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const cookie = `${timeZoneCookieName}=${encodeURIComponent(zone)}`;
    if (zone && !document.cookie.split('; ').includes(cookie))
      document.cookie = `${cookie}; path=/; max-age=31536000; samesite=lax`;
  }, []);
  return null;
}
