// diffFlows(): structured changes between two flow versions, and its speed on 1,000-node flows.

import { describe, expect, it } from 'vitest';
import type { FlowDocument, FlowNode } from '../../../flow-engine/document';
import { diffFlows } from '../../../flow-engine/diff';

function baseFlow(): FlowDocument {
  return {
    schemaVersion: 1,
    id: 'retail-hotline',
    name: 'Retail hotline',
    languages: ['zh-CN', 'en-US'],
    defaultLanguage: 'zh-CN',
    variables: [{ name: 'orderId', type: 'string' }],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
      {
        id: 'menu',
        type: 'menu',
        label: 'Main menu',
        position: { x: 0, y: 100 },
        config: {
          prompt: { tts: { 'zh-CN': '请按键', 'en-US': 'Press a key' } },
          options: [{ key: '1' }, { key: '2', label: 'Billing' }],
        },
      },
      { id: 'bye', type: 'hangup', position: { x: 0, y: 200 }, config: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'menu' },
      { id: 'e2', source: 'menu', port: '1', target: 'bye' },
    ],
    tests: [{ name: 'press 1 hangs up', inputs: ['1'], expect: { end: 'bye' } }],
  };
}

const clone = (flow: FlowDocument): FlowDocument => structuredClone(flow);
const node = (flow: FlowDocument, id: string): FlowNode => flow.nodes.find((n) => n.id === id)!;

describe('diffFlows', () => {
  it('two equal documents are identical, even with nodes and edges in another order', () => {
    const a = baseFlow();
    const b = clone(a);
    b.nodes.reverse();
    b.edges.reverse();
    const diff = diffFlows(a, b);
    expect(diff.identical).toBe(true);
    expect(diff.nodes).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.summary.nodesChanged).toBe(0);
  });

  it('a changed menu key is reported with its JSON pointer and before/after values', () => {
    const a = baseFlow();
    const b = clone(a);
    (node(b, 'menu').config.options as { key: string }[])[1]!.key = '3';
    const diff = diffFlows(a, b);
    expect(diff.identical).toBe(false);
    expect(diff.nodes.changed).toEqual([
      {
        id: 'menu',
        type: 'menu',
        layoutOnly: false,
        fields: [{ kind: 'changed', path: '/config/options/1/key', before: '2', after: '3' }],
      },
    ]);
    expect(diff.summary).toMatchObject({ nodesChanged: 1, nodesMoved: 0, nodesAdded: 0 });
  });

  it('a moved node is a layout-only change, apart from content changes', () => {
    const a = baseFlow();
    const b = clone(a);
    node(b, 'bye').position = { x: 50, y: 250 };
    node(b, 'menu').position = { x: 10, y: 100 };
    node(b, 'menu').label = 'Welcome menu';
    const diff = diffFlows(a, b);
    expect(diff.nodes.changed).toEqual([
      {
        id: 'menu',
        type: 'menu',
        layoutOnly: false,
        fields: [{ kind: 'changed', path: '/label', before: 'Main menu', after: 'Welcome menu' }],
        position: { before: { x: 0, y: 100 }, after: { x: 10, y: 100 } },
      },
      {
        id: 'bye',
        type: 'hangup',
        layoutOnly: true,
        fields: [],
        position: { before: { x: 0, y: 200 }, after: { x: 50, y: 250 } },
      },
    ]);
    expect(diff.summary).toMatchObject({ nodesChanged: 1, nodesMoved: 1 });
  });

  it('added and removed nodes and edges, and a retargeted edge, are listed by id', () => {
    const a = baseFlow();
    const b = clone(a);
    b.nodes = b.nodes.filter((n) => n.id !== 'bye');
    b.nodes.push({
      id: 'thanks',
      type: 'play',
      position: { x: 0, y: 300 },
      config: { prompt: { tts: { 'zh-CN': '谢谢', 'en-US': 'Thanks' } } },
    });
    b.edges[1]!.target = 'thanks';
    b.edges.push({ id: 'e3', source: 'menu', port: '2', target: 'thanks' });
    const diff = diffFlows(a, b);
    expect(diff.nodes.added.map((n) => n.id)).toEqual(['thanks']);
    expect(diff.nodes.removed.map((n) => n.id)).toEqual(['bye']);
    expect(diff.edges.added).toEqual([{ id: 'e3', source: 'menu', port: '2', target: 'thanks' }]);
    expect(diff.edges.changed).toEqual([
      { id: 'e2', fields: [{ kind: 'changed', path: '/target', before: 'bye', after: 'thanks' }] },
    ]);
    expect(diff.summary).toEqual({
      nodesAdded: 1,
      nodesRemoved: 1,
      nodesChanged: 0,
      nodesMoved: 0,
      edgesAdded: 1,
      edgesRemoved: 0,
      edgesChanged: 1,
    });
  });

  it('an option added to a menu and a removed label are reported as added and removed fields', () => {
    const a = baseFlow();
    const b = clone(a);
    const options = node(b, 'menu').config.options as { key: string; label?: string }[];
    options.push({ key: '9' });
    delete options[1]!.label;
    const diff = diffFlows(a, b);
    expect(diff.nodes.changed[0]?.fields).toEqual([
      { kind: 'removed', path: '/config/options/1/label', before: 'Billing' },
      { kind: 'added', path: '/config/options/2', after: { key: '9' } },
    ]);
  });

  it('name, languages, variables and tests changes are reported in their own sections', () => {
    const a = baseFlow();
    const b = clone(a);
    b.name = 'Retail hotline (new)';
    b.languages = ['zh-CN'];
    b.variables = [
      { name: 'orderId', type: 'number' },
      { name: 'tier', type: 'string' },
    ];
    b.tests = [{ name: 'press 1 hangs up', inputs: ['1'], expect: { end: 'menu' } }];
    const diff = diffFlows(a, b);
    expect(diff.document).toEqual([
      { kind: 'changed', path: '/name', before: 'Retail hotline', after: 'Retail hotline (new)' },
      { kind: 'removed', path: '/languages/1', before: 'en-US' },
    ]);
    expect(diff.variables.added).toEqual([{ name: 'tier', type: 'string' }]);
    expect(diff.variables.changed).toEqual([
      { name: 'orderId', fields: [{ kind: 'changed', path: '/type', before: 'string', after: 'number' }] },
    ]);
    expect(diff.tests.changed).toEqual([
      { name: 'press 1 hangs up', fields: [{ kind: 'changed', path: '/expect/end', before: 'bye', after: 'menu' }] },
    ]);
  });

  it('keys with / and ~ are escaped in the pointer', () => {
    const a = baseFlow();
    const b = clone(a);
    node(a, 'menu').config.prompt = { tts: { 'a/b~c': 'x' } };
    node(b, 'menu').config.prompt = { tts: { 'a/b~c': 'y' } };
    expect(diffFlows(a, b).nodes.changed[0]?.fields).toEqual([
      { kind: 'changed', path: '/config/prompt/tts/a~1b~0c', before: 'x', after: 'y' },
    ]);
  });

  it('a scalar that becomes an object is reported once, whole', () => {
    const a = baseFlow();
    const b = clone(a);
    node(a, 'start').config = { note: 'plain' };
    node(b, 'start').config = { note: { text: 'rich' } };
    expect(diffFlows(a, b).nodes.changed[0]?.fields).toEqual([
      { kind: 'changed', path: '/config/note', before: 'plain', after: { text: 'rich' } },
    ]);
  });

  // Its speed is measured by `npm run bench` (bench/engine-extras.ts), not asserted here: no clocks in tests.
  it('diffs two 1,000-node versions: every changed and moved node is counted', () => {
    const big = (): FlowDocument => {
      const flow = baseFlow();
      flow.nodes = Array.from({ length: 1000 }, (_, i) => ({
        id: `n${i}`,
        type: 'menu',
        label: `Menu ${i}`,
        position: { x: i * 10, y: i * 5 },
        config: {
          prompt: { tts: { 'zh-CN': `菜单 ${i}`, 'en-US': `Menu ${i}` } },
          options: [{ key: '1' }, { key: '2' }, { key: '3' }],
          timeoutSeconds: 5,
        },
      }));
      flow.edges = flow.nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: `n${i}`, port: '1', target: n.id }));
      return flow;
    };
    const a = big();
    const b = big();
    // big() gives every node three options.
    for (const n of b.nodes.filter((_, i) => i % 10 === 0)) (n.config.options as { key: string }[])[2]!.key = '4';
    for (const n of b.nodes.filter((_, i) => i % 10 === 5)) n.position = { x: 0, y: 0 };
    b.nodes.reverse();
    const diff = diffFlows(a, b);
    expect(diff.summary).toMatchObject({ nodesChanged: 100, nodesMoved: 100, edgesChanged: 0 });
  });
});
