// Connections from the inspector: each exit of the selected node, the nodes it may lead to, and the command a choice makes.

import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../app/_components/editor/commands/apply-command';
import {
  addFromPort,
  connectFreeExits,
  connectionCommand,
  freeExits,
  portConnections,
  targetOptions,
} from '../../../app/_components/editor/inspector/port-connections';
import { nodeBox } from '../../../app/_components/editor/canvas/place-nodes';
import { sampleFlow } from './sample-flow';

describe('port connections', () => {
  it('lists every exit of the node in the canvas order with the node it leads to', () => {
    const rows = portConnections(sampleFlow(), 'menu');
    expect(rows.map((r) => [r.port.name, r.target])).toEqual([
      ['1', 'orders'],
      ['2', 'bye'],
      ['noInput', undefined],
      ['invalid', undefined],
    ]);
    expect(portConnections(sampleFlow(), 'no-such-node')).toEqual([]);
  });

  it('offers every node but the start node, by label when it has one', () => {
    expect(targetOptions(sampleFlow())).toEqual([
      { id: 'menu', type: 'menu', label: 'Main menu' },
      { id: 'orders', type: 'play', label: 'Orders' },
      { id: 'bye', type: 'hangup' },
    ]);
  });

  it('connects a free exit with a new edge id, and the document then has it', () => {
    const doc = sampleFlow();
    const command = connectionCommand(doc, 'menu', 'noInput', 'bye');
    expect(command).toMatchObject({ kind: 'connect', edge: { source: 'menu', port: 'noInput', target: 'bye' } });
    if (command?.kind !== 'connect') throw new Error('expected connect');
    expect(doc.edges.map((e) => e.id)).not.toContain(command.edge.id);
    const next = applyCommand(doc, command);
    expect(portConnections(next, 'menu').find((r) => r.port.name === 'noInput')?.target).toBe('bye');
  });

  it('re-points a connected exit keeping its edge id, and replaces the old edge', () => {
    const doc = sampleFlow();
    const command = connectionCommand(doc, 'menu', '1', 'bye');
    expect(command).toEqual({ kind: 'connect', edge: { id: 'e2', source: 'menu', port: '1', target: 'bye' } });
    const next = applyCommand(doc, command!);
    expect(next.edges.filter((e) => e.source === 'menu' && e.port === '1')).toEqual([
      { id: 'e2', source: 'menu', port: '1', target: 'bye' },
    ]);
  });

  it('disconnects with removeElements, and does nothing when nothing would change', () => {
    const doc = sampleFlow();
    expect(connectionCommand(doc, 'menu', '2', undefined)).toEqual({
      kind: 'removeElements',
      nodeIds: [],
      edgeIds: ['e3'],
    });
    expect(connectionCommand(doc, 'menu', 'noInput', undefined)).toBeUndefined();
    expect(connectionCommand(doc, 'menu', '1', 'orders')).toBeUndefined();
    // The start node takes no entries; an unknown id is no target.
    expect(connectionCommand(doc, 'menu', '1', 'start')).toBeUndefined();
    expect(connectionCommand(doc, 'menu', '1', 'ghost')).toBeUndefined();
  });

  it('adds a new node from a free exit beside the node, clear of others, connected in one command', () => {
    const doc = sampleFlow();
    const added = addFromPort(doc, {}, 'menu', 'noInput', 'play', { prompt: { tts: { 'en-US': '' } } })!;
    expect(added.commands).toHaveLength(1);
    const after = applyCommand(doc, added.commands[0]!);
    const node = after.nodes.find((n) => n.id === added.id)!;
    const menu = after.nodes.find((n) => n.id === 'menu')!;
    expect(node.type).toBe('play');
    expect(node.position.x).toBeGreaterThan(menu.position.x);
    expect(after.edges).toContainEqual(expect.objectContaining({ source: 'menu', port: 'noInput', target: added.id }));
    // Its card covers no other card.
    const box = nodeBox(node, {});
    const covered = after.nodes
      .filter((n) => n.id !== node.id)
      .map((n) => nodeBox(n, {}))
      .filter(
        (b) => b.x < box.x + box.width && box.x < b.x + b.width && b.y < box.y + box.height && box.y < b.y + b.height,
      );
    expect(covered).toEqual([]);
  });

  it('re-points an exit that led elsewhere to the new node', () => {
    const doc = sampleFlow();
    const added = addFromPort(doc, {}, 'menu', '1', 'queue', { skillGroup: { ref: '' } })!;
    const after = added.commands.reduce(applyCommand, doc);
    expect(after.edges.filter((e) => e.source === 'menu' && e.port === '1').map((e) => e.target)).toEqual([added.id]);
    expect(after.nodes.map((n) => n.id)).toContain('orders');
    expect(addFromPort(doc, {}, 'menu', '1', 'start', {})).toBeUndefined();
  });

  it('sends every free exit to one node in one command, leaving connected exits as they were', () => {
    const doc = sampleFlow();
    const command = connectFreeExits(doc, 'menu', 'bye');
    expect(command).toMatchObject({ kind: 'addElements', nodes: [] });
    if (command?.kind !== 'addElements') throw new Error('expected addElements');
    expect(new Set(command.edges.map((e) => e.id)).size).toBe(2);
    expect(command.edges.filter((e) => doc.edges.some((d) => d.id === e.id))).toEqual([]);
    const after = applyCommand(doc, command);
    expect(portConnections(after, 'menu').map((r) => [r.port.name, r.target])).toEqual([
      ['1', 'orders'],
      ['2', 'bye'],
      ['noInput', 'bye'],
      ['invalid', 'bye'],
    ]);
    // Nothing free, the start node or an unknown id: no command.
    expect(connectFreeExits(after, 'menu', 'bye')).toBeUndefined();
    expect(connectFreeExits(doc, 'menu', 'start')).toBeUndefined();
    expect(connectFreeExits(doc, 'menu', 'ghost')).toBeUndefined();
  });

  it('leaves exits that may end the call free: the answered exit of a queue', () => {
    const doc = sampleFlow();
    doc.nodes.push({ id: 'q', type: 'queue', position: { x: 250, y: 300 }, config: { skillGroup: { ref: 'sales' } } });
    expect(freeExits(doc, 'q').map((c) => c.port.name)).toEqual(['overflow', 'noAgents', 'callback']);
    const command = connectFreeExits(doc, 'q', 'bye');
    if (command?.kind !== 'addElements') throw new Error('expected addElements');
    expect(command.edges.map((e) => e.port)).toEqual(['overflow', 'noAgents', 'callback']);
  });
});
