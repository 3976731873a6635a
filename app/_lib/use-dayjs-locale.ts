'use client';
// antd's pickers and calendars name months and weekdays (and start weeks) by dayjs's global locale. The components
// that draw them call this first, so dayjs and its Chinese locale load with those pages only, not with every page.

import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useLocale } from 'next-intl';

const dayjsLocales: Record<string, string> = { 'en-US': 'en', 'zh-CN': 'zh-cn' };

export function useDayjsLocale(): void {
  const locale = useLocale();
  dayjs.locale(dayjsLocales[locale] ?? 'en');
}
