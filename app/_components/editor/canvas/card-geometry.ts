// The size and handle positions a node card will have, worked out from its ports before it is drawn. React Flow
// culls by size, so a node given an estimate is never drawn while off-screen; without one, every node of a 1,000-node
// flow is drawn once (to be measured) and then removed. Kept in step with `.cf-node*` in editor.css (line heights are
// pinned there); a browser measurement replaces the estimate as soon as the card is drawn.

import type { NodeHandle } from '@xyflow/react';
import { Position } from '@xyflow/react';
import type { NodeView } from '../../nodes/node-view';

/** The card's line height (editor.css pins `.cf-node { line-height: 1.5715 }`, antd's body text). */
const lineHeight = 1.5715;
const border = 1;
/** Header: 4 px accent strip, 6 px above and 2 px below a 13 px label line. */
const header = 4 + 6 + 13 * lineHeight + 2;
const typeLine = 11 * lineHeight;
/** Summary: 2 px above, 4 px below a 12 px line. */
const summaryLine = 2 + 12 * lineHeight + 4;
/** Port list: a 1 px rule and 2 px above, 6 px below the rows; each row is a 12 px line with 1 px above and below. */
const portsFrame = 1 + 2 + 6;
const portRow = 1 + 12 * lineHeight + 1;
const handleSize = 10;
/**
 * The widest card (`max-width: 260px`), plus half a pixel. Wide, so a node partly in view is never culled by a
 * short estimate; never a whole number, so the browser's measurement (whole pixels) always differs from the
 * estimate and replaces it.
 */
const estimatedWidth = 260.5;

export interface CardBox {
  width: number;
  height: number;
  handles: NodeHandle[];
}

/**
 * The card a node's view draws: its outer size and a handle per port (right side, one per row) plus the way in.
 * @example
 * estimateCard({ ports: [{ name: 'next', label: 'next' }], summary: 'score = score + 1', incomplete: false }, true).height; // ≈ 106.4
 */
export function estimateCard(view: NodeView, hasTarget: boolean): CardBox {
  const rowsTop = border + header + typeLine + (view.summary ? summaryLine : 0);
  const height = rowsTop + (view.ports.length ? portsFrame + view.ports.length * portRow : 0) + border;
  const handles: NodeHandle[] = view.ports.map((port, i) => ({
    id: port.name,
    type: 'source',
    position: Position.Right,
    x: estimatedWidth - 6,
    y: rowsTop + 3 + i * portRow + portRow / 2 - handleSize / 2,
    width: handleSize,
    height: handleSize,
  }));
  if (hasTarget)
    handles.push({
      id: null,
      type: 'target',
      position: Position.Left,
      x: -4,
      y: height / 2 - handleSize / 2,
      width: handleSize,
      height: handleSize,
    });
  return { width: estimatedWidth, height, handles };
}
