'use client';
// The signed-in page frame: the top bar above the page's content.

import type { ReactNode } from 'react';
import type { Locale } from '../../_i18n/locales';
import { AppNav, type NavUser } from './app-nav';
import './app-shell.css';

export function AppShell({ user, locale, children }: { user: NavUser; locale: Locale; children: ReactNode }) {
  return (
    // Plain elements where antd's Layout stood (its Sider code came along on every route).
    <div className="cf-app">
      <AppNav user={user} locale={locale} />
      <main id="content">{children}</main>
    </div>
  );
}
