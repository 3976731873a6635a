'use client';
// Controller-wrapped template, expression and variable-name fields (the inspectors' most common inputs).

import { AutoComplete } from 'antd';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { ExpressionInput } from './expression/expression-input';
import { configPath, FieldRow } from './form-fields';
import { TemplateInput } from './template/template-input';
import type { ScopeName } from './template/template-variables';

interface Props<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  label: ReactNode;
  hint?: ReactNode;
  placeholder?: string;
  /** Emptied means "not set" (the field leaves the config). */
  optional?: boolean;
  disabled?: boolean;
}

const ariaOf = (label: ReactNode) => (typeof label === 'string' ? label : undefined);

/** Text with `{{variable}}` holes. */
export function TemplateField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  placeholder,
  optional,
  disabled,
  names,
  multiline,
}: Props<T> & { names: readonly ScopeName[]; multiline?: boolean }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FieldRow path={configPath(name)} label={label} hint={hint} error={fieldState.error}>
          <TemplateInput
            inputRef={field.ref as never}
            value={field.value ?? ''}
            onChange={(text) => field.onChange(optional && text === '' ? undefined : text)}
            onBlur={field.onBlur}
            names={names}
            multiline={multiline}
            placeholder={placeholder}
            ariaLabel={ariaOf(label)}
            status={fieldState.error ? 'error' : undefined}
            disabled={disabled}
          />
        </FieldRow>
      )}
    />
  );
}

/** A CEL expression, checked by the engine's parser as it is typed. */
export function ExpressionField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  placeholder,
  optional,
  disabled,
  names,
}: Props<T> & { names: readonly ScopeName[] }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FieldRow path={configPath(name)} label={label} hint={hint} error={fieldState.error}>
          <ExpressionInput
            inputRef={field.ref as never}
            value={field.value ?? ''}
            onChange={(text) => field.onChange(optional && text === '' ? undefined : text)}
            onBlur={field.onBlur}
            names={names}
            placeholder={placeholder}
            ariaLabel={ariaOf(label)}
            disabled={disabled}
          />
        </FieldRow>
      )}
    />
  );
}

/** The name of a flow variable a node stores into: the declared ones are offered, any identifier may be typed. */
export function VariableField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  placeholder,
  optional,
  disabled,
  names,
}: Props<T> & { names: readonly ScopeName[] }) {
  const t = useTranslations('inspector.variable');
  const declared = names.filter((n) => n.kind !== 'call' && n.kind !== 'local');
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const value: string = field.value ?? '';
        const undeclared = value !== '' && !declared.some((n) => n.name === value);
        return (
          <FieldRow
            path={configPath(name)}
            label={label}
            hint={undeclared ? t('undeclared', { name: value }) : hint}
            error={fieldState.error}
          >
            <AutoComplete
              value={value}
              disabled={disabled}
              options={declared.map((n) => ({ value: n.name, label: `${n.name} · ${n.kind}` }))}
              filterOption={(input, option) =>
                String(option?.value ?? '')
                  .toLowerCase()
                  .startsWith(input.toLowerCase())
              }
              placeholder={placeholder}
              onBlur={field.onBlur}
              onChange={(text: string) => field.onChange(optional && !text ? undefined : (text ?? ''))}
              aria-label={ariaOf(label)}
              status={undeclared ? 'warning' : undefined}
            />
          </FieldRow>
        );
      }}
    />
  );
}
