// The benchmark's baseline: a bare @xyflow/react page drawing the same graph with default nodes and default settings.
// The bench sizes it like the editor's canvas and sets the editor's viewport on it (`window.__match`), so both draw
// the same nodes at the same zoom.

import { ReactFlow, useEdgesState, useNodesState, type Edge, type Node, type ReactFlowInstance } from '@xyflow/react';
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    __GRAPH__: { nodes: Node[]; edges: Edge[] };
    __match?: (view: { width: number; height: number; x: number; y: number; zoom: number }) => Promise<void>;
  }
}

function BareCanvas() {
  const [nodes, , onNodesChange] = useNodesState(window.__GRAPH__.nodes);
  const [edges, , onEdgesChange] = useEdgesState(window.__GRAPH__.edges);
  const onInit = (instance: ReactFlowInstance) => {
    window.__match = async ({ width, height, x, y, zoom }) => {
      const root = document.getElementById('root')!;
      root.style.width = `${width}px`;
      root.style.height = `${height}px`;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await instance.setViewport({ x, y, zoom });
    };
  };
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onInit={onInit}
      minZoom={0.01}
    />
  );
}

createRoot(document.getElementById('root')!).render(<BareCanvas />);
