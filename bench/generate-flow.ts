// A realistic flow of any size for the engine benchmark: mostly logic nodes, some plays and menus, in one long chain.

import type { FlowDocument, FlowEdge, FlowNode } from '../flow-engine/document';

const tts = (zh: string, en: string) => ({ tts: { 'zh-CN': zh, 'en-US': en } });

const shanghaiHours = {
  timezone: 'Asia/Shanghai',
  weekly: {
    mon: [{ from: '09:00', to: '18:00' }],
    tue: [{ from: '09:00', to: '18:00' }],
    wed: [{ from: '09:00', to: '18:00' }],
    thu: [{ from: '09:00', to: '18:00' }],
    fri: [{ from: '09:00', to: '18:00' }],
  },
  holidays: [{ date: '2026-10-01', until: '2026-10-07', name: '国庆节' }],
};

/** Node kinds of one block of 20: 8 set, 6 condition, 1 region, 1 schedule, 2 play, 2 menu. */
const blockPattern = [
  'set',
  'condition',
  'set',
  'play',
  'condition',
  'set',
  'region',
  'condition',
  'set',
  'menu',
  'set',
  'condition',
  'schedule',
  'set',
  'play',
  'condition',
  'set',
  'condition',
  'set',
  'menu',
] as const;

/**
 * A flow with exactly `nodeCount` nodes (≥ 3): start, a chain of blocks in which every port of a node leads
 * to the next node (so a call visits every node), and a hangup. Each call needs one input per menu.
 * @example generateEngineFlow(1000).nodes.length; // 1000
 */
export function generateEngineFlow(nodeCount: number): FlowDocument {
  if (nodeCount < 3) throw new RangeError('generateEngineFlow needs at least 3 nodes (start, one node, hangup).');
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const add = (id: string, type: string, config: Record<string, unknown>, ports: string[]) => {
    nodes.push({
      id,
      type,
      position: { x: (nodes.length % 25) * 220, y: Math.floor(nodes.length / 25) * 140 },
      config,
    });
    return { id, ports };
  };
  let previous = add('start', 'start', {}, ['next']);
  const link = (to: string) => {
    for (const port of previous.ports)
      edges.push({ id: `e${edges.length + 1}`, source: previous.id, port, target: to });
  };
  for (let i = 1; i < nodeCount - 1; i++) {
    const kind = blockPattern[(i - 1) % blockPattern.length]!; // the index is taken modulo the length
    const id = `${kind}${i}`;
    let next;
    switch (kind) {
      case 'set':
        next = add(id, 'set', { assignments: [{ variable: 'score', value: 'score + 1' }] }, ['next']);
        break;
      case 'condition':
        next = add(
          id,
          'condition',
          {
            rules: [
              { name: 'vip', when: 'tier == "vip" && score > 3' },
              { name: 'many', when: 'score > 100' },
            ],
          },
          ['vip', 'many', 'else'],
        );
        break;
      case 'region':
        next = add(
          id,
          'region',
          {
            regions: [
              { name: 'beijing', prefixes: ['+8610', '010'] },
              { name: 'shanghai', prefixes: ['+8621'] },
            ],
          },
          ['beijing', 'shanghai', 'other'],
        );
        break;
      case 'schedule':
        next = add(id, 'schedule', { schedule: shanghaiHours }, ['open', 'closed', 'holiday']);
        break;
      case 'play':
        next = add(id, 'play', { prompt: tts(`第 ${i} 步，积分 {{score}}`, `Step ${i}, score {{score}}`) }, ['next']);
        break;
      case 'menu':
        next = add(
          id,
          'menu',
          { prompt: tts('请按 1 或 2', 'Press 1 or 2'), options: [{ key: '1' }, { key: '2' }], maxAttempts: 1 },
          ['1', '2', 'noInput', 'invalid'],
        );
        break;
    }
    link(next.id);
    previous = next;
  }
  const bye = add('bye', 'hangup', { prompt: tts('再见', 'Goodbye') }, []);
  link(bye.id);
  return {
    schemaVersion: 1,
    id: `bench-${nodeCount}`,
    name: `Engine benchmark (${nodeCount} nodes)`,
    languages: ['zh-CN', 'en-US'],
    defaultLanguage: 'zh-CN',
    variables: [
      { name: 'score', type: 'number', default: 0 },
      { name: 'tier', type: 'string', default: 'vip' },
    ],
    nodes,
    edges,
  };
}

/** How many menus a call passes (one input each). */
export const menuCount = (flow: FlowDocument) => flow.nodes.filter((n) => n.type === 'menu').length;
