'use client';
// The studio's top bar: navigation by task, the language menu, and the signed-in user (a link to their profile) with
// sign-out.

import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { Role } from '../../../schemas/db';
import type { Locale } from '../../_i18n/locales';
import { DisclosureMenu } from './disclosure-menu';
import { LanguageMenu } from './language-menu';
import { useSignOut } from './use-sign-out';
import './top-bar.css';

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
  const current = selectedKey(pathname);

  const topLink = (key: string, label: string) => (
    <Link
      href={`/${key}`}
      className={`cf-nav-link${current === key ? ' is-selected' : ''}`}
      aria-current={current === key ? 'page' : undefined}
    >
      {label}
    </Link>
  );
  const section = (keys: [string, string][]) =>
    keys.map(([key, label]) => ({ key, label, href: `/${key}`, selected: current === key }));
  const resources = section([
    ['resources/schedules', t('schedules')],
    ['resources/skill-groups', t('skillGroups')],
    ['resources/agents', t('agents')],
    ['resources/integrations', t('integrations')],
    ['resources/audio', t('audio')],
  ]);
  const admin = section([
    ['admin/users', t('users')],
    ['admin/audit', t('audit')],
    ['admin/settings', t('settings')],
  ]);

  return (
    <header className="cf-top-bar">
      <Link href="/flows" style={{ fontWeight: 600, whiteSpace: 'nowrap', color: 'inherit' }}>
        {t('brand')}
      </Link>
      {/* Plain links and two small disclosure lists: antd's Menu cost every route ≈ 20 KB of gzipped JavaScript. */}
      <nav aria-label={t('main')} className="cf-nav">
        {topLink('flows', t('flows'))}
        {isAdmin && topLink('lines', t('lines'))}
        <DisclosureMenu
          link={Link}
          label={t('resources')}
          items={resources}
          active={resources.some((item) => item.selected)}
        />
        {isAdmin && (
          <DisclosureMenu link={Link} label={t('admin')} items={admin} active={admin.some((item) => item.selected)} />
        )}
      </nav>
      <Space size="middle">
        <LanguageMenu locale={locale} />
        <Link
          href="/profile"
          title={`${t('profile')}: ${user.email}`}
          aria-current={current === 'profile' ? 'page' : undefined}
          style={{ color: 'inherit' }}
        >
          <UserOutlined aria-hidden /> {user.name} · {tRoles(user.role)}
        </Link>
        <Button icon={<LogoutOutlined />} onClick={signOut}>
          {t('signOut')}
        </Button>
      </Space>
    </header>
  );
}
