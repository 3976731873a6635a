'use client';
// Integrations: base URL, headers and a secret header (admins change them; header values and the secret are write-only),
// and whether testers may call the real service from the simulator.

import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Tag } from 'antd';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { DataTable, type DataColumn } from '../shell/data-table';
import { PageFrame } from '../shell/page-frame';
import type { IntegrationRow } from './integration-dialog';
import { RowActions } from './row-actions';
import { useStudioApp } from '../shell/studio-app';

// The dialog (antd Form, Modal, Checkbox) loads when first opened.
const IntegrationDialog = dynamic(() => import('./integration-dialog').then((module) => module.IntegrationDialog), {
  ssr: false,
});

export function IntegrationsPage({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations('integrations');
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = useStudioApp();
  // Admins get where each integration points (header names only); everyone else what picking one needs.
  const details = useQuery({ ...trpc.resources.integrations.listDetails.queryOptions(), enabled: canEdit });
  const picker = useQuery({ ...trpc.resources.integrations.list.queryOptions(), enabled: !canEdit });
  const list = canEdit ? details : picker;
  type Row = NonNullable<typeof picker.data>[number] &
    Partial<Omit<NonNullable<typeof details.data>[number], 'id' | 'key' | 'name' | 'hasSecret'>>;
  const rows: Row[] = (canEdit ? details.data : picker.data) ?? [];
  const [editing, setEditing] = useState<IntegrationRow | 'new' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.resources.integrations.pathKey() });
  const remove = useMutation(
    trpc.resources.integrations.delete.mutationOptions({
      onSuccess: refresh,
      onError: (error) => message.error(tCommon('error', { message: apiErrorMessage(error) })),
    }),
  );

  const columns: DataColumn<Row>[] = [
    { key: 'key', title: tCommon('key'), render: (row) => row.key },
    { key: 'name', title: tCommon('name'), render: (row) => row.name },
    ...(canEdit ? [{ key: 'baseUrl', title: t('baseUrl'), render: (row: Row) => row.baseUrl }] : []),
    {
      key: 'secret',
      title: t('secret'),
      render: (row) =>
        row.hasSecret ? (
          <Tag color="blue">{t('secretSet', { header: row.secretHeaderName ?? '' })}</Tag>
        ) : (
          <Tag>{t('noSecret')}</Tag>
        ),
    },
    ...(canEdit
      ? [
          {
            key: 'internal',
            title: t('internal'),
            render: (row: Row) => (row.allowInternal ? <Tag color="red">{t('internalAllowed')}</Tag> : tCommon('no')),
          },
          {
            key: 'simulatorCalls',
            title: t('simulatorCalls'),
            render: (row: Row) =>
              row.allowSimulatorCalls ? t('simulatorCallsAllowed') : <Tag>{t('simulatorCallsOff')}</Tag>,
          },
          {
            key: 'actions',
            title: tCommon('actions'),
            render: (row: Row) => (
              <RowActions
                name={row.key}
                onEdit={() => setEditing(row)}
                onDelete={() => remove.mutateAsync({ id: row.id })}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <PageFrame
      title={t('title')}
      extra={
        canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('new')}
          </Button>
        )
      }
    >
      <DataTable rows={rows} rowKey={(row) => row.id} loading={list.isLoading} empty={t('empty')} columns={columns} />
      {!canEdit && <p style={{ marginTop: 12 }}>{t('adminOnly')}</p>}
      {editing !== null && (
        <IntegrationDialog integration={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </PageFrame>
  );
}
