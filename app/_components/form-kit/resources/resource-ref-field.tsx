'use client';
// A `{ "ref": key }` field: pick a shared resource of the environment by key, type a key it does not have yet, or
// (for roles that may) create the resource in a drawer without leaving the editor; the new one is then selected.

import { PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button } from 'antd';
import { useClearButton } from '../../shell/use-clear-button';
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { configPath, FieldRow } from '../form-fields';
import { useCanCreate } from './creatable-resources';
import { NewResourceDrawer, useNewResourceTitle } from './new-resource-drawer';
import { useResourceKeys, type ResourceKind } from './use-resource-keys';

export interface ResourceRefFieldProps<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  label: ReactNode;
  kind: ResourceKind;
  hint?: ReactNode;
  disabled?: boolean;
}

/** What an empty picker tells the user to do: create one here, ask the role that may, or (subflows) use the flows list. */
function useEmptyText(kind: ResourceKind, canCreate: boolean): string {
  const t = useTranslations('inspector.resource');
  const tNav = useTranslations('nav');
  const action = useNewResourceTitle(kind);
  if (kind === 'subflow') return t('emptySubflow');
  if (canCreate) return t('emptyCreate', { action });
  const page = { schedule: tNav('schedules'), skillGroup: tNav('skillGroups'), integration: tNav('integrations') }[
    kind
  ];
  return t('emptyAsk', { role: kind === 'integration' ? 'admin' : 'designer', page });
}

export function ResourceRefField<T extends FieldValues>({
  control,
  name,
  label,
  kind,
  hint,
  disabled,
}: ResourceRefFieldProps<T>) {
  const t = useTranslations('inspector.resource');
  const clearButton = useClearButton();
  const { options, error, loading, refresh } = useResourceKeys(kind);
  const canCreate = useCanCreate(kind) && !disabled;
  const newTitle = useNewResourceTitle(kind);
  const emptyText = useEmptyText(kind, canCreate);
  const [creating, setCreating] = useState(false);
  const empty = !loading && !error && options.length === 0;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const key = (field.value as { ref?: string } | undefined)?.ref ?? '';
        const known = key === '' || options.some((o) => o.key === key);
        const shownHint = error
          ? t('couldNotLoad')
          : empty
            ? emptyText
            : !known && options.length > 0
              ? t('unknownKey', { key })
              : hint;
        return (
          <FieldRow path={configPath(name)} label={label} error={fieldState.error} hint={shownHint}>
            <div style={{ display: 'flex', gap: 6 }}>
              <AutoComplete
                value={key}
                style={{ flex: 1, minWidth: 0 }}
                options={options.map((o) => ({
                  value: o.key,
                  label: o.name && o.name !== o.key ? `${o.key} · ${o.name}` : o.key,
                }))}
                filterOption={(input, option) =>
                  String(option?.value ?? '')
                    .toLowerCase()
                    .includes(input.toLowerCase())
                }
                notFoundContent={empty ? emptyText : undefined}
                placeholder={t('placeholder')}
                allowClear={clearButton}
                disabled={disabled}
                onOpenChange={(open) => open && refresh()}
                onBlur={field.onBlur}
                onChange={(next: string | undefined) => field.onChange(next ? { ref: next } : undefined)}
                aria-label={typeof label === 'string' ? label : undefined}
              />
              {canCreate && (
                <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {newTitle}
                </Button>
              )}
            </div>
            {canCreate && (
              <NewResourceDrawer
                kind={kind}
                open={creating}
                onClose={() => setCreating(false)}
                onCreated={(created) => {
                  setCreating(false);
                  field.onChange({ ref: created });
                }}
              />
            )}
          </FieldRow>
        );
      }}
    />
  );
}
