// The command layer: each command's effect on the document, and identity kept where nothing changed.

import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../app/_components/editor/commands/apply-command';
import { sampleFlow } from './sample-flow';

describe('applyCommand', () => {
  it('connecting a port that already has an edge replaces that edge (a port has one exit)', () => {
    const doc = applyCommand(sampleFlow(), {
      kind: 'connect',
      edge: { id: 'new', source: 'menu', port: '1', target: 'bye' },
    });
    const fromKey1 = doc.edges.filter((e) => e.source === 'menu' && e.port === '1');
    expect(fromKey1).toEqual([{ id: 'new', source: 'menu', port: '1', target: 'bye' }]);
    expect(doc.edges).toHaveLength(3);
  });

  it('removing a node removes the edges touching it, and the start node is kept', () => {
    const doc = applyCommand(sampleFlow(), { kind: 'removeElements', nodeIds: ['menu', 'start'], edgeIds: [] });
    expect(doc.nodes.map((n) => n.id)).toEqual(['start', 'orders', 'bye']);
    expect(doc.edges).toEqual([]);
  });

  it('reconnect keeps the edge id and moves its ends', () => {
    const doc = applyCommand(sampleFlow(), {
      kind: 'reconnect',
      edgeId: 'e3',
      source: 'menu',
      port: '2',
      target: 'orders',
    });
    expect(doc.edges.find((e) => e.id === 'e3')).toEqual({ id: 'e3', source: 'menu', port: '2', target: 'orders' });
  });

  it('moving nodes replaces only the moved nodes; the others keep their identity', () => {
    const before = sampleFlow();
    const doc = applyCommand(before, { kind: 'moveNodes', positions: { orders: { x: 10, y: 20 } } });
    expect(doc.nodes[2]!.position).toEqual({ x: 10, y: 20 });
    expect(doc.nodes[0]).toBe(before.nodes[0]);
    expect(doc.nodes[1]).toBe(before.nodes[1]);
  });

  it('a command that changes nothing returns the same document', () => {
    const before = sampleFlow();
    expect(applyCommand(before, { kind: 'setNodeLabel', nodeId: 'menu', label: 'Main menu' })).toBe(before);
    expect(applyCommand(before, { kind: 'moveNodes', positions: { menu: { x: 250, y: 0 } } })).toBe(before);
    expect(applyCommand(before, { kind: 'removeElements', nodeIds: ['nope'], edgeIds: [] })).toBe(before);
  });

  it('an empty label or note removes the field', () => {
    let doc = applyCommand(sampleFlow(), { kind: 'setNodeNote', nodeId: 'orders', note: 'Check with billing' });
    expect(doc.nodes[2]!.note).toBe('Check with billing');
    doc = applyCommand(doc, { kind: 'setNodeNote', nodeId: 'orders', note: '  ' });
    expect(doc.nodes[2]).not.toHaveProperty('note');
    doc = applyCommand(doc, { kind: 'setNodeLabel', nodeId: 'orders', label: '' });
    expect(doc.nodes[2]).not.toHaveProperty('label');
  });

  it('adding elements skips ids already taken and variables already declared', () => {
    const doc = applyCommand(sampleFlow(), {
      kind: 'addElements',
      nodes: [
        { id: 'menu', type: 'play', position: { x: 0, y: 0 }, config: {} },
        { id: 'extra', type: 'hangup', position: { x: 0, y: 0 }, config: {} },
      ],
      edges: [],
      variables: [
        { name: 'orderId', type: 'number' },
        { name: 'tier', type: 'string' },
      ],
    });
    expect(doc.nodes.map((n) => n.id)).toEqual(['start', 'menu', 'orders', 'bye', 'extra']);
    expect(doc.nodes[1]!.type).toBe('menu');
    expect(doc.variables).toEqual([
      { name: 'orderId', type: 'string' },
      { name: 'tier', type: 'string' },
    ]);
  });

  it('updateFlow replaces only the given top-level fields', () => {
    const doc = applyCommand(sampleFlow(), {
      kind: 'updateFlow',
      patch: { name: 'Renamed', languages: ['en-US', 'zh-CN'] },
    });
    expect(doc.name).toBe('Renamed');
    expect(doc.languages).toEqual(['en-US', 'zh-CN']);
    expect(doc.nodes).toHaveLength(4);
  });
});
