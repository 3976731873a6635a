// Where new nodes go when they are added without a drop point (a paste, a palette entry chosen by keyboard): as close
// as possible to the wanted place without covering a node already there. Pure, so it is tested without a browser.

import type { Position } from '../../../../flow-engine/document';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space kept around every node, so that cards do not touch and their ports stay clickable. */
const margin = 24;
/** The search moves the block in steps of this many flow pixels, ring after ring around the wanted place. */
const step = 40;
const maxRings = 60;

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width + margin &&
  b.x < a.x + a.width + margin &&
  a.y < b.y + b.height + margin &&
  b.y < a.y + a.height + margin;

/**
 * The offset to add to `block` (boxes of the new nodes, placed at the wanted spot) so that none of them overlaps an
 * `existing` box: {0, 0} when the wanted spot is free, else the nearest free step, searched ring by ring.
 * @example
 * freeOffset([{ x: 0, y: 0, width: 260, height: 100 }], [{ x: 10, y: 10, width: 260, height: 100 }]); // e.g. { x: 0, y: 120 }
 */
export function freeOffset(existing: readonly Box[], block: readonly Box[]): Position {
  if (block.length === 0) return { x: 0, y: 0 };
  const bounds = boundsOf(block);
  // Only boxes near the search area can be in the way.
  const reach = maxRings * step + margin;
  const near = existing.filter(
    (b) =>
      b.x < bounds.x + bounds.width + reach &&
      b.x + b.width > bounds.x - reach &&
      b.y < bounds.y + bounds.height + reach &&
      b.y + b.height > bounds.y - reach,
  );
  const fits = (dx: number, dy: number) =>
    block.every((box) => !near.some((other) => overlaps({ ...box, x: box.x + dx, y: box.y + dy }, other)));
  if (fits(0, 0)) return { x: 0, y: 0 };
  for (let ring = 1; ring <= maxRings; ring++) {
    // The cells of this ring, nearest first; below and to the right first among equals (a flow reads that way).
    const cells: Position[] = [];
    for (let i = -ring; i <= ring; i++) cells.push({ x: i, y: ring }, { x: i, y: -ring });
    for (let i = 1 - ring; i < ring; i++) cells.push({ x: ring, y: i }, { x: -ring, y: i });
    cells.sort((a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y) || b.y - a.y || b.x - a.x);
    for (const cell of cells) if (fits(cell.x * step, cell.y * step)) return { x: cell.x * step, y: cell.y * step };
  }
  // A flow packed this densely: below everything near.
  const bottom = Math.max(...near.map((b) => b.y + b.height));
  return { x: 0, y: bottom + margin - bounds.y };
}

/** The smallest box around all of `boxes` (which must not be empty). */
export function boundsOf(boxes: readonly Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}
