// Fit view: the whole flow in the canvas at any size, clear of the minimap and the zoom controls floating over it.

import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  fitMargin,
  fitViewport,
  type Box,
  type Viewport,
} from '../../../app/_components/editor/canvas/fit-viewport';

const canvas = { width: 800, height: 600 };
// React Flow's defaults: minimap 200×150 at the bottom right, controls 26×110 at the bottom left, 15 px from the edges.
const minimap: Box = { x: 585, y: 435, width: 200, height: 150 };
const controls: Box = { x: 15, y: 475, width: 26, height: 110 };

/** Where a flow box lands on the canvas. */
const onScreen = (b: Box, v: Viewport): Box => ({
  x: b.x * v.zoom + v.x,
  y: b.y * v.zoom + v.y,
  width: b.width * v.zoom,
  height: b.height * v.zoom,
});
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const insideCanvas = (b: Box) =>
  b.x >= 0 && b.y >= 0 && b.x + b.width <= canvas.width && b.y + b.height <= canvas.height;

/** A grid of nodes filling the given flow area. */
function grid(columns: number, rows: number): Box[] {
  const boxes: Box[] = [];
  for (let c = 0; c < columns; c++)
    for (let r = 0; r < rows; r++) boxes.push({ x: c * 220, y: r * 140, width: 180, height: 90 });
  return boxes;
}

describe('fitViewport', () => {
  it('boundsOf holds every box, and is undefined for none', () => {
    expect(
      boundsOf([
        { x: 10, y: 20, width: 5, height: 5 },
        { x: -5, y: 0, width: 10, height: 100 },
      ]),
    ).toEqual({ x: -5, y: 0, width: 20, height: 100 });
    expect(boundsOf([])).toBeUndefined();
  });

  it('a square grid of nodes fills the canvas with none under the minimap or the controls', () => {
    const nodes = grid(25, 40);
    const view = fitViewport(boundsOf(nodes)!, canvas, [minimap, controls], 1);
    for (const node of nodes) {
      const box = onScreen(node, view);
      expect(insideCanvas(box)).toBe(true);
      expect(overlaps(box, minimap)).toBe(false);
      expect(overlaps(box, controls)).toBe(false);
    }
  });

  it('a wide flow gives up the rows of the minimap, not its columns: it is drawn larger than beside the minimap', () => {
    const bounds = { x: 0, y: 0, width: 4000, height: 400 };
    const view = fitViewport(bounds, canvas, [minimap, controls], 1);
    expect(view.zoom).toBeCloseTo((canvas.width - 2 * fitMargin) / 4000, 5);
    expect(onScreen(bounds, view).y + 400 * view.zoom).toBeLessThanOrEqual(minimap.y);
  });

  it('has no lower zoom limit: 1,000 nodes in one row still fit', () => {
    const nodes = Array.from({ length: 1000 }, (_, i) => ({ x: i * 310, y: 0, width: 220, height: 90 }));
    const view = fitViewport(boundsOf(nodes)!, canvas, [minimap], 1);
    expect(view.zoom).toBeLessThan(0.01);
    for (const node of [nodes[0]!, nodes[999]!]) expect(insideCanvas(onScreen(node, view))).toBe(true);
  });

  it('never zooms past maxZoom, and centres a small flow in the free area', () => {
    const bounds = { x: 100, y: 100, width: 200, height: 100 };
    const view = fitViewport(bounds, canvas, [], 1);
    expect(view).toEqual({ x: 400 - 200, y: 300 - 150, zoom: 1 });
  });
});
