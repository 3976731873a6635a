// New nodes placed clear of the ones already on the canvas (paste, palette entry by keyboard), with each node's box
// as the canvas draws it: its measured size, or the card's estimate before it is drawn.

import type { FlowNode } from '../../../../flow-engine/document';
import { nodeView } from '../../nodes/node-view';
import { estimateCard } from './card-geometry';
import { boundsOf, freeOffset, type Box } from './free-spot';

type Sizes = Readonly<Record<string, { width: number; height: number }>>;

/** The box a node covers on the canvas. */
export function nodeBox(node: FlowNode, measured: Sizes): Box {
  const size = measured[node.id] ?? estimateCard(nodeView(node), node.type !== 'start');
  return { x: node.position.x, y: node.position.y, width: size.width, height: size.height };
}

/**
 * `added` moved together (their shape kept) to the nearest place where none covers a node of `present`.
 * @example
 * const [menu] = placeClear(doc.nodes, measured, [newMenuAtViewCentre]); // below or beside whatever was there
 */
export function placeClear(present: readonly FlowNode[], measured: Sizes, added: readonly FlowNode[]): FlowNode[] {
  const offset = freeOffset(
    present.map((n) => nodeBox(n, measured)),
    added.map((n) => nodeBox(n, measured)),
  );
  if (offset.x === 0 && offset.y === 0) return [...added];
  return added.map((n) => ({ ...n, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } }));
}

/** The box around the given nodes of the document (undefined when none is there). */
export function boxOfNodes(nodes: readonly FlowNode[], ids: readonly string[], measured: Sizes): Box | undefined {
  const wanted = new Set(ids);
  const boxes = nodes.filter((n) => wanted.has(n.id)).map((n) => nodeBox(n, measured));
  return boxes.length ? boundsOf(boxes) : undefined;
}
