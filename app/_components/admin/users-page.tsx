'use client';
// Users (admins): name, email, role (changed in place), active or disabled; create a user with a first password;
// set a new password for a user who lost theirs.

import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { Role } from '../../../schemas/db';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { useHydrated } from '../../_lib/use-hydrated';
import { useDisplayNameRule } from '../profile/use-display-name-rule';
import { PageFrame } from '../shell/page-frame';
import { ResetPasswordDialog, type ResetPasswordTarget } from './reset-password-dialog';

const roleList: Role[] = ['viewer', 'tester', 'designer', 'admin'];

interface NewUserValues {
  name: string;
  email: string;
  password: string;
  role: Role;
}

export function UsersPage({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations('users');
  const tCommon = useTranslations('common');
  const tRoles = useTranslations('roles');
  const nameRule = useDisplayNameRule();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const users = useQuery(trpc.users.list.queryOptions());
  type Row = NonNullable<typeof users.data>[number];
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<ResetPasswordTarget | undefined>();
  const [form] = Form.useForm<NewUserValues>();
  const hydrated = useHydrated();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
  const onError = (error: unknown) => message.error(tCommon('error', { message: apiErrorMessage(error) }));
  const onSuccess = async () => {
    message.success(tCommon('saved'));
    await refresh();
  };
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async () => {
        setCreating(false);
        form.resetFields();
        await onSuccess();
      },
      onError,
    }),
  );
  const setRole = useMutation(trpc.users.setRole.mutationOptions({ onSuccess, onError }));
  const disable = useMutation(trpc.users.disable.mutationOptions({ onSuccess, onError }));
  const enable = useMutation(trpc.users.enable.mutationOptions({ onSuccess, onError }));
  const roleOptions = roleList.map((role) => ({ value: role, label: tRoles(role) }));

  return (
    <PageFrame title={t('title')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('new')}</Button>}>
      <Table<Row>
        rowKey="id"
        loading={users.isLoading}
        dataSource={users.data ?? []}
        pagination={false}
        columns={[
          { title: tCommon('name'), dataIndex: 'name', render: (name: string, row) => (row.id === currentUserId ? t('you', { name }) : name) },
          { title: t('email'), dataIndex: 'email' },
          {
            title: t('role'),
            key: 'role',
            render: (_, row) => (
              <Select<Role> value={row.role} options={roleOptions} style={{ width: 150 }} aria-label={t('roleOf', { name: row.name })} onChange={(role) => setRole.mutate({ userId: row.id, role })} />
            ),
          },
          { title: t('status'), key: 'status', render: (_, row) => (row.disabledAt ? <Tag color="red">{tCommon('disabled')}</Tag> : <Tag color="blue">{t('active')}</Tag>) },
          {
            title: tCommon('actions'),
            key: 'actions',
            render: (_, row) => (
              <Space size={4} wrap>
                {row.disabledAt ? (
                  <Button size="small" onClick={() => enable.mutate({ userId: row.id })} aria-label={`${t('enable')}: ${row.email}`}>{t('enable')}</Button>
                ) : (
                  <Button size="small" danger disabled={row.id === currentUserId} onClick={() => disable.mutate({ userId: row.id })} aria-label={`${t('disable')}: ${row.email}`}>{t('disable')}</Button>
                )}
                <Button size="small" onClick={() => setResetting({ id: row.id, name: row.name, email: row.email })} aria-label={`${t('reset.action')}: ${row.email}`}>{t('reset.action')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={creating} title={t('new')} okText={tCommon('create')} cancelText={tCommon('cancel')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} forceRender={hydrated}>
        <Form<NewUserValues> name="new-user" form={form} layout="vertical" initialValues={{ role: 'designer' }} onFinish={(values) => create.mutate(values)} autoComplete="off">
          <Form.Item label={tCommon('name')} name="name" validateFirst rules={[{ required: true, whitespace: true, message: tCommon('nameRequired') }, nameRule]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('email')} name="email" rules={[{ required: true, type: 'email', message: t('emailInvalid') }]}>
            <Input type="email" />
          </Form.Item>
          <Form.Item label={t('password')} name="password" extra={t('passwordHint')} rules={[{ required: true, min: 12, message: t('passwordShort') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {/* What each role may do, next to the choice: an admin need not know the words "tester" or "designer". */}
          <Form.Item
            label={t('role')}
            name="role"
            extra={
              <ul className="cf-role-help" aria-label={t('roleHelp.aria')}>
                {roleList.map((role) => (
                  <li key={role}>
                    <strong>{tRoles(role)}</strong>: {t(`roleHelp.${role}`)}
                  </li>
                ))}
              </ul>
            }
          >
            <Select options={roleOptions} />
          </Form.Item>
        </Form>
      </Modal>
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(undefined)} />
    </PageFrame>
  );
}
