import { describe, expect, it } from 'vitest';
import { estimateCard } from '../../../app/_components/editor/canvas/card-geometry';
import { newCanvasCache, toCanvasNodes } from '../../../app/_components/editor/canvas/to-react-flow';
import { nodeView } from '../../../app/_components/nodes/node-view';
import type { FlowNode } from '../../../flow-engine/document';
import { sampleFlow } from './sample-flow';

const setNode: FlowNode = {
  id: 'set1',
  type: 'set',
  position: { x: 0, y: 0 },
  config: { assignments: [{ variable: 'score', value: 'score + 1' }] },
};
const conditionNode: FlowNode = {
  id: 'condition2',
  type: 'condition',
  position: { x: 0, y: 0 },
  config: {
    rules: [
      { name: 'vip', when: 'tier == "vip"' },
      { name: 'many', when: 'score > 100' },
    ],
  },
};
const menuNode: FlowNode = {
  id: 'menu50',
  type: 'menu',
  position: { x: 0, y: 0 },
  config: { prompt: { tts: { 'en-US': 'Press 1 or 2' } }, options: [{ key: '1' }, { key: '2' }] },
};

// The figures the cards measured in chromium (the 1,000-node bench flow at zoom 1): outer height, and the top of each
// handle relative to the card. The estimate must land within a pixel of them.
describe('card geometry', () => {
  it('matches the drawn card: height and handle rows for one, three and four ports', () => {
    const set = estimateCard(nodeView(setNode), true);
    expect(set.height).toBeCloseTo(106, -0.3);
    expect(set.handles.find((h) => h.id === 'next')?.y).toBeCloseTo(84, -0.3);
    expect(set.handles.find((h) => h.type === 'target')?.y).toBeCloseTo(48.2, -0.3);

    const condition = estimateCard(nodeView(conditionNode), true);
    expect(condition.height).toBeCloseTo(148, -0.3);
    expect(condition.handles.filter((h) => h.type === 'source').map((h) => h.id)).toEqual(['vip', 'many', 'else']);
    expect(condition.handles.filter((h) => h.type === 'source').map((h) => Math.round(h.y))).toEqual([84, 105, 126]);

    expect(estimateCard(nodeView(menuNode), true).height).toBeCloseTo(169, -0.3);
  });

  it('gives the start node no way in and a hangup no ways out', () => {
    const [start, , , bye] = sampleFlow().nodes;
    expect(estimateCard(nodeView(start!), false).handles.map((h) => h.type)).toEqual(['source']);
    expect(estimateCard(nodeView(bye!), true).handles.map((h) => h.type)).toEqual(['target']);
  });

  it('never estimates a whole-pixel width, so the browser measurement always replaces it', () => {
    expect(Number.isInteger(estimateCard(nodeView(setNode), true).width)).toBe(false);
  });
});

describe('toCanvasNodes sizes', () => {
  it('gives an unmeasured node the estimate (size and handles) and a measured one only its measured size', () => {
    const flow = sampleFlow();
    const cache = newCanvasCache();
    const [estimated] = toCanvasNodes(flow.nodes, [], {}, cache);
    expect(estimated!.measured?.width).toBe(260.5);
    expect(estimated!.handles?.map((h) => h.id)).toEqual(['next']);

    const measured = { start: { width: 180, height: 106 } };
    const [drawn] = toCanvasNodes(flow.nodes, [], measured, cache);
    expect(drawn!.measured).toEqual({ width: 180, height: 106 });
    expect(drawn!.handles).toBeUndefined();
    // Unchanged inputs keep the same objects (React Flow skips them).
    expect(toCanvasNodes(flow.nodes, [], measured, cache)[0]).toBe(drawn);
  });
});
