'use client';
// Skill groups: key, name, description; create, edit (name and description; the key is fixed) and delete.

import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { DataTable, type DataColumn } from '../shell/data-table';
import { PageFrame } from '../shell/page-frame';
import { RowActions } from './row-actions';
import type { SkillGroupRow } from './skill-group-dialog';
import { useStudioApp } from '../shell/studio-app';

// The dialog (antd Form and Modal) loads when first opened.
const SkillGroupDialog = dynamic(() => import('./skill-group-dialog').then((module) => module.SkillGroupDialog), {
  ssr: false,
});

export function SkillGroupsPage({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations('skillGroups');
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = useStudioApp();
  const groups = useQuery(trpc.resources.skillGroups.list.queryOptions());
  const [editing, setEditing] = useState<SkillGroupRow | 'new' | null>(null);
  const remove = useMutation(
    trpc.resources.skillGroups.delete.mutationOptions({
      onSuccess: async () => {
        message.success(tCommon('saved'));
        await queryClient.invalidateQueries({ queryKey: trpc.resources.skillGroups.pathKey() });
      },
      onError: (error) => message.error(tCommon('error', { message: apiErrorMessage(error) })),
    }),
  );

  const columns: DataColumn<SkillGroupRow>[] = [
    { key: 'key', title: tCommon('key'), render: (row) => row.key },
    { key: 'name', title: tCommon('name'), render: (row) => row.name },
    { key: 'description', title: t('description'), render: (row) => row.description },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: tCommon('actions'),
            render: (row: SkillGroupRow) => (
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
      <DataTable
        rows={groups.data ?? []}
        rowKey={(row) => row.id}
        loading={groups.isLoading}
        empty={t('empty')}
        columns={columns}
      />
      {editing !== null && (
        <SkillGroupDialog group={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </PageFrame>
  );
}
