'use client';
// The users page's "New user" dialog: name, email, a first password and the role, with what each role may do beside
// the choice. Its own module so the page loads it (antd's Form and Modal) only when first opened (next/dynamic).

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Select } from 'antd';
import { useTranslations } from 'next-intl';
import type { Role } from '../../../schemas/db';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { useDisplayNameRule } from '../profile/use-display-name-rule';
import { roleList } from './role-list';
import { useStudioApp } from '../shell/studio-app';

interface NewUserValues {
  name: string;
  email: string;
  password: string;
  role: Role;
}

export function NewUserDialog({ onClose }: { onClose: () => void }) {
  const t = useTranslations('users');
  const tCommon = useTranslations('common');
  const tRoles = useTranslations('roles');
  const nameRule = useDisplayNameRule();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = useStudioApp();
  const [form] = Form.useForm<NewUserValues>();
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async () => {
        onClose();
        message.success(tCommon('saved'));
        await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
      },
      onError: (error) => message.error(tCommon('error', { message: apiErrorMessage(error) })),
    }),
  );
  const roleOptions = roleList.map((role) => ({ value: role, label: tRoles(role) }));

  return (
    <Modal
      open
      title={t('new')}
      okText={tCommon('create')}
      cancelText={tCommon('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <Form<NewUserValues>
        name="new-user"
        form={form}
        layout="vertical"
        initialValues={{ role: 'designer' }}
        onFinish={(values) => create.mutate(values)}
        autoComplete="off"
      >
        <Form.Item
          label={tCommon('name')}
          name="name"
          validateFirst
          rules={[{ required: true, whitespace: true, message: tCommon('nameRequired') }, nameRule]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label={t('email')}
          name="email"
          rules={[{ required: true, type: 'email', message: t('emailInvalid') }]}
        >
          <Input type="email" />
        </Form.Item>
        <Form.Item
          label={t('password')}
          name="password"
          extra={t('passwordHint')}
          rules={[{ required: true, min: 12, message: t('passwordShort') }]}
        >
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
  );
}
