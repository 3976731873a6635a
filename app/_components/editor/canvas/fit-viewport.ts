// Where "fit view" puts the camera: every node inside the canvas, none under the minimap or the zoom controls.
// React Flow's own fitView ignores what floats over the canvas and stops at the canvas's minimum zoom, so a long
// flow (1,000 nodes laid out) was cut off and the minimap covered nodes at the bottom right.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Pixels kept free between the framed nodes and the canvas's edges or what floats over it. */
export const fitMargin = 16;

/** The smallest box holding every box (undefined for none). */
export function boundsOf(boxes: Iterable<Box>): Box | undefined {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return left === Infinity ? undefined : { x: left, y: top, width: right - left, height: bottom - top };
}

/** The free rectangle left when each floating box is cut away from the side nearer to it (left/right or top/bottom). */
function freeAreas(canvas: { width: number; height: number }, floating: readonly Box[]): Box[] {
  // Each floating box can be avoided by giving up the columns beside it or the rows above/below it: try every mix.
  let areas: Box[] = [{ x: 0, y: 0, width: canvas.width, height: canvas.height }];
  for (const f of floating) {
    const next: Box[] = [];
    for (const a of areas) {
      const right = a.x + a.width;
      const bottom = a.y + a.height;
      // Not overlapping this area: nothing to cut.
      if (f.x >= right || f.x + f.width <= a.x || f.y >= bottom || f.y + f.height <= a.y) {
        next.push(a);
        continue;
      }
      const fromLeft = f.x + f.width / 2 < canvas.width / 2;
      const fromTop = f.y + f.height / 2 < canvas.height / 2;
      const cutX = fromLeft ? { ...a, x: f.x + f.width, width: right - (f.x + f.width) } : { ...a, width: f.x - a.x };
      const cutY = fromTop
        ? { ...a, y: f.y + f.height, height: bottom - (f.y + f.height) }
        : { ...a, height: f.y - a.y };
      next.push(cutX, cutY);
    }
    areas = next.filter((a) => a.width > 0 && a.height > 0);
  }
  return areas;
}

/**
 * The viewport that shows all of `bounds` (flow coordinates) in the canvas, clear of the `floating` boxes (canvas
 * pixels: minimap, controls), centred in the free area that allows the largest zoom, never above `maxZoom`. There is
 * no lower limit: the whole flow is shown however large it is.
 * @example
 * fitViewport({ x: 0, y: 0, width: 2000, height: 400 }, { width: 800, height: 600 }, [minimapBox], 1);
 */
export function fitViewport(
  bounds: Box,
  canvas: { width: number; height: number },
  floating: readonly Box[],
  maxZoom: number,
): Viewport {
  let best: { area: Box; zoom: number } | undefined;
  for (const area of freeAreas(canvas, floating)) {
    const width = area.width - 2 * fitMargin;
    const height = area.height - 2 * fitMargin;
    if (width <= 0 || height <= 0) continue;
    const zoom = Math.min(maxZoom, width / Math.max(bounds.width, 1), height / Math.max(bounds.height, 1));
    if (!best || zoom > best.zoom) best = { area, zoom };
  }
  // A canvas too small for any free area: fit the whole canvas (floating boxes may then cover some nodes).
  const area = best?.area ?? { x: 0, y: 0, width: canvas.width, height: canvas.height };
  const zoom =
    best?.zoom ??
    Math.min(maxZoom, canvas.width / Math.max(bounds.width, 1), canvas.height / Math.max(bounds.height, 1));
  return {
    x: area.x + area.width / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: area.y + area.height / 2 - (bounds.y + bounds.height / 2) * zoom,
    zoom,
  };
}
