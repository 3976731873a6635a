'use client';
// Select a node and bring it into view: find results and problems use it.

import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useEditorStoreApi } from '../store/editor-store-context';

export function useFrameNode() {
  const reactFlow = useReactFlow();
  const store = useEditorStoreApi();
  return useCallback(
    (nodeId: string, focusPath?: string) => {
      store.getState().select([nodeId], [], focusPath);
      void reactFlow.fitView({ nodes: [{ id: nodeId }], duration: 250, maxZoom: 1.2, padding: 0.4 });
    },
    [reactFlow, store],
  );
}
