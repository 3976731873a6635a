'use client';
// Users (admins): name, email, role (changed in place), active or disabled; create a user with a first password;
// set a new password for a user who lost theirs.

import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Select, Space, Tag } from 'antd';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { Role } from '../../../schemas/db';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { DataTable, type DataColumn } from '../shell/data-table';
import { PageFrame } from '../shell/page-frame';
import type { ResetPasswordTarget } from './reset-password-dialog';
import { roleList } from './role-list';
import { useStudioApp } from '../shell/studio-app';

// The dialogs (antd Form and Modal) load when first opened.
const NewUserDialog = dynamic(() => import('./new-user-dialog').then((module) => module.NewUserDialog), { ssr: false });
const ResetPasswordDialog = dynamic(
  () => import('./reset-password-dialog').then((module) => module.ResetPasswordDialog),
  { ssr: false },
);

export function UsersPage({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations('users');
  const tCommon = useTranslations('common');
  const tRoles = useTranslations('roles');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = useStudioApp();
  const users = useQuery(trpc.users.list.queryOptions());
  type Row = NonNullable<typeof users.data>[number];
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<ResetPasswordTarget | undefined>();
  const onError = (error: unknown) => message.error(tCommon('error', { message: apiErrorMessage(error) }));
  const onSuccess = async () => {
    message.success(tCommon('saved'));
    await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
  };
  const setRole = useMutation(trpc.users.setRole.mutationOptions({ onSuccess, onError }));
  const disable = useMutation(trpc.users.disable.mutationOptions({ onSuccess, onError }));
  const enable = useMutation(trpc.users.enable.mutationOptions({ onSuccess, onError }));
  const roleOptions = roleList.map((role) => ({ value: role, label: tRoles(role) }));

  const columns: DataColumn<Row>[] = [
    {
      key: 'name',
      title: tCommon('name'),
      render: (row) => (row.id === currentUserId ? t('you', { name: row.name }) : row.name),
    },
    { key: 'email', title: t('email'), render: (row) => row.email },
    {
      key: 'role',
      title: t('role'),
      render: (row) => (
        <Select<Role>
          value={row.role}
          options={roleOptions}
          style={{ width: 150 }}
          aria-label={t('roleOf', { name: row.name })}
          onChange={(role) => setRole.mutate({ userId: row.id, role })}
        />
      ),
    },
    {
      key: 'status',
      title: t('status'),
      render: (row) =>
        row.disabledAt ? <Tag color="red">{tCommon('disabled')}</Tag> : <Tag color="blue">{t('active')}</Tag>,
    },
    {
      key: 'actions',
      title: tCommon('actions'),
      render: (row) => (
        <Space size={4} wrap>
          {row.disabledAt ? (
            <Button
              size="small"
              onClick={() => enable.mutate({ userId: row.id })}
              aria-label={`${t('enable')}: ${row.email}`}
            >
              {t('enable')}
            </Button>
          ) : (
            <Button
              size="small"
              danger
              disabled={row.id === currentUserId}
              onClick={() => disable.mutate({ userId: row.id })}
              aria-label={`${t('disable')}: ${row.email}`}
            >
              {t('disable')}
            </Button>
          )}
          <Button
            size="small"
            onClick={() => setResetting({ id: row.id, name: row.name, email: row.email })}
            aria-label={`${t('reset.action')}: ${row.email}`}
          >
            {t('reset.action')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <PageFrame
      title={t('title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('new')}
        </Button>
      }
    >
      <DataTable
        rows={users.data ?? []}
        rowKey={(row) => row.id}
        loading={users.isLoading}
        empty={null}
        columns={columns}
      />
      {creating && <NewUserDialog onClose={() => setCreating(false)} />}
      {resetting && <ResetPasswordDialog user={resetting} onClose={() => setResetting(undefined)} />}
    </PageFrame>
  );
}
