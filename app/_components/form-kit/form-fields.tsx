'use client';
// Labelled inspector fields: antd inputs inside react-hook-form Controllers, each marked with its JSON path for focusing.

import { Form, Input, Select, Switch } from 'antd';
import { useClearButton } from '../shell/use-clear-button';
import { NumberInput } from '../shell/number-input';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { errorText, hintText } from './accessible-colors';

/** The config JSON pointer of a form field name: `options.0.key` → `/config/options/0/key`. */
export function configPath(name: string): string {
  return `/config/${name.split('.').join('/')}`;
}

/** The first message in a field's error, however deep (array items, nested objects). */
export function errorMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { message } = error as { message?: unknown };
  if (typeof message === 'string' && message) return message;
  for (const [key, inner] of Object.entries(error)) {
    if (key === 'ref') continue;
    const found = errorMessage(inner);
    if (found) return found;
  }
  return undefined;
}

export interface FieldRowProps {
  /** JSON pointer under the node, e.g. `/config/variable` or `/label`. */
  path: string;
  label: ReactNode;
  error?: unknown;
  hint?: ReactNode;
  children: ReactNode;
}

/** A label, the input and its error; `data-path` lets the problems panel focus it. */
export function FieldRow({ path, label, error, hint, children }: FieldRowProps) {
  const message = errorMessage(error);
  return (
    <div data-path={path}>
      <Form.Item
        label={label}
        validateStatus={message ? 'error' : undefined}
        help={message ? <span style={{ color: errorText }}>{message}</span> : undefined}
        style={{ marginBottom: 12 }}
      >
        {children}
        {hint && !message && <div style={{ color: hintText, fontSize: 12, marginTop: 2 }}>{hint}</div>}
      </Form.Item>
    </div>
  );
}

interface BaseFieldProps<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  label: ReactNode;
  hint?: ReactNode;
}

export function TextField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  placeholder,
  optional = true,
  multiline,
}: BaseFieldProps<T> & { placeholder?: string; optional?: boolean; multiline?: boolean }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const onChange = (text: string) => field.onChange(optional && text === '' ? undefined : text);
        return (
          <FieldRow path={configPath(name)} label={label} hint={hint} error={fieldState.error}>
            {multiline ? (
              <Input.TextArea
                ref={field.ref}
                value={field.value ?? ''}
                placeholder={placeholder}
                autoSize={{ minRows: 2, maxRows: 8 }}
                onBlur={field.onBlur}
                onChange={(e) => onChange(e.target.value)}
                aria-label={typeof label === 'string' ? label : undefined}
              />
            ) : (
              <Input
                ref={field.ref}
                value={field.value ?? ''}
                placeholder={placeholder}
                onBlur={field.onBlur}
                onChange={(e) => onChange(e.target.value)}
                aria-label={typeof label === 'string' ? label : undefined}
              />
            )}
          </FieldRow>
        );
      }}
    />
  );
}

export function NumberField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  min,
  max,
  step,
  placeholder,
  addonAfter,
}: BaseFieldProps<T> & { min?: number; max?: number; step?: number; placeholder?: string; addonAfter?: ReactNode }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FieldRow path={configPath(name)} label={label} hint={hint} error={fieldState.error}>
          <NumberInput
            ref={field.ref}
            value={field.value ?? null}
            min={min}
            max={max}
            step={step}
            placeholder={placeholder}
            suffix={addonAfter}
            style={{ width: '100%' }}
            onBlur={field.onBlur}
            // Cleared means "use the default": the field leaves the config.
            onChange={(value) => field.onChange(value ?? undefined)}
            aria-label={typeof label === 'string' ? label : undefined}
          />
        </FieldRow>
      )}
    />
  );
}

export function SwitchField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  defaultChecked = false,
}: BaseFieldProps<T> & { defaultChecked?: boolean }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FieldRow path={configPath(name)} label={label} hint={hint} error={fieldState.error}>
          <Switch
            ref={field.ref}
            checked={field.value ?? defaultChecked}
            onChange={(checked) => field.onChange(checked)}
            aria-label={typeof label === 'string' ? label : undefined}
          />
        </FieldRow>
      )}
    />
  );
}

export interface Choice {
  value: string;
  label: ReactNode;
}

export function SelectField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  options,
  placeholder,
  allowClear,
}: BaseFieldProps<T> & { options: Choice[]; placeholder?: string; allowClear?: boolean }) {
  const clearButton = useClearButton();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FieldRow path={configPath(name)} label={label} hint={hint} error={fieldState.error}>
          <Select
            ref={field.ref}
            value={field.value ?? undefined}
            options={options}
            placeholder={placeholder}
            allowClear={allowClear ? clearButton : false}
            onChange={(value) => field.onChange(value ?? undefined)}
            aria-label={typeof label === 'string' ? label : undefined}
          />
        </FieldRow>
      )}
    />
  );
}

/** A list of short texts typed as tags (number prefixes, country codes, phrases); `parse` turns a tag into the stored item. */
export function TagsField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  placeholder,
  parse,
}: BaseFieldProps<T> & { placeholder?: string; parse?: (tag: string) => unknown }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FieldRow path={configPath(name)} label={label} hint={hint} error={fieldState.error}>
          <Select
            ref={field.ref}
            mode="tags"
            tokenSeparators={[',', ' ', '\n']}
            open={false}
            suffixIcon={null}
            value={((field.value as unknown[] | undefined) ?? []).map(String)}
            placeholder={placeholder}
            onChange={(tags: string[]) => field.onChange(parse ? tags.map(parse) : tags)}
            aria-label={typeof label === 'string' ? label : undefined}
          />
        </FieldRow>
      )}
    />
  );
}
