// The ELK graph of a flow for auto-layout: left to right, one east port per node port in the order the node lists them.
// A flow many steps long (a chain of hundreds of nodes) is wrapped into rows, or it would be one line 300,000 px long
// that no screen can show readably.

import type { ElkNode } from 'elkjs/lib/elk-api';
import type { FlowDocument, Position } from '../../../../flow-engine/document';
import { nodeView } from '../../nodes/node-view';

/** Size used for nodes React Flow has not measured (off-screen with onlyRenderVisibleElements). */
const defaultSize = { width: 220, height: 90 };

/** Flows whose longest way from the start is more steps than this are wrapped into rows. */
export const wrapAfterSteps = 30;

const inPort = (nodeId: string) => `${nodeId}::in`;
const outPort = (nodeId: string, port: string) => `${nodeId}::out::${port}`;

/**
 * Build the ELK input. FIXED_ORDER keeps a menu's keys top to bottom as the node draws them.
 * @example
 * const graph = layoutGraph(doc, measured); // send to the layout worker
 */
export function layoutGraph(doc: FlowDocument, measured: Record<string, { width: number; height: number }>): ElkNode {
  const portsByNode = new Map<string, Set<string>>();
  const children: ElkNode[] = doc.nodes.map((node) => {
    const size = measured[node.id] ?? defaultSize;
    const ports = nodeView(node).ports;
    portsByNode.set(node.id, new Set(ports.map((p) => p.name)));
    return {
      id: node.id,
      width: size.width,
      height: size.height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
      ports: [
        { id: inPort(node.id), layoutOptions: { 'elk.port.side': 'WEST', 'elk.port.index': '0' } },
        ...ports.map((p, i) => ({
          id: outPort(node.id, p.name),
          layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(i) },
        })),
      ],
    };
  });
  // Edges from a port the node no longer has (validation reports them) are left out: ELK refuses unknown ports.
  const edges = doc.edges
    .filter((e) => portsByNode.get(e.source)?.has(e.port) && portsByNode.has(e.target))
    .map((e) => ({ id: e.id, sources: [outPort(e.source, e.port)], targets: [inPort(e.target)] }));
  const wrap = stepsFromStart(doc) > wrapAfterSteps;
  return {
    id: 'root',
    layoutOptions: {
      ...(wrap ? { 'elk.layered.wrapping.strategy': 'MULTI_EDGE', 'elk.aspectRatio': '1.6' } : {}),
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '40',
      // NETWORK_SIMPLEX took 42 s for 1,000 nodes here; Brandes-Köpf takes about 2 s.
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children,
    edges,
  };
}

/** How many steps the farthest node is from the start node, each node reached by its shortest way (breadth first). */
export function stepsFromStart(doc: FlowDocument): number {
  const next = new Map<string, string[]>();
  for (const e of doc.edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  let frontier = doc.nodes.filter((n) => n.type === 'start').map((n) => n.id);
  const seen = new Set(frontier);
  let steps = 0;
  for (; frontier.length; steps++) {
    const following: string[] = [];
    for (const id of frontier) {
      for (const target of next.get(id) ?? []) {
        if (seen.has(target)) continue;
        seen.add(target);
        following.push(target);
      }
    }
    frontier = following;
  }
  return Math.max(steps - 1, 0);
}

/** The node positions of a laid-out graph. */
export function positionsOf(result: ElkNode): Record<string, Position> {
  const positions: Record<string, Position> = {};
  for (const child of result.children ?? [])
    positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  return positions;
}
