// next-intl's request configuration: the locale from the cookie (or Accept-Language) and that locale's messages.

import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { localeCookieName, resolveLocale, type Locale } from './locales';
import { resolveTimeZone, timeZoneCookieName } from './time-zone';

const loaders: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  'en-US': () => import('../../messages/en-US.json'),
  'zh-CN': () => import('../../messages/zh-CN.json'),
};

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale(cookieStore.get(localeCookieName)?.value, headerList.get('accept-language'));
  return {
    locale,
    messages: (await loaders[locale]()).default,
    // One zone for server and browser renders so dates hydrate identically: the browser's (time-zone.ts).
    timeZone: resolveTimeZone(cookieStore.get(timeZoneCookieName)?.value),
    formats: {
      dateTime: {
        // A date and time labelled with its zone ("Dec 8, 2026, 12:18 AM GMT+8"). Spelled out, not dateStyle/timeStyle:
        // messages use it as `{date, date, short}`, where intl-messageformat merges it with its own `short`
        // (month, day, year), and Intl refuses dateStyle next to those ("Invalid option").
        short: {
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          timeZoneName: 'short',
        },
        // A time of day labelled with its zone ("12:18 AM GMT+8").
        timeOfDay: { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' },
        day: { dateStyle: 'medium' },
      },
    },
  };
});
