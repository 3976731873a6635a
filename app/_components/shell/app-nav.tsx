'use client';
// The studio's top bar: navigation by task, the language menu, and the signed-in user with sign-out.

import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { Role } from '../../../schemas/db';
import type { Locale } from '../../_i18n/locales';
import { LanguageMenu } from './language-menu';
import { useSignOut } from './use-sign-out';

export interface NavUser {
  name: string;
  email: string;
  role: Role;
}

/** The menu key of a path: the first one or two segments (`/resources/schedules` → `resources/schedules`). */
function selectedKey(pathname: string): string {
  const [first = '', second] = pathname.split('/').filter(Boolean);
  return first === 'resources' || first === 'admin' ? `${first}/${second ?? ''}` : first;
}

export function AppNav({ user, locale }: { user: NavUser; locale: Locale }) {
  const t = useTranslations('nav');
  const tRoles = useTranslations('roles');
  const pathname = usePathname();
  const signOut = useSignOut();
  const isAdmin = user.role === 'admin';

  const link = (href: string, label: string) => <Link href={href}>{label}</Link>;
  const items: MenuProps['items'] = [
    { key: 'flows', label: link('/flows', t('flows')) },
    ...(isAdmin ? [{ key: 'lines', label: link('/lines', t('lines')) }] : []),
    {
      key: 'resources',
      label: t('resources'),
      children: [
        { key: 'resources/schedules', label: link('/resources/schedules', t('schedules')) },
        { key: 'resources/skill-groups', label: link('/resources/skill-groups', t('skillGroups')) },
        { key: 'resources/agents', label: link('/resources/agents', t('agents')) },
        { key: 'resources/integrations', label: link('/resources/integrations', t('integrations')) },
        { key: 'resources/audio', label: link('/resources/audio', t('audio')) },
      ],
    },
    ...(isAdmin
      ? [
          {
            key: 'admin',
            label: t('admin'),
            children: [
              { key: 'admin/users', label: link('/admin/users', t('users')) },
              { key: 'admin/audit', label: link('/admin/audit', t('audit')) },
              { key: 'admin/settings', label: link('/admin/settings', t('settings')) },
            ],
          },
        ]
      : []),
  ];

  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#fff', borderBottom: '1px solid #e4e7eb', paddingInline: 16, height: 48, lineHeight: '48px' }}>
      <Link href="/flows" style={{ fontWeight: 600, whiteSpace: 'nowrap', color: 'inherit' }}>
        {t('brand')}
      </Link>
      <nav aria-label={t('main')} style={{ flex: 1, minWidth: 0 }}>
        <Menu mode="horizontal" selectedKeys={[selectedKey(pathname)]} items={items} style={{ borderBottom: 0, lineHeight: '46px' }} />
      </nav>
      <Space size="middle">
        <LanguageMenu locale={locale} />
        <Typography.Text title={user.email}>
          <UserOutlined aria-hidden /> {user.name} · {tRoles(user.role)}
        </Typography.Text>
        <Button icon={<LogoutOutlined />} onClick={signOut}>
          {t('signOut')}
        </Button>
      </Space>
    </Layout.Header>
  );
}
