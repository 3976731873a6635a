// The benchmark's baseline: a bare @xyflow/react page drawing the same graph with default nodes and default settings.

import { ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    __GRAPH__: { nodes: Node[]; edges: Edge[] };
  }
}

function BareCanvas() {
  const [nodes, , onNodesChange] = useNodesState(window.__GRAPH__.nodes);
  const [edges, , onEdgesChange] = useEdgesState(window.__GRAPH__.edges);
  return <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} />;
}

createRoot(document.getElementById('root')!).render(<BareCanvas />);
