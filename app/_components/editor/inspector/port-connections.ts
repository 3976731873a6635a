// The selected node's exits and where each leads, and the command that points an exit elsewhere: the keyboard's way
// to connect ports (the canvas needs a pointer to drag an edge).

import type { PortSpec } from '../../../../flow-engine/define-node';
import type { FlowDocument, FlowNode } from '../../../../flow-engine/document';
import { nodeView } from '../../nodes/node-view';
import type { EditorCommand } from '../commands/editor-command';
import { newElementId } from '../commands/new-id';
import { nodeBox, placeClear } from '../canvas/place-nodes';

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
  return doc.nodes
    .filter((n: FlowNode) => n.type !== 'start')
    .map((n) => ({ id: n.id, type: n.type, ...(n.label ? { label: n.label } : {}) }));
}

/**
 * The command that makes `port` of `nodeId` lead to `target` (undefined: disconnect), or undefined when that is
 * already so. A re-pointed exit keeps its edge id (ids stay stable); a new one gets a fresh id.
 * @example
 * connectionCommand(doc, 'menu', '1', 'orders'); // { kind: 'connect', edge: { id: 'e2', source: 'menu', port: '1', target: 'orders' } }
 */
export function connectionCommand(
  doc: FlowDocument,
  nodeId: string,
  port: string,
  target: string | undefined,
): EditorCommand | undefined {
  const existing = doc.edges.find((e) => e.source === nodeId && e.port === port);
  if (target === undefined)
    return existing ? { kind: 'removeElements', nodeIds: [], edgeIds: [existing.id] } : undefined;
  if (existing?.target === target) return undefined;
  if (!doc.nodes.some((n) => n.id === target && n.type !== 'start')) return undefined;
  const id = existing?.id ?? newElementId('e', new Set(doc.edges.map((e) => e.id)));
  return { kind: 'connect', edge: { id, source: nodeId, port, target } };
}

/** Horizontal gap between a node and one added from its exit; exits further down the card get rows further down. */
const NEXT_GAP_X = 120;
const NEXT_ROW_Y = 160;

/**
 * The commands that add a new node of `type` (with `config`) to the right of `nodeId`, on the row of the exit's
 * position among the node's exits, moved clear of other nodes, with `port` leading to it. A free exit is one command
 * (one undo step); an exit that led elsewhere is re-pointed by a second one.
 * @example
 * addFromPort(doc, {}, 'menu', '2', 'queue', { skillGroup: { ref: '' } }); // { id: 'queue1', commands: [addElements] }
 */
export function addFromPort(
  doc: FlowDocument,
  measured: Readonly<Record<string, { width: number; height: number }>>,
  nodeId: string,
  port: string,
  type: string,
  config: Record<string, unknown>,
): { id: string; commands: EditorCommand[] } | undefined {
  const source = doc.nodes.find((n) => n.id === nodeId);
  if (!source || type === 'start') return undefined;
  const row = Math.max(
    0,
    portConnections(doc, nodeId).findIndex((c) => c.port.name === port),
  );
  const box = nodeBox(source, measured);
  const id = newElementId(type, new Set(doc.nodes.map((n) => n.id)));
  const wanted: FlowNode = {
    id,
    type,
    position: { x: box.x + box.width + NEXT_GAP_X, y: box.y + row * NEXT_ROW_Y },
    config,
  };
  const [node = wanted] = placeClear(doc.nodes, measured, [wanted]);
  const existing = doc.edges.find((e) => e.source === nodeId && e.port === port);
  if (existing) {
    return {
      id,
      commands: [
        { kind: 'addElements', nodes: [node], edges: [] },
        { kind: 'reconnect', edgeId: existing.id, source: nodeId, port, target: id },
      ],
    };
  }
  const edge = { id: newElementId('e', new Set(doc.edges.map((e) => e.id))), source: nodeId, port, target: id };
  return { id, commands: [{ kind: 'addElements', nodes: [node], edges: [edge] }] };
}

/**
 * The exits of `nodeId` that are not connected yet and must be (an exit that may end the call, such as a queue's
 * "answered", is left alone).
 */
export function freeExits(doc: FlowDocument, nodeId: string): PortConnection[] {
  return portConnections(doc, nodeId).filter((c) => c.target === undefined && !c.port.mayEnd);
}

/**
 * The command that makes every free exit of `nodeId` (`freeExits`) lead to `target`, as one undo step (failure exits
 * — no input, invalid, error, timeout — often share one destination), or undefined when none is free or `target`
 * cannot be entered.
 * @example
 * connectFreeExits(doc, 'menu', 'bye'); // { kind: 'addElements', nodes: [], edges: [menu·noInput → bye, menu·invalid → bye] }
 */
export function connectFreeExits(doc: FlowDocument, nodeId: string, target: string): EditorCommand | undefined {
  if (!doc.nodes.some((n) => n.id === target && n.type !== 'start')) return undefined;
  const free = freeExits(doc, nodeId);
  if (free.length === 0) return undefined;
  const taken = new Set(doc.edges.map((e) => e.id));
  const edges = free.map(({ port }) => {
    const id = newElementId('e', taken);
    taken.add(id);
    return { id, source: nodeId, port: port.name, target };
  });
  return { kind: 'addElements', nodes: [], edges };
}
