// freeOffset() / placeClear(): nodes added without a drop point land as near as possible to where they were wanted
// without covering a node already there (a paste once covered the start node entirely).

import { describe, expect, it } from 'vitest';
import { freeOffset, type Box } from '../../../app/_components/editor/canvas/free-spot';
import { nodeBox, placeClear } from '../../../app/_components/editor/canvas/place-nodes';
import type { FlowNode } from '../../../flow-engine/document';

const touches = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const box = (x: number, y: number, width = 260, height = 100): Box => ({ x, y, width, height });

describe('freeOffset', () => {
  it('keeps a block that covers nothing where it is', () => {
    expect(freeOffset([box(0, 0)], [box(600, 0)])).toEqual({ x: 0, y: 0 });
    expect(freeOffset([], [box(0, 0)])).toEqual({ x: 0, y: 0 });
  });

  it('moves a block that would cover a node to the nearest free place, keeping its shape', () => {
    const existing = [box(0, 0), box(0, 160), box(320, 0)];
    const block = [box(10, 10), box(10, 170)];
    const offset = freeOffset(existing, block);
    expect(offset).not.toEqual({ x: 0, y: 0 });
    for (const moved of block.map((b) => ({ ...b, x: b.x + offset.x, y: b.y + offset.y }))) {
      for (const other of existing) expect(touches(moved, other)).toBe(false);
    }
    // Near: within a few steps of where it was wanted, not far away.
    expect(Math.hypot(offset.x, offset.y)).toBeLessThan(700);
  });

  it('finds room in a crowded area ring by ring', () => {
    const existing: Box[] = [];
    for (let x = -600; x <= 600; x += 300) for (let y = -400; y <= 400; y += 130) existing.push(box(x, y));
    const offset = freeOffset(existing, [box(0, 0)]);
    const moved = box(offset.x, offset.y);
    for (const other of existing) expect(touches(moved, other)).toBe(false);
  });
});

describe('placeClear', () => {
  const node = (id: string, x: number, y: number): FlowNode => ({ id, type: 'hangup', position: { x, y }, config: {} });

  it('moves pasted nodes off the start node together, and leaves the document’s nodes alone', () => {
    const present = [{ id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} }, node('end', 0, 160)];
    const pasted = [node('copy1', 20, 20), node('copy2', 20, 180)];
    const placed = placeClear(present, {}, pasted);
    expect(placed[1]!.position.x - placed[0]!.position.x).toBe(0);
    expect(placed[1]!.position.y - placed[0]!.position.y).toBe(160);
    for (const p of placed)
      for (const other of present) expect(touches(nodeBox(p, {}), nodeBox(other, {}))).toBe(false);
  });

  it('uses the measured size of a drawn node', () => {
    const present = [node('wide', 0, 0)];
    const placed = placeClear(present, { wide: { width: 900, height: 60 } }, [node('new', 500, 10)]);
    expect(touches(nodeBox(placed[0]!, {}), nodeBox(present[0]!, { wide: { width: 900, height: 60 } }))).toBe(false);
  });
});
