'use client';
// The lines table: number, label, flow + version (or latest), an enable switch, and edit/delete per line.

import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { PageFrame } from '../shell/page-frame';
import { LineDialog, type LineRow } from './line-dialog';

export function LinesPage() {
  const t = useTranslations('lines');
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
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

  return (
    <PageFrame
      title={t('title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('new')}
        </Button>
      }
    >
      <Table<LineRow>
        rowKey="id"
        loading={lines.isLoading}
        dataSource={lines.data ?? []}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('number'), dataIndex: 'number', render: (number: string) => <Typography.Text strong>{number}</Typography.Text> },
          { title: t('label'), dataIndex: 'label' },
          { title: t('flow'), key: 'flow', render: (_, line) => <Link href={`/flows/${line.flowId}`}>{line.flowName}</Link> },
          {
            title: t('version'),
            dataIndex: 'version',
            render: (version: number | null) => (version === null ? <Tag color="blue">{t('latest')}</Tag> : <Tag>{t('pinned', { version })}</Tag>),
          },
          {
            title: t('enabled'),
            key: 'enabled',
            render: (_, line) => (
              <Switch
                checked={line.enabled}
                aria-label={t('enabledFor', { number: line.number })}
                loading={setEnabled.isPending && setEnabled.variables?.id === line.id}
                onChange={(enabled) => setEnabled.mutate({ id: line.id, enabled })}
              />
            ),
          },
          {
            title: tCommon('actions'),
            key: 'actions',
            render: (_, line) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(line)} aria-label={`${tCommon('edit')}: ${line.number}`}>
                  {tCommon('edit')}
                </Button>
                <Popconfirm title={tCommon('confirmDelete', { name: line.number })} okText={tCommon('delete')} cancelText={tCommon('cancel')} onConfirm={() => remove.mutateAsync({ id: line.id }).catch(() => undefined)}>
                  <Button type="link" size="small" danger aria-label={`${tCommon('delete')}: ${line.number}`}>
                    {tCommon('delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && <LineDialog line={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} />}
    </PageFrame>
  );
}
