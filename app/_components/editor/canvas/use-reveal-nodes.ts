'use client';
// Bring nodes just added (a paste, a palette entry) into view when they are not already: the view follows what the
// admin made, keeping the zoom unless they do not fit at it.

import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useEditorStoreApi } from '../store/editor-store-context';
import { boxOfNodes } from './place-nodes';

/** Room left around the revealed nodes, as a share of the view. */
const padding = 0.15;

export function useRevealNodes() {
  const reactFlow = useReactFlow();
  const store = useEditorStoreApi();
  return useCallback(
    (nodeIds: readonly string[]) => {
      const { doc, measured } = store.getState();
      const box = boxOfNodes(doc.nodes, nodeIds, measured);
      const canvas = document.querySelector('.cf-canvas')?.getBoundingClientRect();
      if (!box || !canvas || canvas.width === 0 || canvas.height === 0) return;
      const from = reactFlow.screenToFlowPosition({ x: canvas.left, y: canvas.top });
      const to = reactFlow.screenToFlowPosition({ x: canvas.right, y: canvas.bottom });
      if (box.x >= from.x && box.y >= from.y && box.x + box.width <= to.x && box.y + box.height <= to.y) return;
      const zoom = Math.min(
        reactFlow.getZoom(),
        (canvas.width * (1 - 2 * padding)) / box.width,
        (canvas.height * (1 - 2 * padding)) / box.height,
      );
      void reactFlow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom, duration: 250 });
    },
    [reactFlow, store],
  );
}
