'use client';
// Shown instead of a page whose task needs a higher role than the signed-in user has.

import { Result } from 'antd';
import { useTranslations } from 'next-intl';
import type { Role } from '../../../schemas/db';

export function NotAllowed({ needs }: { needs: Role }) {
  const t = useTranslations('common');
  const tRoles = useTranslations('roles');
  return <Result status="403" title={t('notAllowedTitle')} subTitle={t('notAllowed', { role: tRoles(needs) })} />;
}
