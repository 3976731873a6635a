'use client';
// Client-side providers of the signed-in studio (studio-layout.tsx): TanStack Query + tRPC, antd in the page's language
// (antd and dayjs locales). The hydration mark and the time-zone cookie are set on every page by page-marks.tsx.

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState, type ReactNode } from 'react';
import type { Locale } from '../../_i18n/locales';
import { trpc } from '../../_lib/trpc-client';
import { TRPCProvider } from '../../_lib/trpc-react';
import { ServerErrorMessages } from './server-error-messages';

const antdLocales = { 'en-US': enUS, 'zh-CN': zhCN } as const;

// antd's defaults put secondary, placeholder and "other month" text, links, danger text and hovered or selected
// primary colours below WCAG AA contrast (4.5:1); these tokens keep every text at 4.5:1 or more (hover darkens
// instead of lightening) so axe finds no serious violations. Buttons keep their text as written (antd would turn
// 登录 into 登 录, which screen readers and tests then read differently).
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#2563c9',
    colorPrimaryHover: '#1f54ad',
    colorPrimaryActive: '#1a468f',
    colorInfo: '#2563c9',
    colorLink: '#2563c9',
    colorLinkHover: '#1f54ad',
    colorError: '#cf1322',
    colorErrorHover: '#a8071a',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.56)',
  },
};

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
        <ConfigProvider locale={antdLocales[locale]} theme={theme} button={{ autoInsertSpace: false }}>
          {/* antd's App gives message/modal/notification hooks that follow the ConfigProvider (theme, locale). */}
          <AntdApp>
            <ServerErrorMessages />
            {children}
          </AntdApp>
        </ConfigProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
