'use client';
// Menu inspector: the prompt, the key table (one exit per key) and the retries.

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Select, Space, Tooltip, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { Controller, useFieldArray, useWatch } from 'react-hook-form';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import { errorText } from '../../form-kit/accessible-colors';
import { errorMessage, FieldRow } from '../../form-kit/form-fields';
import { InputOptionsFields } from '../../form-kit/input-options-fields';
import { PromptField } from '../../form-kit/prompt/prompt-field';
import { useNodeForm } from '../../form-kit/use-node-form';
import { useScopeNames } from '../../form-kit/use-scope-names';
import type { InspectorProps } from '../../form-kit/inspector-props';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'];

export function MenuInspector(props: InspectorProps) {
  const t = useTranslations('inspector');
  const form = useNodeForm(props, nodeDefinitions.menu.config);
  const { control } = form;
  const names = useScopeNames(props.flow);
  const options = useFieldArray({ control, name: 'options' });
  const keys = (useWatch({ control, name: 'options' }) ?? []).map((o) => o?.key);
  const nextKey = KEYS.find((k) => !keys.includes(k));
  return (
    <>
      <PromptField
        control={control}
        name="prompt"
        label={t('fields.prompt')}
        languages={props.flow.languages}
        names={names}
        disabled={props.readOnly}
      />
      <FieldRow path="/config/options" label={t('menu.keys')}>
        <Space orientation="vertical" style={{ width: '100%' }} size={4}>
          {options.fields.map((option, index) => {
            const key = keys[index];
            const duplicate = key === undefined || keys.indexOf(key) !== index;
            return (
              <div key={option.id} style={{ display: 'flex', gap: 6 }}>
                <Controller
                  control={control}
                  name={`options.${index}.key`}
                  render={({ field, fieldState }) => (
                    <div data-path={`/config/options/${index}/key`}>
                      <Select
                        ref={field.ref}
                        value={field.value}
                        onChange={field.onChange}
                        status={fieldState.error || duplicate ? 'error' : undefined}
                        style={{ width: 72 }}
                        aria-label={t('menu.keyOf', { n: index + 1 })}
                        options={KEYS.map((k) => ({ value: k, label: k }))}
                      />
                    </div>
                  )}
                />
                <Controller
                  control={control}
                  name={`options.${index}.label`}
                  render={({ field }) => (
                    <div data-path={`/config/options/${index}/label`} style={{ flex: 1 }}>
                      <Input
                        ref={field.ref}
                        value={field.value ?? ''}
                        placeholder={t('menu.labelPlaceholder')}
                        aria-label={t('menu.labelOf', { n: index + 1 })}
                        onChange={(e) => field.onChange(e.target.value || undefined)}
                      />
                    </div>
                  )}
                />
                <Controller
                  control={control}
                  name={`options.${index}.repeat`}
                  render={({ field }) => (
                    <Tooltip title={t('menu.repeatHint')}>
                      <Checkbox
                        ref={field.ref}
                        checked={field.value === true}
                        disabled={props.readOnly}
                        aria-label={t('menu.repeatOf', { n: index + 1 })}
                        onChange={(e) => field.onChange(e.target.checked || undefined)}
                        style={{ alignSelf: 'center', whiteSpace: 'nowrap' }}
                      >
                        {t('menu.repeat')}
                      </Checkbox>
                    </Tooltip>
                  )}
                />
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('menu.removeKey', { n: index + 1 })}
                  disabled={props.readOnly || options.fields.length === 1}
                  onClick={() => options.remove(index)}
                />
              </div>
            );
          })}
          {keys.some((k, i) => keys.indexOf(k) !== i) && (
            <Typography.Text style={{ color: errorText }}>{t('menu.duplicateKey')}</Typography.Text>
          )}
          {errorMessage(form.formState.errors.options) && (
            <Typography.Text style={{ color: errorText }}>
              {errorMessage(form.formState.errors.options)}
            </Typography.Text>
          )}
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={props.readOnly || !nextKey || options.fields.length >= 12}
            onClick={() => nextKey && options.append({ key: nextKey })}
          >
            {t('menu.addKey')}
          </Button>
        </Space>
      </FieldRow>
      <InputOptionsFields control={control} languages={props.flow.languages} names={names} disabled={props.readOnly} />
    </>
  );
}
