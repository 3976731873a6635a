// The selected node's exits and where each leads, and the command that points an exit elsewhere: the keyboard's way
// to connect ports (the canvas needs a pointer to drag an edge).

import type { PortSpec } from '../../../../flow-engine/define-node';
import type { FlowDocument, FlowNode } from '../../../../flow-engine/document';
import { nodeView } from '../../nodes/node-view';
import type { EditorCommand } from '../commands/editor-command';
import { newElementId } from '../commands/new-id';

export interface PortConnection {
  port: PortSpec;
  /** The node this exit leads to (undefined: not connected). */
  target?: string;
}

export interface TargetOption {
  id: string;
  /** The node's label; the type title stands in when it has none (the caller translates). */
  label?: string;
  type: string;
}

/** Each exit of `nodeId` as the canvas draws it, with the node its edge leads to. */
export function portConnections(doc: FlowDocument, nodeId: string): PortConnection[] {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (!node) return [];
  return nodeView(node).ports.map((port) => {
    const edge = doc.edges.find((e) => e.source === nodeId && e.port === port.name);
    return { port, ...(edge ? { target: edge.target } : {}) };
  });
}

/** Nodes an exit may lead to: every node but the start node (nothing enters it), in document order. */
export function targetOptions(doc: FlowDocument): TargetOption[] {
  return doc.nodes.filter((n: FlowNode) => n.type !== 'start').map((n) => ({ id: n.id, type: n.type, ...(n.label ? { label: n.label } : {}) }));
}

/**
 * The command that makes `port` of `nodeId` lead to `target` (undefined: disconnect), or undefined when that is
 * already so. A re-pointed exit keeps its edge id (ids stay stable); a new one gets a fresh id.
 * @example
 * connectionCommand(doc, 'menu', '1', 'orders'); // { kind: 'connect', edge: { id: 'e2', source: 'menu', port: '1', target: 'orders' } }
 */
export function connectionCommand(doc: FlowDocument, nodeId: string, port: string, target: string | undefined): EditorCommand | undefined {
  const existing = doc.edges.find((e) => e.source === nodeId && e.port === port);
  if (target === undefined) return existing ? { kind: 'removeElements', nodeIds: [], edgeIds: [existing.id] } : undefined;
  if (existing?.target === target) return undefined;
  if (!doc.nodes.some((n) => n.id === target && n.type !== 'start')) return undefined;
  const id = existing?.id ?? newElementId('e', new Set(doc.edges.map((e) => e.id)));
  return { kind: 'connect', edge: { id, source: nodeId, port, target } };
}
