// The document as React Flow nodes and edges, re-creating only the items whose document object, selection or size changed.

import type { Edge, Node } from '@xyflow/react';
import type { FlowEdge, FlowNode } from '../../../../flow-engine/document';
import { nodeView } from '../../nodes/node-view';
import { edgeAnimated, edgeMarkClasses, type MarkLayers } from '../store/canvas-marks';
import { estimateCard } from './card-geometry';

export type CanvasNodeData = { node: FlowNode };
export type CanvasNode = Node<CanvasNodeData, 'flow'>;

type Size = { width: number; height: number };

interface NodeCacheEntry {
  selected: boolean;
  size: Size | undefined;
  rf: CanvasNode;
}

/** Per-canvas caches: React Flow skips nodes whose object is unchanged, which keeps 1,000-node drags cheap. */
export interface CanvasCache {
  nodes: WeakMap<FlowNode, NodeCacheEntry>;
  edges: WeakMap<FlowEdge, { selected: boolean; className: string; animated: boolean; rf: Edge }>;
}

export function newCanvasCache(): CanvasCache {
  return { nodes: new WeakMap(), edges: new WeakMap() };
}

export function toCanvasNodes(
  nodes: readonly FlowNode[],
  selected: readonly string[],
  measured: Record<string, Size>,
  cache: CanvasCache,
): CanvasNode[] {
  const selectedSet = new Set(selected);
  return nodes.map((node) => {
    const isSelected = selectedSet.has(node.id);
    const size = measured[node.id];
    const hit = cache.nodes.get(node);
    if (hit && hit.selected === isSelected && hit.size === size) return hit.rf;
    const rf: CanvasNode = {
      id: node.id,
      type: 'flow',
      position: node.position,
      data: { node },
      selected: isSelected,
      // The start node has no way in; deleting it is refused by the command layer too.
      deletable: node.type !== 'start',
      // Measured: React Flow keeps the handles it measured. Not yet: the card's estimated size and handles, so that an
      // off-screen node is culled without being drawn and edges to it still have ends (card-geometry.ts).
      ...(size ? { measured: size } : estimated(node)),
    };
    cache.nodes.set(node, { selected: isSelected, size, rf });
    return rf;
  });
}

function estimated(node: FlowNode): Pick<CanvasNode, 'measured' | 'handles'> {
  const card = estimateCard(nodeView(node), node.type !== 'start');
  return { measured: { width: card.width, height: card.height }, handles: card.handles };
}

export function toCanvasEdges(
  edges: readonly FlowEdge[],
  selected: readonly string[],
  marks: MarkLayers,
  cache: CanvasCache,
  ariaLabel: (edge: FlowEdge) => string,
): Edge[] {
  const selectedSet = new Set(selected);
  return edges.map((edge) => {
    const isSelected = selectedSet.has(edge.id);
    const className = edgeMarkClasses(marks, edge.id);
    const animated = edgeAnimated(marks, edge.id);
    const hit = cache.edges.get(edge);
    const label = ariaLabel(edge);
    if (
      hit &&
      hit.selected === isSelected &&
      hit.className === className &&
      hit.animated === animated &&
      hit.rf.ariaLabel === label
    )
      return hit.rf;
    const rf: Edge = {
      id: edge.id,
      source: edge.source,
      sourceHandle: edge.port,
      target: edge.target,
      selected: isSelected,
      ariaLabel: label,
      ...(className ? { className } : {}),
      ...(animated ? { animated } : {}),
    };
    cache.edges.set(edge, { selected: isSelected, className, animated, rf });
    return rf;
  });
}
