// next-intl's request configuration: the locale from the cookie (or Accept-Language) and that locale's messages.

import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { localeCookieName, resolveLocale, type Locale } from './locales';

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
    // One zone for server and browser renders so dates hydrate identically; the server's own zone.
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    formats: {
      dateTime: {
        short: { dateStyle: 'medium', timeStyle: 'short' },
        day: { dateStyle: 'medium' },
      },
    },
  };
});
