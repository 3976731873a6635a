'use client';
// The lines table: number, label, flow + version (or latest), an enable switch, and edit/delete per line.

import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm, Space, Switch, Tag } from 'antd';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { DataTable, type DataColumn } from '../shell/data-table';
import { PageFrame } from '../shell/page-frame';
import type { LineRow } from './line-dialog';
import { useStudioApp } from '../shell/studio-app';

// The dialog (antd Form, Modal, Select) loads when first opened.
const LineDialog = dynamic(() => import('./line-dialog').then((module) => module.LineDialog), { ssr: false });

export function LinesPage() {
  const t = useTranslations('lines');
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = useStudioApp();
  const lines = useQuery(trpc.lines.list.queryOptions());
  const [editing, setEditing] = useState<LineRow | 'new' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.lines.pathKey() });
  const onError = (error: unknown) => message.error(tCommon('error', { message: apiErrorMessage(error) }));

  const setEnabled = useMutation(trpc.lines.setEnabled.mutationOptions({ onSuccess: refresh, onError }));
  const remove = useMutation(
    trpc.lines.delete.mutationOptions({
      onSuccess: () => {
        message.success(t('deleted'));
        return refresh();
      },
      onError,
    }),
  );

  const columns: DataColumn<LineRow>[] = [
    { key: 'number', title: t('number'), render: (line) => <strong>{line.number}</strong> },
    { key: 'label', title: t('label'), render: (line) => line.label },
    { key: 'flow', title: t('flow'), render: (line) => <Link href={`/flows/${line.flowId}`}>{line.flowName}</Link> },
    {
      key: 'version',
      title: t('version'),
      render: (line) =>
        line.version === null ? (
          <Tag color="blue">{t('latest')}</Tag>
        ) : (
          <Tag>{t('pinned', { version: line.version })}</Tag>
        ),
    },
    {
      key: 'enabled',
      title: t('enabled'),
      render: (line) => (
        <Switch
          checked={line.enabled}
          aria-label={t('enabledFor', { number: line.number })}
          loading={setEnabled.isPending && setEnabled.variables?.id === line.id}
          onChange={(enabled) => setEnabled.mutate({ id: line.id, enabled })}
        />
      ),
    },
    {
      key: 'actions',
      title: tCommon('actions'),
      render: (line) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() => setEditing(line)}
            aria-label={`${tCommon('edit')}: ${line.number}`}
          >
            {tCommon('edit')}
          </Button>
          <Popconfirm
            title={tCommon('confirmDelete', { name: line.number })}
            okText={tCommon('delete')}
            cancelText={tCommon('cancel')}
            onConfirm={() => remove.mutateAsync({ id: line.id }).catch(() => undefined)}
          >
            <Button type="link" size="small" danger aria-label={`${tCommon('delete')}: ${line.number}`}>
              {tCommon('delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <PageFrame
      title={t('title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('new')}
        </Button>
      }
    >
      <DataTable
        rows={lines.data ?? []}
        rowKey={(line) => line.id}
        loading={lines.isLoading}
        empty={t('empty')}
        columns={columns}
      />
      {editing && (
        <LineDialog line={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} />
      )}
    </PageFrame>
  );
}
