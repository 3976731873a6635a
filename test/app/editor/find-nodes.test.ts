// Find a node: by label, id, prompt text or variable, labels first.

import { describe, expect, it } from 'vitest';
import { findNodes } from '../../../app/_components/editor/find/find-nodes';
import { sampleFlow } from './sample-flow';

describe('findNodes', () => {
  it('finds by label, case-insensitively', () => {
    expect(findNodes(sampleFlow(), 'main MENU')).toEqual([{ nodeId: 'menu', field: 'label', text: 'Main menu' }]);
  });

  it('finds by id', () => {
    expect(findNodes(sampleFlow(), 'bye')).toEqual([{ nodeId: 'bye', field: 'id', text: 'bye' }]);
  });

  it('finds by prompt text', () => {
    expect(findNodes(sampleFlow(), 'to leave')).toEqual([
      { nodeId: 'menu', field: 'prompt', text: 'Press 1 for orders, 2 to leave' },
    ]);
  });

  it('finds by a variable a prompt reads, and ranks label matches first', () => {
    const matches = findNodes(sampleFlow(), 'order');
    expect(matches.map((m) => [m.nodeId, m.field])).toEqual([
      ['orders', 'label'],
      ['menu', 'prompt'],
    ]);
    expect(findNodes(sampleFlow(), 'orderId').map((m) => m.nodeId)).toEqual(['orders']);
  });

  it('an empty query finds nothing', () => {
    expect(findNodes(sampleFlow(), '  ')).toEqual([]);
  });
});
