'use client';
// Client-side providers of the signed-in studio (studio-layout.tsx): TanStack Query + tRPC, antd in the page's language
// and theme, and the toasts and confirmation boxes of useStudioApp(). The page's antd locale comes from the server
// layout (data, not code: one language per page), and dayjs's from the pickers' own components (use-dayjs-locale.ts).
// The hydration mark and the time-zone cookie are set on every page by page-marks.tsx.

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, type ConfigProviderProps, type ThemeConfig } from 'antd';
import { useState, type ReactNode } from 'react';
import { trpc } from '../../_lib/trpc-client';
import { TRPCProvider } from '../../_lib/trpc-react';
import { ServerErrorMessages } from './server-error-messages';
import { StudioApp } from './studio-app';

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

/** `antdLocale`: antd's texts of the page's language (antd/locale/…), read by the server layout. */
export function Providers({
  antdLocale,
  children,
}: {
  antdLocale: ConfigProviderProps['locale'];
  children: ReactNode;
}) {
  // One query cache per browser tab (not per render, not shared between server requests).
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpc} queryClient={queryClient}>
        <ConfigProvider locale={antdLocale} theme={theme} button={{ autoInsertSpace: false }}>
          {/* Toasts and confirmation boxes that follow the ConfigProvider (theme, locale). */}
          <StudioApp>
            <ServerErrorMessages />
            {children}
          </StudioApp>
        </ConfigProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
