'use client';
// antd's message and Modal hooks for studio-app.tsx, loaded with the first toast or confirmation box a page shows:
// shows each request (in the ConfigProvider's theme and language, as App.useApp does) and stays mounted afterwards,
// so open boxes stay open and later toasts appear at once.

import { message, Modal, type ModalFuncProps } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';

/** A toast, or a confirmation box. */
export type Feedback =
  | { kind: 'message'; type: 'success' | 'error' | 'info'; content: ReactNode }
  | { kind: 'confirm' | 'error'; config: ModalFuncProps };
export type FeedbackRequest = Feedback & { id: number };

export function FeedbackHost({ requests, onShown }: { requests: FeedbackRequest[]; onShown: (ids: number[]) => void }) {
  const [messageApi, messageHolder] = message.useMessage();
  const [modal, modalHolder] = Modal.useModal();
  // Each request once, however often the effect runs.
  const shown = useRef(new Set<number>());
  useEffect(() => {
    const fresh = requests.filter((request) => !shown.current.has(request.id));
    if (fresh.length === 0) return;
    for (const request of fresh) {
      shown.current.add(request.id);
      if (request.kind === 'message') messageApi[request.type](request.content);
      else modal[request.kind](request.config);
    }
    onShown(fresh.map((request) => request.id));
  }, [requests, messageApi, modal, onShown]);
  return (
    <>
      {messageHolder}
      {modalHolder}
    </>
  );
}
