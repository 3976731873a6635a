'use client';
// The fields of an HTTP integration's form and what they send to create one: the integrations page and the editor's
// "new" drawer share them.

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Space } from 'antd';
import { useTranslations } from 'next-intl';
import { resourceKeyPattern } from './resource-key';

export interface IntegrationValues {
  key: string;
  name: string;
  baseUrl: string;
  headers: { name: string; value: string }[];
  allowInternal: boolean;
  allowSimulatorCalls: boolean;
  secretHeaderName?: string;
  /** Write-only: empty keeps the stored secret. */
  secretValue?: string;
  removeSecret?: boolean;
}

export const newIntegrationValues: IntegrationValues = {
  key: '',
  name: '',
  baseUrl: 'https://',
  headers: [],
  allowInternal: false,
  allowSimulatorCalls: true,
  secretHeaderName: 'Authorization',
  secretValue: '',
};

/** The `integrations.create` input for what the form holds. */
export function integrationCreateInput(values: IntegrationValues) {
  return {
    key: values.key,
    name: values.name ?? '',
    baseUrl: values.baseUrl.trim(),
    allowInternal: Boolean(values.allowInternal),
    allowSimulatorCalls: Boolean(values.allowSimulatorCalls),
    headers: Object.fromEntries((values.headers ?? []).map((header) => [header.name.trim(), header.value ?? ''])),
    secret: values.secretValue
      ? { headerName: values.secretHeaderName?.trim() || 'Authorization', value: values.secretValue }
      : undefined,
  };
}

/** `keyLocked`: an existing integration keeps its key; `hasSecret`: one is stored (it may be kept or removed). */
export function IntegrationFields({ keyLocked, hasSecret }: { keyLocked: boolean; hasSecret: boolean }) {
  const t = useTranslations('integrations');
  const tCommon = useTranslations('common');
  return (
    <>
      <Form.Item
        label={tCommon('key')}
        name="key"
        extra={tCommon('keyHint')}
        rules={[{ required: true, pattern: resourceKeyPattern, message: tCommon('keyInvalid') }]}
      >
        <Input disabled={keyLocked} />
      </Form.Item>
      <Form.Item label={tCommon('name')} name="name">
        <Input />
      </Form.Item>
      <Form.Item
        label={t('baseUrl')}
        name="baseUrl"
        rules={[{ required: true, type: 'url', message: t('baseUrlInvalid') }]}
      >
        <Input />
      </Form.Item>
      <Form.List name="headers">
        {(fields, { add, remove: removeHeader }) => (
          <Form.Item label={t('headers')} extra={t('headersHint')}>
            {fields.map((field, index) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: t('headerNameRequired') }]}>
                  <Input placeholder="X-Tenant" aria-label={t('headerNameN', { index: index + 1 })} />
                </Form.Item>
                <Form.Item name={[field.name, 'value']}>
                  <Input aria-label={t('headerValueN', { index: index + 1 })} style={{ width: 260 }} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('removeHeader', { index: index + 1 })}
                  onClick={() => removeHeader(field.name)}
                />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', value: '' })}>
              {t('addHeader')}
            </Button>
          </Form.Item>
        )}
      </Form.List>
      <Space align="start" wrap>
        <Form.Item label={t('secretHeader')} name="secretHeaderName">
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={t('secretValue')} name="secretValue" extra={hasSecret ? t('secretKeep') : t('secretHint')}>
          <Input.Password
            autoComplete="new-password"
            placeholder={hasSecret ? t('secretUnchanged') : ''}
            style={{ width: 300 }}
            visibilityToggle={false}
          />
        </Form.Item>
      </Space>
      {hasSecret && (
        <Form.Item name="removeSecret" valuePropName="checked">
          <Checkbox>{t('removeSecret')}</Checkbox>
        </Form.Item>
      )}
      <Form.Item name="allowInternal" valuePropName="checked" extra={t('internalHint')}>
        <Checkbox>{t('allowInternal')}</Checkbox>
      </Form.Item>
      <Form.Item name="allowSimulatorCalls" valuePropName="checked" extra={t('simulatorCallsHint')}>
        <Checkbox>{t('allowSimulatorCalls')}</Checkbox>
      </Form.Item>
    </>
  );
}
