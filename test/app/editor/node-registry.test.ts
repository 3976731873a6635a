// The studio's node registry: one entry per engine node type, each in its own folder (app/_components/nodes/<type>/
// index.ts) with an icon, the accent of its category, a new-node config and its own inspector form; a dropped node
// shows its ports at once.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeDefinitions, nodeTypes } from '../../../flow-engine/nodes/index';
import { nodeUi } from '../../../app/_components/nodes/index';
import { accents, formLoader, type NodeForm } from '../../../app/_components/nodes/node-ui';
import { nodeView } from '../../../app/_components/nodes/node-view';

const nodesFolder = new URL('../../../app/_components/nodes/', import.meta.url);
// Loaded as the file loads (antd, react-hook-form, the form kit: slow on a busy machine), as a static import would be.
const forms = await Promise.all(nodeTypes.map((type) => nodeUi[type].inspector()));

describe('node UI registry', () => {
  it('has exactly one entry per engine node type, and each is the one its type folder exports', async () => {
    expect(Object.keys(nodeUi).sort()).toEqual([...nodeTypes].sort());
    const folders = readdirSync(nodesFolder, { withFileTypes: true }).filter(
      (e) => e.isDirectory() && readdirSync(new URL(`${e.name}/`, nodesFolder)).includes('index.ts'),
    );
    expect(folders.map((f) => f.name).sort()).toEqual([...nodeTypes].sort());
    for (const type of nodeTypes) {
      const entry: Record<string, unknown> = await import(`../../../app/_components/nodes/${type}/index.ts`);
      expect(Object.values(entry), type).toEqual([nodeUi[type]]);
    }
  });

  it('is the studio’s only table keyed by node type', () => {
    const appFolder = new URL('../../../app/', import.meta.url);
    const sources = readdirSync(appFolder, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    const perType = /Record<\s*NodeType\b|\[\s*\w+\s+in\s+NodeType\s*\]/;
    const tables = sources.filter((file) => perType.test(readFileSync(new URL(file, appFolder), 'utf8')));
    expect(tables).toEqual(['_components/nodes/index.ts']);
  });

  it('gives every entry an icon, the accent of its category and a new-node config', () => {
    for (const type of nodeTypes) {
      expect(nodeUi[type].icon, type).toBeTruthy();
      expect(nodeUi[type].accent, type).toBe(accents[nodeDefinitions[type].category]);
      expect(typeof nodeUi[type].newConfig(['en-US'])).toBe('object');
    }
  });

  it('loads each type’s own inspector form, once', async () => {
    for (const [i, type] of nodeTypes.entries()) {
      expect(typeof forms[i], type).toBe('function');
      expect(nodeUi[type].inspector.loaded, type).toBe(forms[i]);
      expect(await nodeUi[type].inspector(), type).toBe(forms[i]);
    }
    expect(new Set(forms).size).toBe(nodeTypes.length);
    // One chunk of forms, and nothing in it that no entry picks.
    const chunk: Record<string, unknown> = await import('../../../app/_components/nodes/forms');
    expect(new Set(Object.values(chunk))).toEqual(new Set(forms));
  });

  it('loads a form once, and again after a failed load', async () => {
    const form: NodeForm = () => null;
    const outcomes: (NodeForm | Error)[] = [new Error('chunk lost'), form];
    let loads = 0;
    const loader = formLoader(async () => {
      const next = outcomes[loads++]!;
      if (next instanceof Error) throw next;
      return next;
    });
    await expect(loader()).rejects.toThrow('chunk lost');
    expect(loader.loaded).toBeUndefined();
    expect(await loader()).toBe(form);
    expect(await loader()).toBe(form);
    expect(loader.loaded).toBe(form);
    expect(loads).toBe(2);
  });

  it('every new node from the palette has at least one port, except hang-up', () => {
    for (const type of nodeTypes) {
      const view = nodeView({
        id: 'n',
        type,
        position: { x: 0, y: 0 },
        config: nodeUi[type].newConfig(['en-US', 'zh-CN']),
      });
      if (type === 'hangup') expect(view.ports).toEqual([]);
      else expect(view.ports.length, type).toBeGreaterThan(0);
    }
  });

  it('a new menu has one port per key plus noInput and invalid, though its prompt is still empty', () => {
    const view = nodeView({
      id: 'm',
      type: 'menu',
      position: { x: 0, y: 0 },
      config: nodeUi.menu.newConfig(['en-US']),
    });
    expect(view.ports.map((p) => p.name)).toEqual(['1', '2', 'noInput', 'invalid']);
    expect(view.incomplete).toBe(true);
  });

  it('a complete config gives the summary from the engine definition', () => {
    const view = nodeView({
      id: 'm',
      type: 'menu',
      position: { x: 0, y: 0 },
      config: { prompt: { tts: { 'en-US': 'Press 1' } }, options: [{ key: '1' }] },
    });
    expect(view.incomplete).toBe(false);
    expect(view.summary).toContain('Press 1');
  });
});
