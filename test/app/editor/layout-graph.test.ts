// Auto-layout input: ELK lays the flow out left to right and keeps each node's ports in the order it draws them;
// a template's branches get rows of their own, a very long flow is wrapped.

import { readFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import {
  layoutGraph,
  positionsOf,
  stepsFromStart,
  wrapAfterSteps,
} from '../../../app/_components/editor/layout/layout-graph';
import { generateEngineFlow } from '../../../bench/generate-flow';
import type { FlowDocument } from '../../../flow-engine/document';
import { sampleFlow } from './sample-flow';

describe('layoutGraph', () => {
  it('gives each node an in port and one out port per node port, in order, and skips edges from unknown ports', () => {
    const doc = sampleFlow();
    doc.edges.push({ id: 'stale', source: 'menu', port: '9', target: 'bye' });
    const graph = layoutGraph(doc, {});
    const menu = graph.children!.find((c) => c.id === 'menu')!;
    expect(menu.ports!.map((p) => p.id)).toEqual([
      'menu::in',
      'menu::out::1',
      'menu::out::2',
      'menu::out::noInput',
      'menu::out::invalid',
    ]);
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

describe('layoutGraph of whole flows', () => {
  const template = (name: string) =>
    JSON.parse(readFileSync(new URL(`../../../templates/${name}.json`, import.meta.url), 'utf8')) as FlowDocument;

  it('a hotline template comes out wider than tall, the main menu’s branches right of it, one row each', async () => {
    const doc = template('small-business');
    const graph = layoutGraph(doc, {});
    expect(graph.layoutOptions!['elk.layered.wrapping.strategy']).toBeUndefined();
    const positions = positionsOf(await new ELK().layout(graph));
    const xs = Object.values(positions).map((p) => p.x);
    const ys = Object.values(positions).map((p) => p.y);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(2 * (Math.max(...ys) - Math.min(...ys)));
    const branches = [
      ...new Set(doc.edges.filter((e) => e.source === 'mainMenu' && e.target !== 'mainMenu').map((e) => e.target)),
    ];
    expect(branches.length).toBeGreaterThanOrEqual(3);
    for (const id of branches) expect(positions[id]!.x).toBeGreaterThan(positions.mainMenu!.x);
    expect(new Set(branches.map((id) => positions[id]!.y)).size).toBe(branches.length);
  });

  it('counts steps from the start by the shortest way, and wraps a flow longer than wrapAfterSteps into rows', async () => {
    expect(stepsFromStart(sampleFlow())).toBe(2);
    const short = generateEngineFlow(wrapAfterSteps);
    expect(layoutGraph(short, {}).layoutOptions!['elk.layered.wrapping.strategy']).toBeUndefined();
    const long = generateEngineFlow(120);
    expect(stepsFromStart(long)).toBe(119);
    const graph = layoutGraph(long, {});
    expect(graph.layoutOptions!['elk.layered.wrapping.strategy']).toBe('MULTI_EDGE');
    const positions = Object.values(positionsOf(await new ELK().layout(graph)));
    const width = Math.max(...positions.map((p) => p.x)) - Math.min(...positions.map((p) => p.x));
    const height = Math.max(...positions.map((p) => p.y)) - Math.min(...positions.map((p) => p.y));
    // Unwrapped, 120 steps of ~310 px are 37,000 px long and one node high.
    expect(width).toBeLessThan(15_000);
    expect(width / height).toBeLessThan(8);
  }, 120_000);
});
