'use client';
// The editor store in React: a provider per open flow and narrow selector hooks.

import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EditorStore } from './editor-state';
import type { EditorStoreApi } from './create-editor-store';

const EditorStoreContext = createContext<EditorStoreApi | null>(null);

export function EditorStoreProvider({ store, children }: { store: EditorStoreApi; children: ReactNode }) {
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}

export function useEditorStoreApi(): EditorStoreApi {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore must be used inside <EditorStoreProvider>.');
  return store;
}

/** Read one slice of the editor state; keep selectors narrow (a primitive or a stable object). */
export function useEditorStore<T>(selector: (state: EditorStore) => T): T {
  return useStore(useEditorStoreApi(), selector);
}

/** Whether undo / redo have anything to do (re-renders only when that changes). */
export function useHistoryAvailability(): { canUndo: boolean; canRedo: boolean } {
  const store = useEditorStoreApi();
  const canUndo = useStore(store.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (s) => s.futureStates.length > 0);
  return { canUndo, canRedo };
}
