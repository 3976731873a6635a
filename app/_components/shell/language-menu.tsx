'use client';
// The language menu, in the top bar and on its own on pages without it (the sign-in page).

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
      icon={<GlobeIcon />}
      label={t(locale)}
      // The accessible name starts with the visible text (WCAG 2.5.3 label in name); the globe is decoration.
      ariaLabel={t('button', { current: t(locale) })}
      items={locales.map((option) => ({
        key: option,
        label: t(option),
        selected: option === locale,
        onSelect: () => switchLocale(option),
      }))}
    />
  );
}

/** A globe drawn inline: the sign-in page uses this menu and ships no icon library. */
function GlobeIcon() {
  return (
    <svg aria-hidden width="1em" height="1em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8">
      <circle cx="12" cy="12" r="9.5" />
      <path d="M2.5 12h19M12 2.5c2.6 2.8 3.9 6 3.9 9.5s-1.3 6.7-3.9 9.5c-2.6-2.8-3.9-6-3.9-9.5s1.3-6.7 3.9-9.5z" />
    </svg>
  );
}
