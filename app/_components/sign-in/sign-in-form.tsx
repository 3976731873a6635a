'use client';
// Email + password sign-in against better-auth; on success the studio opens on the flows list.

import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { Locale } from '../../_i18n/locales';
import { LanguageMenu } from '../shell/language-menu';

interface Credentials {
  email: string;
  password: string;
}

type SignInError = { key: 'mismatch' | 'unreachable' | 'failed' } | { key: 'tooMany' | 'tooManyFromNetwork'; minutes: number };

/** What went wrong, from the status and (for 429) the body the server's failed sign-in limit sends. */
async function errorFor(response: Response): Promise<SignInError> {
  if (response.status === 401) return { key: 'mismatch' };
  if (response.status !== 429) return { key: 'failed' };
  const body = (await response.json().catch(() => ({}))) as { code?: unknown; retryAfterSeconds?: unknown };
  const seconds = typeof body.retryAfterSeconds === 'number' ? body.retryAfterSeconds : Number(response.headers.get('retry-after')) || 60;
  return { key: body.code === 'SIGN_IN_THROTTLED_ADDRESS' ? 'tooManyFromNetwork' : 'tooMany', minutes: Math.max(1, Math.ceil(seconds / 60)) };
}

export function SignInForm({ locale }: { locale: Locale }) {
  const t = useTranslations('signIn');
  const tApp = useTranslations('app');
  const router = useRouter();
  const [error, setError] = useState<SignInError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: Credentials) {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(values),
      });
      if (!response.ok) {
        setError(await errorFor(response));
        return;
      }
      router.replace('/flows');
      router.refresh();
    } catch {
      setError({ key: 'unreachable' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {tApp('title')}
          </Typography.Title>
          <LanguageMenu locale={locale} />
        </Flex>
        <Form<Credentials> name="sign-in" layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('email')} name="email" rules={[{ required: true, type: 'email', message: t('emailInvalid') }]}>
            <Input type="email" autoComplete="username" />
          </Form.Item>
          <Form.Item label={t('password')} name="password" rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" role="alert" title={'minutes' in error ? t(`errors.${error.key}`, { minutes: error.minutes }) : t(`errors.${error.key}`)} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" loading={busy} block>
            {busy ? t('submitting') : t('submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
