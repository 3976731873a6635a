// mergeDrafts(): the three-way merge the editor runs when someone else saved the draft first.

import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../flow-engine/canonical-json';
import type { FlowDocument, FlowNode } from '../../../flow-engine/document';
import { mergeDrafts } from '../../../flow-engine/diff';

function baseFlow(): FlowDocument {
  return {
    schemaVersion: 1,
    id: 'hotline',
    name: 'Hotline',
    languages: ['zh-CN'],
    defaultLanguage: 'zh-CN',
    variables: [{ name: 'orderId', type: 'string' }],
    nodes: [
      { id: 'start', type: 'start', label: '来电', position: { x: 0, y: 0 }, config: {} },
      {
        id: 'menu',
        type: 'menu',
        label: '主菜单',
        position: { x: 0, y: 100 },
        config: { prompt: { tts: { 'zh-CN': '请按键' } }, options: [{ key: '1' }, { key: '2' }] },
      },
      {
        id: 'hello',
        type: 'play',
        label: '问候',
        position: { x: 200, y: 100 },
        config: { prompt: { tts: { 'zh-CN': '您好' } } },
      },
      { id: 'bye', type: 'hangup', label: '挂机', position: { x: 0, y: 200 }, config: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'menu' },
      { id: 'e2', source: 'menu', port: '1', target: 'bye' },
      { id: 'e3', source: 'hello', port: 'next', target: 'bye' },
    ],
    tests: [{ name: 'press 1', inputs: ['1'], expect: { end: 'bye' } }],
  };
}

const clone = (flow: FlowDocument): FlowDocument => structuredClone(flow);
const node = (flow: FlowDocument, id: string): FlowNode => flow.nodes.find((n) => n.id === id)!;
const text = (flow: FlowDocument, id: string) =>
  (node(flow, id).config as { prompt: { tts: Record<string, string> } }).prompt.tts['zh-CN'];

describe('mergeDrafts', () => {
  it('combines changes to different nodes and reports theirs by label', () => {
    const base = baseFlow();
    const theirs = clone(base);
    (node(theirs, 'hello').config as { prompt: { tts: Record<string, string> } }).prompt.tts['zh-CN'] = '欢迎致电';
    const mine = clone(base);
    (node(mine, 'menu').config as { prompt: { tts: Record<string, string> } }).prompt.tts['zh-CN'] = '请按 1';

    const merged = mergeDrafts(base, theirs, mine);
    expect(merged.conflicts).toEqual([]);
    expect(text(merged.document, 'hello')).toBe('欢迎致电');
    expect(text(merged.document, 'menu')).toBe('请按 1');
    expect(merged.fromTheirs).toEqual([{ kind: 'node', id: 'hello', change: 'changed', label: '问候' }]);
  });

  it('the same node changed both ways is a conflict; mine is kept unless theirs is chosen', () => {
    const base = baseFlow();
    const theirs = clone(base);
    node(theirs, 'menu').label = '他们的菜单';
    const mine = clone(base);
    node(mine, 'menu').label = '我的菜单';

    const merged = mergeDrafts(base, theirs, mine);
    expect(merged.conflicts).toEqual([{ kind: 'node', key: 'node:menu', id: 'menu' }]);
    expect(node(merged.document, 'menu').label).toBe('我的菜单');
    expect(node(mergeDrafts(base, theirs, mine, { 'node:menu': 'theirs' }).document, 'menu').label).toBe('他们的菜单');
  });

  it('a node and its outgoing connections are one unit: rewiring a key conflicts with editing the same menu', () => {
    const base = baseFlow();
    const theirs = clone(base);
    theirs.edges.find((e) => e.id === 'e2')!.target = 'hello';
    const mine = clone(base);
    node(mine, 'menu').label = '主菜单（新）';

    const merged = mergeDrafts(base, theirs, mine);
    expect(merged.conflicts.map((c) => c.key)).toEqual(['node:menu']);
    const taken = mergeDrafts(base, theirs, mine, { 'node:menu': 'theirs' }).document;
    expect(taken.edges.find((e) => e.id === 'e2')?.target).toBe('hello');
    expect(node(taken, 'menu').label).toBe('主菜单');
  });

  it('new nodes and connections from both sides all arrive, theirs first', () => {
    const base = baseFlow();
    const theirs = clone(base);
    theirs.nodes.push({ id: 'queue', type: 'queue', label: '售后队列', position: { x: 400, y: 0 }, config: {} });
    theirs.edges.push({ id: 'e4', source: 'queue', port: 'timeout', target: 'bye' });
    const mine = clone(base);
    mine.nodes.push({ id: 'vm', type: 'voicemail', label: '留言', position: { x: 400, y: 200 }, config: {} });
    mine.edges.push({ id: 'e5', source: 'vm', port: 'next', target: 'bye' });

    const merged = mergeDrafts(base, theirs, mine);
    expect(merged.conflicts).toEqual([]);
    expect(merged.document.nodes.map((n) => n.id)).toEqual(['start', 'menu', 'hello', 'bye', 'queue', 'vm']);
    expect(merged.document.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(merged.fromTheirs).toEqual([{ kind: 'node', id: 'queue', change: 'added', label: '售后队列' }]);
  });

  it('moving a node never conflicts: my position wins, their content arrives', () => {
    const base = baseFlow();
    const theirs = clone(base);
    node(theirs, 'hello').label = '欢迎';
    node(theirs, 'hello').position = { x: 900, y: 900 };
    const mine = clone(base);
    node(mine, 'hello').position = { x: 10, y: 20 };

    const merged = mergeDrafts(base, theirs, mine);
    expect(merged.conflicts).toEqual([]);
    expect(node(merged.document, 'hello')).toMatchObject({ label: '欢迎', position: { x: 10, y: 20 } });
  });

  it('a node removed by them and changed by me is a conflict; keeping mine keeps it, taking theirs removes it and its connections', () => {
    const base = baseFlow();
    const theirs = clone(base);
    theirs.nodes = theirs.nodes.filter((n) => n.id !== 'hello');
    theirs.edges = theirs.edges.filter((e) => e.source !== 'hello');
    const mine = clone(base);
    node(mine, 'hello').label = '问候语';

    expect(mergeDrafts(base, theirs, mine).conflicts.map((c) => c.key)).toEqual(['node:hello']);
    expect(node(mergeDrafts(base, theirs, mine).document, 'hello').label).toBe('问候语');
    const taken = mergeDrafts(base, theirs, mine, { 'node:hello': 'theirs' }).document;
    expect(taken.nodes.map((n) => n.id)).not.toContain('hello');
    expect(taken.edges.filter((e) => e.source === 'hello' || e.target === 'hello')).toEqual([]);
  });

  it('my new connection to a node they removed makes that node a conflict instead of a dangling connection', () => {
    const base = baseFlow();
    const theirs = clone(base);
    theirs.nodes = theirs.nodes.filter((n) => n.id !== 'hello');
    theirs.edges = theirs.edges.filter((e) => e.source !== 'hello');
    const mine = clone(base);
    mine.edges.push({ id: 'e9', source: 'menu', port: '2', target: 'hello' });

    const merged = mergeDrafts(base, theirs, mine);
    expect(merged.conflicts.map((c) => c.key)).toEqual(['node:hello']);
    expect(merged.fromTheirs).toEqual([]);
    expect(merged.document.edges.find((e) => e.id === 'e9')?.target).toBe('hello');
    const taken = mergeDrafts(base, theirs, mine, { 'node:hello': 'theirs' }).document;
    expect(taken.nodes.map((n) => n.id)).not.toContain('hello');
    expect(taken.edges.filter((e) => e.target === 'hello')).toEqual([]);
  });

  it('variables, tests and flow settings merge by name and field, colliding only on the same one', () => {
    const base = baseFlow();
    const theirs = clone(base);
    theirs.variables.push({ name: 'vip', type: 'boolean' });
    theirs.name = 'Hotline 2';
    theirs.tests!.push({ name: 'press 2', inputs: ['2'], expect: { end: 'bye' } });
    const mine = clone(base);
    mine.variables[0] = { name: 'orderId', type: 'number' };
    mine.languages = ['zh-CN', 'en-US'];

    const merged = mergeDrafts(base, theirs, mine);
    expect(merged.conflicts).toEqual([]);
    expect(merged.document.variables).toEqual([
      { name: 'orderId', type: 'number' },
      { name: 'vip', type: 'boolean' },
    ]);
    expect(merged.document).toMatchObject({ name: 'Hotline 2', languages: ['zh-CN', 'en-US'] });
    expect(merged.document.tests!.map((c) => c.name)).toEqual(['press 1', 'press 2']);

    const other = clone(base);
    other.variables[0] = { name: 'orderId', type: 'object' };
    other.name = 'Mine';
    const theirsToo = { ...clone(theirs), variables: [{ name: 'orderId', type: 'boolean' as const }] };
    const clash = mergeDrafts(base, theirsToo, other);
    expect(clash.conflicts.map((c) => c.key)).toEqual(['setting:name', 'variable:orderId']);
    expect(clash.document.variables[0]).toEqual({ name: 'orderId', type: 'object' });
    expect(mergeDrafts(base, theirsToo, other, { 'variable:orderId': 'theirs' }).document.variables[0]).toEqual({
      name: 'orderId',
      type: 'boolean',
    });
  });

  it('identical changes on both sides agree, and nothing changed merges to theirs exactly', () => {
    const base = baseFlow();
    const theirs = clone(base);
    node(theirs, 'menu').label = '同样';
    const mine = clone(theirs);
    const merged = mergeDrafts(base, theirs, mine);
    expect(merged.conflicts).toEqual([]);
    expect(merged.fromTheirs).toEqual([]);
    expect(canonicalJson(merged.document)).toBe(canonicalJson(theirs));
    expect(canonicalJson(mergeDrafts(base, theirs, clone(base)).document)).toBe(canonicalJson(theirs));
  });

  it('leaves its inputs unchanged', () => {
    const base = baseFlow();
    const theirs = clone(base);
    node(theirs, 'menu').label = 'a';
    const mine = clone(base);
    node(mine, 'menu').label = 'b';
    const copies = [canonicalJson(base), canonicalJson(theirs), canonicalJson(mine)];
    mergeDrafts(base, theirs, mine, { 'node:menu': 'theirs' });
    expect([canonicalJson(base), canonicalJson(theirs), canonicalJson(mine)]).toEqual(copies);
  });
});
