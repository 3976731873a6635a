// Root layout of the studio: antd's style registry, next-intl, the client providers, and the top bar once signed in.

import { AntdRegistry } from '@ant-design/nextjs-registry';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AppShell } from './_components/shell/app-shell';
import { Providers } from './_components/shell/providers';
import { isLocale, defaultLocale } from './_i18n/locales';
import { currentUser } from './_server/auth/current-user';
import './globals.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: t('title'), description: t('description') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : defaultLocale;
  const user = await currentUser(await headers());
  return (
    <html lang={locale}>
      <body>
        <AntdRegistry>
          <NextIntlClientProvider>
            <Providers locale={locale}>
              {user ? (
                <AppShell user={{ name: user.name, email: user.email, role: user.role }} locale={locale}>
                  {children}
                </AppShell>
              ) : (
                children
              )}
            </Providers>
          </NextIntlClientProvider>
        </AntdRegistry>
      </body>
    </html>
  );
}
