'use client';
// Sets a new password for one user (users.resetPassword); the administrator passes it on, the user is signed out everywhere.
// Shown while mounted; the users page loads it (next/dynamic) when an administrator first opens it.

import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import { useTranslations } from 'next-intl';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { useStudioApp } from '../shell/studio-app';

/** The server's minimum (app/_server/auth/auth.ts minPasswordLength); checked here first for a translated message. */
const minPasswordLength = 12;

export interface ResetPasswordTarget {
  id: string;
  name: string;
  email: string;
}

interface ResetValues {
  password: string;
  confirm: string;
}

export function ResetPasswordDialog({ user, onClose }: { user: ResetPasswordTarget; onClose(): void }) {
  const t = useTranslations('users.reset');
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const { message } = useStudioApp();
  const [form] = Form.useForm<ResetValues>();
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: (result) => {
        message.success(t('done', { email: result.email }));
        onClose();
      },
      onError: (error) => message.error(tCommon('error', { message: apiErrorMessage(error) })),
    }),
  );
  return (
    <Modal
      open
      title={t('title', { name: user.name })}
      okText={t('submit')}
      cancelText={tCommon('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reset.isPending}
    >
      <p>{t('explain', { email: user.email })}</p>
      <Form<ResetValues>
        name="reset-password"
        form={form}
        layout="vertical"
        autoComplete="off"
        onFinish={(values) => reset.mutate({ userId: user.id, password: values.password })}
      >
        <Form.Item
          label={t('password')}
          name="password"
          extra={t('hint')}
          rules={[{ required: true, min: minPasswordLength, max: 128, message: t('short') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('confirm')}
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: t('mismatch') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
