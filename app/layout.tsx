// Root layout of the studio: the page's language and next-intl. The signed-in sections add antd, the client providers
// and the top bar in their own layout (_layouts/studio-layout.tsx), so the sign-in page loads none of it.

import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PageMarks } from './_components/shell/page-marks';
import { isLocale, defaultLocale } from './_i18n/locales';
import './globals.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: t('title'), description: t('description') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : defaultLocale;
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <PageMarks />
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
