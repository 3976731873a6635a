'use client';
// Client-side providers of every page: TanStack Query + tRPC, and antd in the page's language (antd and dayjs locales).

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState, type ReactNode } from 'react';
import type { Locale } from '../../_i18n/locales';
import { trpc } from '../../_lib/trpc-client';
import { TRPCProvider } from '../../_lib/trpc-react';

const antdLocales = { 'en-US': enUS, 'zh-CN': zhCN } as const;
const dayjsLocales = { 'en-US': 'en', 'zh-CN': 'zh-cn' } as const;

export function Providers({ locale, children }: { locale: Locale; children: ReactNode }) {
  // One query cache per browser tab (not per render, not shared between server requests).
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  // Calendar and pickers read dayjs's global locale; set it before they render.
  dayjs.locale(dayjsLocales[locale]);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpc} queryClient={queryClient}>
        <ConfigProvider locale={antdLocales[locale]} theme={{ token: { colorPrimary: '#2f6fde' } }}>
          {/* antd's App gives message/modal/notification hooks that follow the ConfigProvider (theme, locale). */}
          <AntdApp>{children}</AntdApp>
        </ConfigProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
