'use client';
// The language menu, in the top bar and on its own on pages without it (the sign-in page).

import { GlobalOutlined } from '@ant-design/icons';
import { useTranslations } from 'next-intl';
import { locales, type Locale } from '../../_i18n/locales';
import { DisclosureMenu } from './disclosure-menu';
import { useSwitchLocale } from './use-switch-locale';
import './top-bar.css';

export function LanguageMenu({ locale }: { locale: Locale }) {
  const t = useTranslations('language');
  const switchLocale = useSwitchLocale();
  return (
    <DisclosureMenu
      kind="menu"
      align="end"
      icon={<GlobalOutlined aria-hidden />}
      label={t(locale)}
      // The accessible name starts with the visible text (WCAG 2.5.3 label in name); the globe is decoration.
      ariaLabel={t('button', { current: t(locale) })}
      items={locales.map((option) => ({ key: option, label: t(option), selected: option === locale, onSelect: () => switchLocale(option) }))}
    />
  );
}
