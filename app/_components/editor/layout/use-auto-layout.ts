'use client';
// Auto-layout on demand: ELK in a worker; the result is one moveNodes command (one undo entry); cancel terminates the
// worker. A layout still running after half a second says so (`slow`), so a big flow does not look frozen.

import { useCallback, useRef, useState } from 'react';
import { useFitFlow } from '../canvas/use-fit-flow';
import type { EditorStoreApi } from '../store/create-editor-store';
import { layoutGraph } from './layout-graph';
import { runLayout, type LayoutJob } from './run-layout';

/** After this long a running layout shows its progress. */
export const slowLayoutMs = 500;

export function useAutoLayout(store: EditorStoreApi, onError: (message: string) => void) {
  const fitFlow = useFitFlow();
  const job = useRef<LayoutJob | undefined>(undefined);
  const [running, setRunning] = useState(false);
  /** The number of nodes being laid out, once the layout has run past `slowLayoutMs`. */
  const [slow, setSlow] = useState<number | undefined>();

  const start = useCallback(async () => {
    if (job.current || store.getState().readOnly) return;
    const { doc, measured } = store.getState();
    const current = runLayout(layoutGraph(doc, measured));
    job.current = current;
    setRunning(true);
    const timer = setTimeout(() => setSlow(doc.nodes.length), slowLayoutMs);
    try {
      const positions = await current.result;
      // Only if nobody changed the graph meanwhile: positions of a different graph would scramble it.
      const now = store.getState().doc;
      if (now.edges === doc.edges && now.nodes.length === doc.nodes.length) {
        store.getState().dispatch({ kind: 'moveNodes', positions });
        requestAnimationFrame(() => void fitFlow({ duration: 300 }));
      }
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError'))
        onError(error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
      job.current = undefined;
      setRunning(false);
      setSlow(undefined);
    }
  }, [onError, fitFlow, store]);

  const cancel = useCallback(() => job.current?.cancel(), []);
  return { start, cancel, running, slow };
}
