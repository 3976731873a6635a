'use client';
// A `{ "ref": key }` field: pick a shared resource of the environment by key, or type a key it does not have yet.

import { AutoComplete } from 'antd';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { configPath, FieldRow } from '../form-fields';
import { useResourceKeys, type ResourceKind } from './use-resource-keys';

export interface ResourceRefFieldProps<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  label: ReactNode;
  kind: ResourceKind;
  hint?: ReactNode;
}

export function ResourceRefField<T extends FieldValues>({ control, name, label, kind, hint }: ResourceRefFieldProps<T>) {
  const t = useTranslations('inspector.resource');
  const { options, error } = useResourceKeys(kind);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const key = (field.value as { ref?: string } | undefined)?.ref ?? '';
        const known = key === '' || options.some((o) => o.key === key);
        return (
          <FieldRow
            path={configPath(name)}
            label={label}
            error={fieldState.error}
            hint={error ? t('couldNotLoad') : !known && options.length > 0 ? t('unknownKey', { key }) : hint}
          >
            <AutoComplete
              value={key}
              options={options.map((o) => ({ value: o.key, label: o.name && o.name !== o.key ? `${o.key} · ${o.name}` : o.key }))}
              filterOption={(input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase())}
              placeholder={t('placeholder')}
              allowClear
              onBlur={field.onBlur}
              onChange={(next: string | undefined) => field.onChange(next ? { ref: next } : undefined)}
              aria-label={typeof label === 'string' ? label : undefined}
            />
          </FieldRow>
        );
      }}
    />
  );
}
