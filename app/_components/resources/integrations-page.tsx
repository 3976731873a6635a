'use client';
// Integrations: base URL, headers and a secret header (admins change them; header values and the secret are write-only),
// and whether testers may call the real service from the simulator.

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useHydrated } from '../../_lib/use-hydrated';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC, useTRPCClient } from '../../_lib/trpc-react';
import { PageFrame } from '../shell/page-frame';
import { RowActions } from './row-actions';

interface IntegrationValues {
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

export function IntegrationsPage({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations('integrations');
  // Dialogs drawn before hydration would not match the server's HTML (React error #418).
  const hydrated = useHydrated();
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  // Admins get where each integration points (header names only); everyone else what picking one needs.
  const details = useQuery({ ...trpc.resources.integrations.listDetails.queryOptions(), enabled: canEdit });
  const picker = useQuery({ ...trpc.resources.integrations.list.queryOptions(), enabled: !canEdit });
  const list = canEdit ? details : picker;
  type Row = NonNullable<typeof picker.data>[number] & Partial<Omit<NonNullable<typeof details.data>[number], 'id' | 'key' | 'name' | 'hasSecret'>>;
  const rows: Row[] = (canEdit ? details.data : picker.data) ?? [];
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [form] = Form.useForm<IntegrationValues>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.resources.integrations.pathKey() });
  const onError = (error: unknown) => message.error(tCommon('error', { message: apiErrorMessage(error) }));

  const save = useMutation({
    mutationFn: async (values: IntegrationValues) => {
      // Stored header values are never sent back: the list is written only when some value was typed (all of them then).
      const typed = (values.headers ?? []).some((header) => header.value);
      const headers = typed || editing === 'new' ? Object.fromEntries((values.headers ?? []).map((header) => [header.name.trim(), header.value ?? ''])) : undefined;
      const secret = values.secretValue ? { headerName: values.secretHeaderName?.trim() || 'Authorization', value: values.secretValue } : undefined;
      const common = { name: values.name ?? '', baseUrl: values.baseUrl.trim(), allowInternal: Boolean(values.allowInternal), allowSimulatorCalls: Boolean(values.allowSimulatorCalls) };
      if (editing === 'new' || editing === null) return client.resources.integrations.create.mutate({ key: values.key, ...common, headers: headers ?? {}, secret });
      return client.resources.integrations.update.mutate({ id: editing.id, ...common, headers, secret: values.removeSecret ? null : secret });
    },
    onSuccess: async () => {
      message.success(tCommon('saved'));
      setEditing(null);
      form.resetFields();
      await refresh();
    },
    onError,
  });
  const remove = useMutation(trpc.resources.integrations.delete.mutationOptions({ onSuccess: refresh, onError }));

  function open(row: Row | 'new') {
    form.resetFields();
    form.setFieldsValue(
      row === 'new'
        ? { key: '', name: '', baseUrl: 'https://', headers: [], allowInternal: false, allowSimulatorCalls: true, secretHeaderName: 'Authorization', secretValue: '' }
        : {
            key: row.key,
            name: row.name,
            baseUrl: row.baseUrl ?? '',
            headers: (row.headerNames ?? []).map((name) => ({ name, value: '' })),
            allowInternal: row.allowInternal ?? false,
            allowSimulatorCalls: row.allowSimulatorCalls ?? true,
            secretHeaderName: row.secretHeaderName ?? 'Authorization',
            secretValue: '',
            removeSecret: false,
          },
    );
    setEditing(row);
  }

  const hasSecret = editing !== null && editing !== 'new' && editing.hasSecret;

  return (
    <PageFrame title={t('title')} extra={canEdit && <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{t('new')}</Button>}>
      <Table<Row>
        rowKey="id"
        loading={list.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: tCommon('key'), dataIndex: 'key' },
          { title: tCommon('name'), dataIndex: 'name' },
          ...(canEdit ? [{ title: t('baseUrl'), dataIndex: 'baseUrl' }] : []),
          { title: t('secret'), key: 'secret', render: (_, row) => (row.hasSecret ? <Tag color="blue">{t('secretSet', { header: row.secretHeaderName ?? '' })}</Tag> : <Tag>{t('noSecret')}</Tag>) },
          ...(canEdit ? [{ title: t('internal'), key: 'internal', render: (_: unknown, row: Row) => (row.allowInternal ? <Tag color="red">{t('internalAllowed')}</Tag> : tCommon('no')) }] : []),
          ...(canEdit
            ? [{ title: t('simulatorCalls'), key: 'simulatorCalls', render: (_: unknown, row: Row) => (row.allowSimulatorCalls ? t('simulatorCallsAllowed') : <Tag>{t('simulatorCallsOff')}</Tag>) }]
            : []),
          ...(canEdit
            ? [
                {
                  title: tCommon('actions'),
                  key: 'actions',
                  render: (_: unknown, row: Row) => <RowActions name={row.key} onEdit={() => open(row)} onDelete={() => remove.mutateAsync({ id: row.id })} />,
                },
              ]
            : []),
        ]}
      />
      {!canEdit && <p style={{ marginTop: 12 }}>{t('adminOnly')}</p>}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('new') : t('editTitle', { key: editing?.key ?? '' })}
        okText={tCommon('save')}
        cancelText={tCommon('cancel')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        forceRender={hydrated}
        width={640}
      >
        <Form<IntegrationValues> name="integration" form={form} layout="vertical" onFinish={(values) => save.mutate(values)} autoComplete="off">
          <Form.Item label={tCommon('key')} name="key" extra={tCommon('keyHint')} rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, message: tCommon('keyInvalid') }]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item label={tCommon('name')} name="name">
            <Input />
          </Form.Item>
          <Form.Item label={t('baseUrl')} name="baseUrl" rules={[{ required: true, type: 'url', message: t('baseUrlInvalid') }]}>
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
                    <Button icon={<DeleteOutlined />} aria-label={t('removeHeader', { index: index + 1 })} onClick={() => removeHeader(field.name)} />
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
              <Input.Password autoComplete="new-password" placeholder={hasSecret ? t('secretUnchanged') : ''} style={{ width: 300 }} visibilityToggle={false} />
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
        </Form>
      </Modal>
    </PageFrame>
  );
}
