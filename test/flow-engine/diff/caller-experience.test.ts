// diffCallerExperience(): what a caller would notice between two versions — keys, key paths, prompts, routing, schedules, integrations.

import { describe, expect, it } from 'vitest';
import type { FlowDocument, FlowNode } from '../../../flow-engine/document';
import { diffCallerExperience, formatCallerExperience } from '../../../flow-engine/diff';

const at = { x: 0, y: 0 };

function hotline(): FlowDocument {
  return {
    schemaVersion: 1,
    id: 'hotline',
    name: 'Hotline',
    languages: ['zh-CN', 'en-US'],
    defaultLanguage: 'zh-CN',
    variables: [{ name: 'orderId', type: 'string' }],
    nodes: [
      { id: 'start', type: 'start', position: at, config: {} },
      { id: 'hours', type: 'schedule', position: at, config: { schedule: { ref: 'office' } } },
      {
        id: 'menu',
        type: 'menu',
        label: 'Main menu',
        position: at,
        config: {
          prompt: {
            tts: { 'zh-CN': '查询订单请按1，人工服务请按2', 'en-US': 'For orders press 1, for an agent press 2' },
          },
          options: [
            { key: '1', label: 'Orders' },
            { key: '2', label: 'Agent' },
          ],
        },
      },
      { id: 'lookup', type: 'http', position: at, config: { integration: { ref: 'crm' }, url: '/orders/{{orderId}}' } },
      { id: 'sales', type: 'queue', position: at, config: { skillGroup: { ref: 'sales' } } },
      {
        id: 'closed',
        type: 'hangup',
        position: at,
        config: { prompt: { audio: { 'zh-CN': 'closed-zh.wav', 'en-US': 'closed-en.wav' } } },
      },
      { id: 'operator', type: 'transfer', position: at, config: { to: '+861012345678' } },
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'hours' },
      { id: 'e2', source: 'hours', port: 'open', target: 'menu' },
      { id: 'e3', source: 'hours', port: 'closed', target: 'closed' },
      { id: 'e4', source: 'hours', port: 'holiday', target: 'closed' },
      { id: 'e5', source: 'menu', port: '1', target: 'lookup' },
      { id: 'e6', source: 'menu', port: '2', target: 'sales' },
      { id: 'e7', source: 'lookup', port: 'ok', target: 'closed' },
      { id: 'e8', source: 'sales', port: 'overflow', target: 'operator' },
    ],
    tests: [{ name: 'press 2 queues', inputs: ['2'], expect: { end: 'sales' } }],
  };
}

const node = (flow: FlowDocument, id: string): FlowNode => flow.nodes.find((n) => n.id === id)!;
const edge = (flow: FlowDocument, id: string) => flow.edges.find((e) => e.id === id)!;

describe('diffCallerExperience', () => {
  it('moving nodes, relabelling, reordering arrays, renaming edge ids and editing tests is no caller change', () => {
    const before = hotline();
    const after = structuredClone(before);
    after.nodes.reverse();
    after.edges.reverse();
    for (const n of after.nodes) n.position = { x: 100, y: 300 };
    node(after, 'menu').label = 'Top menu';
    edge(after, 'e6').id = 'menu-2';
    after.tests = [];
    // Writing a default explicitly does not change what the caller hears or where they go.
    node(after, 'sales').config.maxWaitSeconds = 600;
    const review = diffCallerExperience(before, after);
    expect(review.identical).toBe(true);
    expect(review.highlight).toEqual({ before: [], after: [] });
    expect(formatCallerExperience(review)).toBe('No change a caller would notice.\n');
  });

  it('swapped menu keys are reported per key, with the destination reached by another key and every node named', () => {
    const before = hotline();
    const after = structuredClone(before);
    edge(after, 'e5').target = 'sales';
    edge(after, 'e6').target = 'lookup';
    const review = diffCallerExperience(before, after);
    expect(review.identical).toBe(false);
    expect(review.ports).toEqual([
      {
        node: 'menu',
        port: '1',
        label: 'Orders',
        change: 'changed',
        before: { target: 'lookup' },
        after: { target: 'sales' },
        nodes: ['menu', 'lookup', 'sales'],
      },
      {
        node: 'menu',
        port: '2',
        label: 'Agent',
        change: 'changed',
        before: { target: 'sales' },
        after: { target: 'lookup' },
        nodes: ['menu', 'sales', 'lookup'],
      },
    ]);
    // The queue and the transfer behind it are now reached by key 1; http is not a destination.
    expect(review.keyPaths).toEqual([
      {
        node: 'sales',
        type: 'queue',
        change: 'changed',
        before: [{ node: 'menu', port: '2' }],
        after: [{ node: 'menu', port: '1' }],
        nodes: ['sales', 'menu'],
      },
      {
        node: 'operator',
        type: 'transfer',
        change: 'changed',
        before: [{ node: 'menu', port: '2' }],
        after: [{ node: 'menu', port: '1' }],
        nodes: ['operator', 'menu'],
      },
    ]);
    expect(review.highlight.after).toEqual(['menu', 'lookup', 'sales', 'operator']);
    expect(review.prompts).toEqual([]);
  });

  it('a new key to a new node and a removed key: nodes added, ports added/removed, destinations reachable or not', () => {
    const before = hotline();
    const after = structuredClone(before);
    const menu = node(after, 'menu').config as { options: { key: string; label?: string }[] };
    menu.options = [
      { key: '1', label: 'Orders' },
      { key: '3', label: 'Complaints' },
    ];
    after.nodes.push({
      id: 'complaints',
      type: 'queue',
      label: 'Complaints',
      position: at,
      config: { skillGroup: { ref: 'complaints' } },
    });
    after.edges = after.edges.filter((e) => e.id !== 'e6' && e.id !== 'e8');
    after.edges.push({ id: 'e9', source: 'menu', port: '3', target: 'complaints' });
    after.nodes = after.nodes.filter((n) => n.id !== 'sales' && n.id !== 'operator');
    const review = diffCallerExperience(before, after);
    expect(review.nodes).toEqual({
      added: [{ id: 'complaints', type: 'queue', label: 'Complaints' }],
      removed: [
        { id: 'sales', type: 'queue' },
        { id: 'operator', type: 'transfer' },
      ],
    });
    expect(review.ports.filter((p) => p.node === 'menu')).toEqual([
      {
        node: 'menu',
        port: '3',
        label: 'Complaints',
        change: 'added',
        after: { target: 'complaints' },
        nodes: ['menu', 'complaints'],
      },
      {
        node: 'menu',
        port: '2',
        label: 'Agent',
        change: 'removed',
        before: { target: 'sales' },
        nodes: ['menu', 'sales'],
      },
    ]);
    expect(review.keyPaths.map((k) => [k.node, k.change])).toEqual([
      ['complaints', 'added'],
      ['sales', 'removed'],
      ['operator', 'removed'],
    ]);
    expect(review.routing.map((r) => [r.node, r.field, r.change, r.before ?? r.after])).toEqual([
      ['complaints', 'skillGroup', 'added', 'complaints'],
      ['complaints', 'priority', 'added', 0],
      ['complaints', 'maxWaitSeconds', 'added', 600],
      ['complaints', 'callbackKey', 'added', '1'],
      ['sales', 'skillGroup', 'removed', 'sales'],
      ['sales', 'priority', 'removed', 0],
      ['sales', 'maxWaitSeconds', 'removed', 600],
      ['sales', 'callbackKey', 'removed', '1'],
      ['operator', 'to', 'removed', '+861012345678'],
      ['operator', 'timeoutSeconds', 'removed', 30],
    ]);
    expect(review.highlight).toEqual({ before: ['menu', 'sales', 'operator'], after: ['menu', 'complaints'] });
  });

  it('prompts are compared per language: a changed text, a recording replacing text, a new language, parts', () => {
    const before = hotline();
    const after = structuredClone(before);
    const menu = node(after, 'menu').config as { prompt: unknown; noInputPrompt?: unknown };
    menu.prompt = { tts: { 'zh-CN': '查询订单请按1，人工服务请按2', 'en-US': 'Orders: 1. Agent: 2.' } };
    menu.noInputPrompt = {
      parts: [
        { tts: { 'en-US': 'Your order' } },
        { sayAs: 'digits', value: '{{orderId}}' },
        { audio: { 'en-US': 'beep.wav' } },
      ],
    };
    node(after, 'closed').config = { prompt: { tts: { 'zh-CN': '现在下班了', 'en-US': 'We are closed' } } };
    const review = diffCallerExperience(before, after);
    expect(review.prompts).toEqual([
      {
        node: 'menu',
        path: '/config/noInputPrompt',
        language: 'en-US',
        change: 'added',
        after: { kind: 'parts', text: 'Your order [digits {{orderId}}] [audio: beep.wav]' },
        nodes: ['menu'],
      },
      {
        node: 'menu',
        path: '/config/prompt',
        language: 'en-US',
        change: 'changed',
        before: { kind: 'tts', text: 'For orders press 1, for an agent press 2' },
        after: { kind: 'tts', text: 'Orders: 1. Agent: 2.' },
        nodes: ['menu'],
      },
      {
        node: 'closed',
        path: '/config/prompt',
        language: 'zh-CN',
        change: 'changed',
        before: { kind: 'audio', text: 'closed-zh.wav' },
        after: { kind: 'tts', text: '现在下班了' },
        nodes: ['closed'],
      },
      {
        node: 'closed',
        path: '/config/prompt',
        language: 'en-US',
        change: 'changed',
        before: { kind: 'audio', text: 'closed-en.wav' },
        after: { kind: 'tts', text: 'We are closed' },
        nodes: ['closed'],
      },
    ]);
  });

  it('routing targets: a skill group key, a transfer number, a priority expression', () => {
    const before = hotline();
    const after = structuredClone(before);
    node(after, 'sales').config = { skillGroup: { ref: 'vip-sales' }, priorityExpression: 'tier == "vip" ? 9 : 0' };
    node(after, 'operator').config = { to: 'sip:operator@pbx.example.com' };
    const review = diffCallerExperience(before, after);
    expect(review.routing).toEqual([
      {
        node: 'sales',
        type: 'queue',
        field: 'skillGroup',
        change: 'changed',
        before: 'sales',
        after: 'vip-sales',
        nodes: ['sales'],
      },
      {
        node: 'sales',
        type: 'queue',
        field: 'priorityExpression',
        change: 'added',
        after: 'tier == "vip" ? 9 : 0',
        nodes: ['sales'],
      },
      {
        node: 'operator',
        type: 'transfer',
        field: 'to',
        change: 'changed',
        before: '+861012345678',
        after: 'sip:operator@pbx.example.com',
        nodes: ['operator'],
      },
    ]);
  });

  it('schedules: a shared schedule replaced by inline hours, then inline hours and holidays edited in place', () => {
    const v1 = hotline();
    const v2 = structuredClone(v1);
    const inline = {
      timezone: 'Asia/Shanghai',
      weekly: { mon: [{ from: '09:00', to: '18:00' }] },
      holidays: [{ date: '2026-10-01', until: '2026-10-07' }],
    };
    node(v2, 'hours').config = { schedule: inline };
    const v3 = structuredClone(v2);
    node(v3, 'hours').config = {
      schedule: {
        ...inline,
        weekly: { mon: [{ from: '08:30', to: '18:00' }], sat: [{ from: '09:00', to: '12:00' }] },
        holidays: [{ date: '2026-10-01', until: '2026-10-08' }],
      },
    };
    const first = diffCallerExperience(v1, v2).schedules;
    expect(first).toEqual([
      {
        node: 'hours',
        type: 'schedule',
        field: 'schedule',
        change: 'changed',
        before: 'office',
        after: { ...inline, specialDays: [] },
        nodes: ['hours'],
      },
    ]);
    const second = diffCallerExperience(v2, v3).schedules;
    expect(second).toHaveLength(1);
    expect(second[0]?.details).toEqual([
      { kind: 'changed', path: '/weekly/mon/0/from', before: '09:00', after: '08:30' },
      { kind: 'added', path: '/weekly/sat', after: [{ from: '09:00', to: '12:00' }] },
      { kind: 'changed', path: '/holidays/0/until', before: '2026-10-07', after: '2026-10-08' },
    ]);
    expect(formatCallerExperience(diffCallerExperience(v2, v3))).toBe(
      [
        'Changes a caller would notice (1), in nodes: hours',
        'Schedules',
        '  hours schedule: inline schedule changed',
        '    weekly Monday interval 1 from: "09:00" → "08:30"',
        '    weekly sat: added [{"from":"09:00","to":"12:00"}]',
        '    holiday 1 until: "2026-10-07" → "2026-10-08"',
        '',
      ].join('\n'),
    );
  });

  it('integrations: the integration key, the method and the URL template of an HTTP step', () => {
    const before = hotline();
    const after = structuredClone(before);
    node(after, 'lookup').config = { integration: { ref: 'erp' }, method: 'POST', url: '/v2/orders/{{orderId}}' };
    const review = diffCallerExperience(before, after);
    expect(review.integrations).toEqual([
      {
        node: 'lookup',
        type: 'http',
        field: 'integration',
        change: 'changed',
        before: 'crm',
        after: 'erp',
        nodes: ['lookup'],
      },
      {
        node: 'lookup',
        type: 'http',
        field: 'method',
        change: 'changed',
        before: 'GET',
        after: 'POST',
        nodes: ['lookup'],
      },
      {
        node: 'lookup',
        type: 'http',
        field: 'url',
        change: 'changed',
        before: '/orders/{{orderId}}',
        after: '/v2/orders/{{orderId}}',
        nodes: ['lookup'],
      },
    ]);
    expect(review.highlight).toEqual({ before: ['lookup'], after: ['lookup'] });
  });

  it('a draft that does not validate is still reviewed from what is written, and the review is plain JSON', () => {
    const before = hotline();
    const after = structuredClone(before);
    // Not a valid transfer config (no `to`, an unknown field), yet the change of target is visible.
    node(after, 'operator').config = { target: 'x', timeoutSeconds: 'soon' };
    after.languages = ['zh-CN'];
    const review = diffCallerExperience(before, after);
    expect(review.routing).toEqual([
      {
        node: 'operator',
        type: 'transfer',
        field: 'to',
        change: 'removed',
        before: '+861012345678',
        nodes: ['operator'],
      },
      {
        node: 'operator',
        type: 'transfer',
        field: 'timeoutSeconds',
        change: 'changed',
        before: 30,
        after: 'soon',
        nodes: ['operator'],
      },
    ]);
    expect(review.languages).toEqual({
      before: { languages: ['zh-CN', 'en-US'], defaultLanguage: 'zh-CN' },
      after: { languages: ['zh-CN'], defaultLanguage: 'zh-CN' },
    });
    expect(JSON.parse(JSON.stringify(review))).toEqual(review);
  });

  it('the text review has one section per kind of change, one line per change', () => {
    const before = hotline();
    const after = structuredClone(before);
    edge(after, 'e6').target = 'operator';
    (node(after, 'menu').config as { prompt: { tts: Record<string, string> } }).prompt.tts['en-US'] = 'Press 1 or 2';
    node(after, 'sales').config = { skillGroup: { ref: 'vip' } };
    expect(formatCallerExperience(diffCallerExperience(before, after))).toBe(
      [
        'Changes a caller would notice (4), in nodes: menu, sales, operator',
        'Keys and ports',
        '  menu key 2 (Agent): leads to operator instead of sales',
        'Key paths',
        '  sales (queue): can no longer be reached (was menu 2)',
        'Prompts',
        '  menu prompt [en-US]: "For orders press 1, for an agent press 2" → "Press 1 or 2"',
        'Routing',
        '  sales skill group: "sales" → "vip"',
        '',
      ].join('\n'),
    );
  });
});
