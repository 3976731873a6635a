// The studio's node UI registry covers every engine node type, and a dropped node shows its ports at once.

import { describe, expect, it } from 'vitest';
import { nodeTypes } from '../../../flow-engine/nodes/index';
import { nodeUi } from '../../../app/_components/nodes/index';
import { nodeView } from '../../../app/_components/nodes/node-view';
import { NodeInspector } from '../../../app/_components/nodes/lazy-node-inspector';

describe('node UI registry', () => {
  it('has an entry with an icon, an accent, a new-node config and the inspector for every engine node type', () => {
    expect(Object.keys(nodeUi).sort()).toEqual([...nodeTypes].sort());
    for (const type of nodeTypes) {
      expect(nodeUi[type].icon, type).toBeTruthy();
      expect(nodeUi[type].accent, type).toMatch(/^#[0-9a-f]{6}$/);
      expect(typeof nodeUi[type].newConfig(['en-US'])).toBe('object');
      expect(nodeUi[type].inspector, type).toBe(NodeInspector);
    }
  });

  it('every new node from the palette has at least one port, except hang-up', () => {
    for (const type of nodeTypes) {
      const view = nodeView({ id: 'n', type, position: { x: 0, y: 0 }, config: nodeUi[type].newConfig(['en-US', 'zh-CN']) });
      if (type === 'hangup') expect(view.ports).toEqual([]);
      else expect(view.ports.length, type).toBeGreaterThan(0);
    }
  });

  it('a new menu has one port per key plus noInput and invalid, though its prompt is still empty', () => {
    const view = nodeView({ id: 'm', type: 'menu', position: { x: 0, y: 0 }, config: nodeUi.menu.newConfig(['en-US']) });
    expect(view.ports.map((p) => p.name)).toEqual(['1', '2', 'noInput', 'invalid']);
    expect(view.incomplete).toBe(true);
  });

  it('a complete config gives the summary from the engine definition', () => {
    const view = nodeView({ id: 'm', type: 'menu', position: { x: 0, y: 0 }, config: { prompt: { tts: { 'en-US': 'Press 1' } }, options: [{ key: '1' }] } });
    expect(view.incomplete).toBe(false);
    expect(view.summary).toContain('Press 1');
  });
});
