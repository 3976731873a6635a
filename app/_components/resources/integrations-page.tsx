'use client';
// Integrations: base URL, headers and a secret header (admins change them; header values and the secret are write-only),
// and whether testers may call the real service from the simulator.

import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Modal, Table, Tag } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useHydrated } from '../../_lib/use-hydrated';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC, useTRPCClient } from '../../_lib/trpc-react';
import { PageFrame } from '../shell/page-frame';
import { integrationCreateInput, IntegrationFields, newIntegrationValues, type IntegrationValues } from './integration-fields';
import { RowActions } from './row-actions';


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
      if (editing === 'new' || editing === null) return client.resources.integrations.create.mutate(integrationCreateInput(values));
      // Stored header values are never sent back: the list is written only when some value was typed (all of them then).
      const typed = (values.headers ?? []).some((header) => header.value);
      const { key: _key, headers, secret, ...common } = integrationCreateInput(values);
      return client.resources.integrations.update.mutate({ id: editing.id, ...common, headers: typed ? headers : undefined, secret: values.removeSecret ? null : secret });
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
        ? newIntegrationValues
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
          <IntegrationFields keyLocked={editing !== 'new'} hasSecret={hasSecret} />
        </Form>
      </Modal>
    </PageFrame>
  );
}
