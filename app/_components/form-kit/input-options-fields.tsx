'use client';
// The retry settings every node that waits for the caller shares: timeout, attempts, no-input and invalid prompts.

import { Collapse } from 'antd';
import { useTranslations } from 'next-intl';
import type { Control, FieldValues, Path } from 'react-hook-form';
import { NumberField } from './form-fields';
import { PromptField } from './prompt/prompt-field';
import type { ScopeName } from './template/template-variables';

export interface InputOptionsFieldsProps<T extends FieldValues> {
  control: Control<T>;
  languages: readonly string[];
  names: readonly ScopeName[];
  disabled?: boolean;
  /** The label of the wrong-answer prompt (speech calls it "no match"). */
  invalidLabel?: string;
}

export function InputOptionsFields<T extends FieldValues>({
  control,
  languages,
  names,
  disabled,
  invalidLabel,
}: InputOptionsFieldsProps<T>) {
  const t = useTranslations('inspector.fields');
  return (
    <Collapse
      size="small"
      style={{ marginBottom: 12 }}
      items={[
        {
          key: 'retries',
          label: t('retries'),
          forceRender: true,
          children: (
            <>
              <NumberField
                control={control}
                name={'timeoutSeconds' as Path<T>}
                label={t('timeoutSeconds')}
                min={1}
                max={120}
                placeholder="5"
              />
              <NumberField
                control={control}
                name={'maxAttempts' as Path<T>}
                label={t('maxAttempts')}
                min={1}
                max={10}
                step={1}
                placeholder="3"
              />
              <PromptField
                control={control}
                name={'noInputPrompt' as Path<T>}
                label={t('noInputPrompt')}
                languages={languages}
                names={names}
                optional
                disabled={disabled}
              />
              <PromptField
                control={control}
                name={'invalidPrompt' as Path<T>}
                label={invalidLabel ?? t('invalidPrompt')}
                languages={languages}
                names={names}
                optional
                disabled={disabled}
              />
            </>
          ),
        },
      ]}
    />
  );
}
