'use client';
// A `{ name: value }` map edited as rows (HTTP headers, query parameters, JSON body fields); values are templates or CEL.

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { errorText } from './accessible-colors';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { ExpressionInput } from './expression/expression-input';
import { configPath, FieldRow } from './form-fields';
import { TemplateInput } from './template/template-input';
import type { ScopeName } from './template/template-variables';

type Row = { name: string; value: string };

const toRows = (map: Record<string, string> | undefined): Row[] =>
  Object.entries(map ?? {}).map(([name, value]) => ({ name, value }));

/** The map the rows stand for: rows without a name, and later repeats of a name, are left out until fixed. */
export function rowsToMap(rows: readonly Row[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const row of rows) if (row.name !== '' && !Object.hasOwn(map, row.name)) map[row.name] = row.value;
  return map;
}

interface RowsEditorProps {
  value: Record<string, string> | undefined;
  onChange(value: Record<string, string> | undefined): void;
  valueKind: 'template' | 'expression';
  names: readonly ScopeName[];
  path: string;
  namePlaceholder?: string;
  valuePlaceholder?: string;
  /** Emit `undefined` instead of `{}` when the last row goes (an optional map). */
  emptyAsUndefined?: boolean;
  disabled?: boolean;
}

function RowsEditor({
  value,
  onChange,
  valueKind,
  names,
  path,
  namePlaceholder,
  valuePlaceholder,
  emptyAsUndefined,
  disabled,
}: RowsEditorProps) {
  const t = useTranslations('inspector.keyValue');
  const [rows, setRows] = useState<Row[]>(() => toRows(value));
  const emitted = useRef(JSON.stringify(value ?? {}));
  // A map changed elsewhere (undo, JSON view) replaces the rows being edited.
  useEffect(() => {
    const text = JSON.stringify(value ?? {});
    if (text !== emitted.current) {
      emitted.current = text;
      setRows(toRows(value));
    }
  }, [value]);
  const update = (next: Row[]) => {
    setRows(next);
    const map = rowsToMap(next);
    emitted.current = JSON.stringify(map);
    onChange(emptyAsUndefined && next.length === 0 ? undefined : map);
  };
  const repeated = (index: number) => rows.findIndex((r) => r.name === rows[index]?.name) !== index;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4}>
      {rows.map((row, index) => (
        <div key={index} data-path={`${path}/${row.name}`} style={{ display: 'flex', gap: 4 }}>
          <Input
            style={{ width: '38%' }}
            value={row.name}
            placeholder={namePlaceholder}
            status={row.name === '' || repeated(index) ? 'error' : undefined}
            aria-label={t('name', { n: index + 1 })}
            disabled={disabled}
            onChange={(e) => update(rows.map((r, i) => (i === index ? { ...r, name: e.target.value } : r)))}
          />
          <div style={{ flex: 1, minWidth: 0 }}>
            {valueKind === 'template' ? (
              <TemplateInput
                value={row.value}
                names={names}
                placeholder={valuePlaceholder}
                ariaLabel={t('value', { n: index + 1 })}
                disabled={disabled}
                onChange={(v) => update(rows.map((r, i) => (i === index ? { ...r, value: v } : r)))}
              />
            ) : (
              <ExpressionInput
                value={row.value}
                names={names}
                placeholder={valuePlaceholder}
                ariaLabel={t('value', { n: index + 1 })}
                disabled={disabled}
                onChange={(v) => update(rows.map((r, i) => (i === index ? { ...r, value: v } : r)))}
              />
            )}
          </div>
          <Button
            icon={<DeleteOutlined />}
            aria-label={t('remove', { n: index + 1 })}
            disabled={disabled}
            onClick={() => update(rows.filter((_, i) => i !== index))}
          />
        </div>
      ))}
      {rows.some((row, i) => row.name === '' || repeated(i)) && (
        <div style={{ color: errorText, fontSize: 12 }}>{t('nameNeeded')}</div>
      )}
      <Button
        size="small"
        icon={<PlusOutlined />}
        disabled={disabled}
        onClick={() => update([...rows, { name: '', value: '' }])}
      >
        {t('add')}
      </Button>
    </Space>
  );
}

export interface KeyValueFieldProps<T extends FieldValues> extends Omit<
  RowsEditorProps,
  'value' | 'onChange' | 'path'
> {
  control: Control<T>;
  name: Path<T>;
  label: ReactNode;
  hint?: ReactNode;
}

export function KeyValueField<T extends FieldValues>({ control, name, label, hint, ...editor }: KeyValueFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FieldRow path={configPath(name)} label={label} hint={hint} error={fieldState.error}>
          <RowsEditor {...editor} value={field.value} onChange={field.onChange} path={configPath(name)} />
        </FieldRow>
      )}
    />
  );
}
