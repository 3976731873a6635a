'use client';
// False while React hydrates the server's HTML, true from then on. An antd Modal or Drawer with `forceRender` draws a
// portal on its first client render, which the server never rendered: during hydration React cannot match it and
// throws error #418 (hydration mismatch). Such dialogs pass `forceRender={hydrated}` instead.

import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
