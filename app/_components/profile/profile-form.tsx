'use client';
// The "Your profile" form: the display name (checked as you type by the same rule the server applies) and the email,
// which only an administrator changes. Saves through profile.update, then refreshes the page so the top bar shows it.

import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { maxDisplayNameLength } from '../../_lib/display-name';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { PageFrame } from '../shell/page-frame';
import { Panel } from '../shell/panel';
import { useDisplayNameRule } from './use-display-name-rule';
import { useStudioApp } from '../shell/studio-app';

export function ProfileForm({ name, email }: { name: string; email: string }) {
  const t = useTranslations('profile');
  const tCommon = useTranslations('common');
  const { message } = useStudioApp();
  const router = useRouter();
  const trpc = useTRPC();
  const nameRule = useDisplayNameRule();
  const update = useMutation(
    trpc.profile.update.mutationOptions({
      onSuccess: () => {
        message.success(t('saved'));
        router.refresh();
      },
      onError: (error) => message.error(tCommon('error', { message: apiErrorMessage(error) })),
    }),
  );

  return (
    <PageFrame title={t('title')}>
      <Panel style={{ maxWidth: 560 }}>
        <Form<{ name: string }>
          name="profile"
          layout="vertical"
          initialValues={{ name }}
          requiredMark={false}
          onFinish={(values) => update.mutate({ name: values.name })}
        >
          <Form.Item
            label={t('name')}
            name="name"
            extra={t('nameHint', { max: maxDisplayNameLength })}
            rules={[nameRule]}
          >
            <Input autoComplete="name" maxLength={maxDisplayNameLength * 2} />
          </Form.Item>
          <Form.Item label={t('email')} htmlFor="cf-profile-email" extra={t('emailHint')}>
            <Input id="cf-profile-email" value={email} readOnly />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('save')}
          </Button>
        </Form>
      </Panel>
    </PageFrame>
  );
}
