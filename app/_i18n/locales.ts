// The studio's languages, the cookie that remembers the choice, and the pick from a browser's Accept-Language.

export const locales = ['en-US', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en-US';
/** The cookie next-intl's own middleware would use, so the name is familiar to anyone who knows the library. */
export const localeCookieName = 'NEXT_LOCALE';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The language a primary tag (`zh`, `en`) stands for here; Taiwan and Hong Kong Chinese still read Simplified best among ours. */
function localeForTag(tag: string): Locale | undefined {
  const lower = tag.toLowerCase();
  const exact = locales.find((locale) => locale.toLowerCase() === lower);
  if (exact) return exact;
  const primary = lower.split('-')[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en-US';
  return undefined;
}

/**
 * The best of our locales for an Accept-Language header, by quality then order; the default when none fits.
 * `negotiateLocale('zh-TW,zh;q=0.9,en;q=0.8')` → `'zh-CN'`.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    const locale = localeForTag(entry.tag);
    if (locale) return locale;
  }
  return defaultLocale;
}

/** The locale of a request: the cookie when it names one of ours, else the browser's preference. */
export function resolveLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
  return isLocale(cookieValue) ? cookieValue : negotiateLocale(acceptLanguage);
}
