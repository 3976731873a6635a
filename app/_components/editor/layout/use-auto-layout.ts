'use client';
// Auto-layout on demand: ELK in a worker; the result is one moveNodes command (one undo entry); cancel terminates the worker.

import { useReactFlow } from '@xyflow/react';
import { useCallback, useRef, useState } from 'react';
import type { EditorStoreApi } from '../store/create-editor-store';
import { layoutGraph } from './layout-graph';
import { runLayout, type LayoutJob } from './run-layout';

export function useAutoLayout(store: EditorStoreApi, onError: (message: string) => void) {
  const reactFlow = useReactFlow();
  const job = useRef<LayoutJob | undefined>(undefined);
  const [running, setRunning] = useState(false);

  const start = useCallback(async () => {
    if (job.current || store.getState().readOnly) return;
    const { doc, measured } = store.getState();
    const current = runLayout(layoutGraph(doc, measured));
    job.current = current;
    setRunning(true);
    try {
      const positions = await current.result;
      // Only if nobody changed the graph meanwhile: positions of a different graph would scramble it.
      const now = store.getState().doc;
      if (now.edges === doc.edges && now.nodes.length === doc.nodes.length) {
        store.getState().dispatch({ kind: 'moveNodes', positions });
        requestAnimationFrame(() => void reactFlow.fitView({ duration: 300 }));
      }
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) onError(error instanceof Error ? error.message : String(error));
    } finally {
      job.current = undefined;
      setRunning(false);
    }
  }, [onError, reactFlow, store]);

  const cancel = useCallback(() => job.current?.cancel(), []);
  return { start, cancel, running };
}
