'use client';
// The signed-in pages' message toasts and confirmation boxes, in the ConfigProvider's theme and language, through
// useStudioApp(). antd's own App provider (App.useApp) renders the message, notification and Modal hooks on every
// page: ≈ 30 KB of gzipped JavaScript before anything is shown. Here the first toast or box a page shows loads them
// (feedback-host.tsx). The editor keeps antd's App (editor/editor-app.tsx).

import type { ModalFuncProps } from 'antd';
import dynamic from 'next/dynamic';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Feedback, FeedbackRequest } from './feedback-host';

const FeedbackHost = dynamic(() => import('./feedback-host').then((module) => module.FeedbackHost), { ssr: false });

/** The toasts pages show (antd's `message.success`, `.error`, `.info`). */
export interface MessageApi {
  success(content: ReactNode): void;
  error(content: ReactNode): void;
  info(content: ReactNode): void;
}

/** The confirmation boxes pages open (antd's `modal.confirm` and `modal.error`). */
export interface ModalApi {
  confirm(config: ModalFuncProps): void;
  error(config: ModalFuncProps): void;
}

interface StudioAppApi {
  message: MessageApi;
  modal: ModalApi;
}

const StudioAppContext = createContext<StudioAppApi | null>(null);

export function useStudioApp(): StudioAppApi {
  const api = useContext(StudioAppContext);
  if (!api) throw new Error('useStudioApp() needs <StudioApp> (shell/providers.tsx) above it.');
  return api;
}

let requestCount = 0;

export function StudioApp({ children }: { children: ReactNode }) {
  // Requests not yet handed to antd; the host stays mounted once loaded.
  const [requests, setRequests] = useState<FeedbackRequest[]>([]);
  const [hostWanted, setHostWanted] = useState(false);
  const api = useMemo<StudioAppApi>(() => {
    const ask = (feedback: Feedback) => {
      setHostWanted(true);
      setRequests((queue) => [...queue, { ...feedback, id: ++requestCount }]);
    };
    const toast = (type: 'success' | 'error' | 'info') => (content: ReactNode) =>
      ask({ kind: 'message', type, content });
    const box = (kind: 'confirm' | 'error') => (config: ModalFuncProps) => ask({ kind, config });
    return {
      message: { success: toast('success'), error: toast('error'), info: toast('info') },
      modal: { confirm: box('confirm'), error: box('error') },
    };
  }, []);

  return (
    <StudioAppContext.Provider value={api}>
      {/* antd App's look for plain text: its colour, size, line height and font. */}
      <div className="cf-antd-app">
        {hostWanted && (
          <FeedbackHost
            requests={requests}
            onShown={(ids) => setRequests((queue) => queue.filter((request) => !ids.includes(request.id)))}
          />
        )}
        {children}
      </div>
    </StudioAppContext.Provider>
  );
}
