// The signed-in studio's frame: antd's style registry, the client providers (TanStack Query, tRPC, antd's locale and
// theme) and the top bar. Each section's layout.tsx uses it; the sign-in page does not, so it ships none of that code.
// A server component that reads the session, so it sits beside the routes: app/_components/ is browser code.

import { AntdRegistry } from '@ant-design/nextjs-registry';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { defaultLocale, isLocale } from '../_i18n/locales';
import { currentUser } from '../_server/auth/current-user';
import { AppShell } from '../_components/shell/app-shell';
import { Providers } from '../_components/shell/providers';

// antd's texts (pickers, pagination, form checks) go to the browser as data with the page, in its language only.
const antdLocales = { 'en-US': enUS, 'zh-CN': zhCN } as const;

export async function StudioLayout({ children }: { children: ReactNode }) {
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : defaultLocale;
  const user = await currentUser(await headers());
  return (
    <AntdRegistry>
      <Providers antdLocale={antdLocales[locale]}>
        {user ? (
          <AppShell user={{ name: user.name, email: user.email, role: user.role }} locale={locale}>
            {children}
          </AppShell>
        ) : (
          children
        )}
      </Providers>
    </AntdRegistry>
  );
}
