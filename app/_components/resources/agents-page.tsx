'use client';
// Agents: name, contact, enabled, and skills (skill group + level 1–10); create, edit and delete for designers.

import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Switch, Tag } from 'antd';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { DataTable, type DataColumn } from '../shell/data-table';
import { PageFrame } from '../shell/page-frame';
import type { AgentRow } from './agent-dialog';
import { RowActions } from './row-actions';
import { useStudioApp } from '../shell/studio-app';

// The dialog (antd Form, Modal, Select) loads when first opened.
const AgentDialog = dynamic(() => import('./agent-dialog').then((module) => module.AgentDialog), { ssr: false });

export function AgentsPage({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations('agents');
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = useStudioApp();
  const agents = useQuery(trpc.resources.agents.list.queryOptions());
  const [editing, setEditing] = useState<AgentRow | 'new' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.resources.agents.pathKey() });
  const onError = (error: unknown) => message.error(tCommon('error', { message: apiErrorMessage(error) }));
  const remove = useMutation(trpc.resources.agents.delete.mutationOptions({ onSuccess: refresh, onError }));
  const setEnabled = useMutation(trpc.resources.agents.update.mutationOptions({ onSuccess: refresh, onError }));

  const columns: DataColumn<AgentRow>[] = [
    { key: 'name', title: tCommon('name'), render: (row) => row.name },
    { key: 'contact', title: t('contact'), render: (row) => row.contact },
    {
      key: 'skills',
      title: t('skills'),
      render: (row) =>
        row.skills.map((skill) => (
          <Tag key={skill.skillGroup}>{t('skillLevel', { group: skill.skillGroupName, level: skill.level })}</Tag>
        )),
    },
    {
      key: 'enabled',
      title: tCommon('enabled'),
      render: (row) => (
        <Switch
          checked={row.enabled}
          disabled={!canEdit}
          aria-label={t('enabledFor', { name: row.name })}
          onChange={(enabled) => setEnabled.mutate({ id: row.id, enabled })}
        />
      ),
    },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: tCommon('actions'),
            render: (row: AgentRow) => (
              <RowActions
                name={row.name}
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
        rows={agents.data ?? []}
        rowKey={(row) => row.id}
        loading={agents.isLoading}
        empty={t('empty')}
        columns={columns}
      />
      {editing !== null && <AgentDialog agent={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </PageFrame>
  );
}
