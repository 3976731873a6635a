// Auto-layout input: ELK lays the flow out left to right and keeps each node's ports in the order it draws them.

import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { layoutGraph, positionsOf } from '../../../app/_components/editor/layout/layout-graph';
import { sampleFlow } from './sample-flow';

describe('layoutGraph', () => {
  it('gives each node an in port and one out port per node port, in order, and skips edges from unknown ports', () => {
    const doc = sampleFlow();
    doc.edges.push({ id: 'stale', source: 'menu', port: '9', target: 'bye' });
    const graph = layoutGraph(doc, {});
    const menu = graph.children!.find((c) => c.id === 'menu')!;
    expect(menu.ports!.map((p) => p.id)).toEqual(['menu::in', 'menu::out::1', 'menu::out::2', 'menu::out::noInput', 'menu::out::invalid']);
    expect(graph.edges!.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
  });

  it('laid out by ELK, targets of key 1 sit above targets of key 2 and every edge goes left to right', async () => {
    const doc = sampleFlow();
    const positions = positionsOf(await new ELK().layout(layoutGraph(doc, {})));
    expect(Object.keys(positions).sort()).toEqual(['bye', 'menu', 'orders', 'start']);
    expect(positions.orders!.y).toBeLessThan(positions.bye!.y);
    for (const edge of doc.edges) expect(positions[edge.source]!.x).toBeLessThan(positions[edge.target]!.x);
  });
});
