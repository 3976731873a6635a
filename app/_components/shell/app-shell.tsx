'use client';
// The signed-in page frame: the top bar above the page's content.

import { Layout } from 'antd';
import type { ReactNode } from 'react';
import type { Locale } from '../../_i18n/locales';
import { AppNav, type NavUser } from './app-nav';

export function AppShell({ user, locale, children }: { user: NavUser; locale: Locale; children: ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppNav user={user} locale={locale} />
      <Layout.Content id="content" style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        {children}
      </Layout.Content>
    </Layout>
  );
}
