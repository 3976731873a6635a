'use client';
// The editor's antd App: its panels and dialogs (and the inspector's "new resource" forms) show toasts and confirmation
// boxes through App.useApp(). The other pages use the lighter useStudioApp() (shell/studio-app.tsx); the editor has no
// JavaScript budget and keeps antd's. Its pickers and calendars read dayjs's locale, set here for all of them.

import { App } from 'antd';
import type { ReactNode } from 'react';
import { useDayjsLocale } from '../../_lib/use-dayjs-locale';

export function EditorApp({ children }: { children: ReactNode }) {
  useDayjsLocale();
  return <App component={false}>{children}</App>;
}
