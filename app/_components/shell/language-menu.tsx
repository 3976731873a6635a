'use client';
// The language menu on its own, for pages without the top bar (the sign-in page).

import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslations } from 'next-intl';
import { locales, type Locale } from '../../_i18n/locales';
import { useSwitchLocale } from './use-switch-locale';

export function LanguageMenu({ locale }: { locale: Locale }) {
  const t = useTranslations('language');
  const switchLocale = useSwitchLocale();
  return (
    <Dropdown
      menu={{ items: locales.map((option) => ({ key: option, label: t(option) })), selectable: true, selectedKeys: [locale], onClick: ({ key }) => switchLocale(key) }}
      trigger={['click']}
    >
      {/* The accessible name starts with the visible text (WCAG 2.5.3 label in name); the globe is decoration. */}
      <Button type="text" icon={<GlobalOutlined aria-hidden />} aria-label={t('button', { current: t(locale) })}>
        {t(locale)}
      </Button>
    </Dropdown>
  );
}
