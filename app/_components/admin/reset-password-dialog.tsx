'use client';
// Sets a new password for one user (users.resetPassword); the administrator passes it on, the user is signed out everywhere.

import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { useHydrated } from '../../_lib/use-hydrated';

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

export function ResetPasswordDialog({ user, onClose }: { user: ResetPasswordTarget | undefined; onClose(): void }) {
  const t = useTranslations('users.reset');
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetValues>();
  const hydrated = useHydrated();
  const close = () => {
    form.resetFields();
    onClose();
  };
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: (result) => {
        message.success(t('done', { email: result.email }));
        close();
      },
      onError: (error) => message.error(tCommon('error', { message: apiErrorMessage(error) })),
    }),
  );
  return (
    <Modal
      open={user !== undefined}
      title={user ? t('title', { name: user.name }) : undefined}
      okText={t('submit')}
      cancelText={tCommon('cancel')}
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={reset.isPending}
      forceRender={hydrated}
    >
      <Typography.Paragraph>{t('explain', { email: user?.email ?? '' })}</Typography.Paragraph>
      <Form<ResetValues>
        name="reset-password"
        form={form}
        layout="vertical"
        autoComplete="off"
        onFinish={(values) => user && reset.mutate({ userId: user.id, password: values.password })}
      >
        <Form.Item label={t('password')} name="password" extra={t('hint')} rules={[{ required: true, min: minPasswordLength, max: 128, message: t('short') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('confirm')}
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: t('mismatch') },
            ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
