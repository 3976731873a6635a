'use client';
// Integrations: base URL, plain headers and a write-only secret header (admins change them; the secret is never shown).

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC, useTRPCClient } from '../../_lib/trpc-react';
import { PageFrame } from '../shell/page-frame';

interface IntegrationValues {
  key: string;
  name: string;
  baseUrl: string;
  headers: { name: string; value: string }[];
  allowInternal: boolean;
  secretHeaderName?: string;
  /** Write-only: empty keeps the stored secret. */
  secretValue?: string;
  removeSecret?: boolean;
}

export function IntegrationsPage({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations('integrations');
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const list = useQuery(trpc.resources.integrations.list.queryOptions());
  type Row = NonNullable<typeof list.data>[number];
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [form] = Form.useForm<IntegrationValues>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.resources.integrations.pathKey() });
  const onError = (error: unknown) => message.error(tCommon('error', { message: apiErrorMessage(error) }));

  const save = useMutation({
    mutationFn: async (values: IntegrationValues) => {
      const headers = Object.fromEntries((values.headers ?? []).map((header) => [header.name.trim(), header.value]));
      const secret = values.secretValue ? { headerName: values.secretHeaderName?.trim() || 'Authorization', value: values.secretValue } : undefined;
      const common = { name: values.name ?? '', baseUrl: values.baseUrl.trim(), headers, allowInternal: Boolean(values.allowInternal) };
      if (editing === 'new' || editing === null) return client.resources.integrations.create.mutate({ key: values.key, ...common, secret });
      return client.resources.integrations.update.mutate({ id: editing.id, ...common, secret: values.removeSecret ? null : secret });
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
        ? { key: '', name: '', baseUrl: 'https://', headers: [], allowInternal: false, secretHeaderName: 'Authorization', secretValue: '' }
        : {
            key: row.key,
            name: row.name,
            baseUrl: row.baseUrl,
            headers: Object.entries(row.headers).map(([name, value]) => ({ name, value })),
            allowInternal: row.allowInternal,
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
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: tCommon('key'), dataIndex: 'key' },
          { title: tCommon('name'), dataIndex: 'name' },
          { title: t('baseUrl'), dataIndex: 'baseUrl' },
          { title: t('secret'), key: 'secret', render: (_, row) => (row.hasSecret ? <Tag color="blue">{t('secretSet', { header: row.secretHeaderName ?? '' })}</Tag> : <Tag>{t('noSecret')}</Tag>) },
          { title: t('internal'), key: 'internal', render: (_, row) => (row.allowInternal ? <Tag color="red">{t('internalAllowed')}</Tag> : tCommon('no')) },
          ...(canEdit
            ? [
                {
                  title: tCommon('actions'),
                  key: 'actions',
                  render: (_: unknown, row: Row) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => open(row)} aria-label={`${tCommon('edit')}: ${row.key}`}>{tCommon('edit')}</Button>
                      <Popconfirm title={tCommon('confirmDelete', { name: row.key })} okText={tCommon('delete')} cancelText={tCommon('cancel')} onConfirm={() => remove.mutateAsync({ id: row.id }).catch(() => undefined)}>
                        <Button type="link" size="small" danger aria-label={`${tCommon('delete')}: ${row.key}`}>{tCommon('delete')}</Button>
                      </Popconfirm>
                    </Space>
                  ),
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
        forceRender
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
        </Form>
      </Modal>
    </PageFrame>
  );
}
