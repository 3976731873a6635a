'use client';
// "Fit view" for the editor: frames every node of the flow (1,000 included) clear of the minimap and the zoom controls.

import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { boundsOf, fitViewport, type Box } from './fit-viewport';

/** What floats over the canvas and may hide nodes. */
const floatingSelectors = ['.react-flow__minimap', '.react-flow__controls'];

/**
 * Returns `fit(options)`: moves the camera so the whole flow shows (false when the canvas has no size yet). The canvas's minimum zoom is lowered when the flow
 * needs it (React Flow would otherwise stop short and cut the flow off).
 * @example
 * const fitFlow = useFitFlow(); fitFlow({ duration: 250 });
 */
export function useFitFlow() {
  const reactFlow = useReactFlow();
  const rfStore = useStoreApi();
  return useCallback(
    (options: { duration?: number; maxZoom?: number } = {}): boolean => {
      const { width, height, domNode, minZoom, setMinZoom } = rfStore.getState();
      const bounds = boundsOf(
        reactFlow.getNodes().map((n) => ({
          x: n.position.x,
          y: n.position.y,
          width: n.measured?.width ?? n.width ?? 0,
          height: n.measured?.height ?? n.height ?? 0,
        })),
      );
      if (!bounds || !width || !height) return false;
      const origin = domNode?.getBoundingClientRect();
      const floating: Box[] = [];
      for (const selector of floatingSelectors) {
        const box = domNode?.querySelector(selector)?.getBoundingClientRect();
        if (origin && box && box.width > 0)
          floating.push({ x: box.left - origin.left, y: box.top - origin.top, width: box.width, height: box.height });
      }
      const viewport = fitViewport(bounds, { width, height }, floating, options.maxZoom ?? 1);
      if (viewport.zoom < minZoom) setMinZoom(viewport.zoom);
      void reactFlow.setViewport(viewport, { duration: options.duration });
      return true;
    },
    [reactFlow, rfStore],
  );
}
