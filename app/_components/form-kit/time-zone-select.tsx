'use client';
// A time-zone field: a search over real zones (time-zone-options.ts) that starts afresh when typed into, instead of
// appending to the zone shown ("UTCShanghai"); says when nothing matches, and marks a stored zone that is not one.

import { Select } from 'antd';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { isTimeZone } from '../../_i18n/time-zone';
import { matchesTimeZone, timeZoneOptions, type TimeZoneOption } from './time-zone-options';

export interface TimeZoneSelectProps {
  value: string;
  onChange(timeZone: string): void;
  id?: string;
  ariaLabel?: string;
  disabled?: boolean;
}

export function TimeZoneSelect({ value, onChange, id, ariaLabel, disabled }: TimeZoneSelectProps) {
  const t = useTranslations('inspector.schedule');
  const locale = useLocale();
  // Labelling ~420 zones takes a moment: done when the field is first used, not when the inspector opens.
  const [used, setUsed] = useState(false);
  const options = useMemo(
    () => (used ? timeZoneOptions(locale) : value ? [{ value, label: value, search: value.toLowerCase() }] : []),
    [used, locale, value],
  );
  const known = value === '' || isTimeZone(value);
  const errorId = id ? `${id}-error` : undefined;
  return (
    <>
      <Select<string, TimeZoneOption>
        id={id}
        aria-label={ariaLabel}
        aria-describedby={known ? undefined : errorId}
        aria-invalid={!known}
        style={{ width: '100%' }}
        value={value || undefined}
        disabled={disabled}
        status={known ? undefined : 'error'}
        options={options}
        showSearch={{ filterOption: (input, option) => matchesTimeZone(option, input) }}
        placeholder={t('timezoneSearch')}
        notFoundContent={t('timezoneNone')}
        popupMatchSelectWidth={false}
        onFocus={() => setUsed(true)}
        onOpenChange={(open) => open && setUsed(true)}
        onChange={(zone) => onChange(zone)}
      />
      {!known && (
        <div id={errorId} role="alert" className="ant-form-item-explain-error">
          {t('timezoneUnknown', { zone: value })}
        </div>
      )}
    </>
  );
}
