'use client';
// Whether every node lies inside the canvas at the current viewport. Then React Flow's culling
// (`onlyRenderVisibleElements`) draws nothing less and costs a pass over every node and edge on each frame of a
// drag, so the canvas turns it off while the whole flow is in view (a 1,000-node flow at fit zoom).

import { useStore } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import type { FlowNode } from '../../../../flow-engine/document';

type Size = { width: number; height: number };

/** A card not measured yet is taken as this big: at most as wide as a card, taller than most. */
const unmeasured: Size = { width: 261, height: 400 };

/** The box around all nodes, in flow coordinates. */
export function flowBounds(nodes: readonly FlowNode[], measured: Readonly<Record<string, Size>>) {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const node of nodes) {
    const size = measured[node.id] ?? unmeasured;
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + size.width);
    bottom = Math.max(bottom, node.position.y + size.height);
  }
  return { left, top, right, bottom };
}

export function useWholeFlowInView(nodes: readonly FlowNode[], measured: Readonly<Record<string, Size>>): boolean {
  const bounds = useMemo(() => flowBounds(nodes, measured), [nodes, measured]);
  const inView = useCallback(
    (s: { transform: [number, number, number]; width: number; height: number }) => {
      const [x, y, zoom] = s.transform;
      if (!s.width || !s.height || !nodes.length) return false;
      const left = -x / zoom;
      const top = -y / zoom;
      return (
        bounds.left >= left &&
        bounds.top >= top &&
        bounds.right <= left + s.width / zoom &&
        bounds.bottom <= top + s.height / zoom
      );
    },
    [bounds, nodes.length],
  );
  return useStore(inView);
}
