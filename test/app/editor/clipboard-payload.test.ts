// Copy/paste: a copy carries its inner edges and the variables it uses; a paste gets new ids and names what the target lacks.

import { describe, expect, it } from 'vitest';
import { copyNodes, isClipboardPayload, planPaste } from '../../../app/_components/editor/clipboard/clipboard-payload';
import { applyCommand } from '../../../app/_components/editor/commands/apply-command';
import { sampleFlow } from './sample-flow';

describe('copy and paste', () => {
  it('a copy keeps only edges between copied nodes, never the start node, and the variables its prompts read', () => {
    const payload = copyNodes(sampleFlow(), ['start', 'menu', 'orders']);
    expect(payload.nodes.map((n) => n.id)).toEqual(['menu', 'orders']);
    expect(payload.edges.map((e) => e.id)).toEqual(['e2']);
    expect(payload.variables).toEqual([{ name: 'orderId', type: 'string' }]);
    expect(isClipboardPayload(JSON.parse(JSON.stringify(payload)))).toBe(true);
  });

  it('pasting into the same flow gives every node and edge a new id and keeps the shape at the drop point', () => {
    const doc = sampleFlow();
    const plan = planPaste(doc, copyNodes(doc, ['menu', 'orders']), { x: 1000, y: 500 });
    const ids = plan.command.nodes.map((n) => n.id);
    expect(ids.filter((id) => doc.nodes.some((n) => n.id === id))).toEqual([]);
    expect(plan.command.nodes.map((n) => n.position)).toEqual([
      { x: 1000, y: 500 },
      { x: 1250, y: 500 },
    ]);
    expect(plan.command.edges).toEqual([{ id: plan.command.edges[0]!.id, source: ids[0], port: '1', target: ids[1] }]);
    expect(plan.missingVariables).toEqual([]);
    const after = applyCommand(doc, plan.command);
    expect(after.nodes).toHaveLength(6);
    expect(after.edges).toHaveLength(4);
  });

  it('pasting into another flow lists the variables that flow does not declare', () => {
    const target = { ...sampleFlow(), id: 'other', variables: [] };
    const plan = planPaste(target, copyNodes(sampleFlow(), ['orders']), { x: 0, y: 0 });
    expect(plan.missingVariables).toEqual([{ name: 'orderId', type: 'string' }]);
  });

  it('a copy lists the shared resources its nodes refer to', () => {
    const doc = sampleFlow();
    doc.nodes.push({ id: 'q', type: 'queue', position: { x: 0, y: 0 }, config: { skillGroup: { ref: 'sales' } } });
    expect(copyNodes(doc, ['q']).resources).toEqual([{ kind: 'skillGroup', key: 'sales' }]);
  });
});
