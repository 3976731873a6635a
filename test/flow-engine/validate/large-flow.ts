// Builds a valid flow of any size (menus, collects, conditions, HTTP lookups and plays in a chain) for scale tests.

import type { FlowDocument, FlowEdge, FlowNode } from '../../../flow-engine/document';

const tts = (text: string) => ({ tts: { 'zh-CN': `${text}（中文）`, 'en-US': text } });

/**
 * A chain of `size` nodes: start, then repeating blocks of menu → collect → http → condition → play, closed by a hangup.
 * Every side port leads to the final hangup, so the flow is valid and every node reachable.
 */
export function generateLargeFlow(size: number): FlowDocument {
  const nodes: FlowNode[] = [{ id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} }];
  const edges: FlowEdge[] = [];
  const end = 'goodbye';
  let edgeCount = 0;
  const link = (source: string, port: string, target: string) =>
    edges.push({ id: `e${++edgeCount}`, source, port, target });
  const kinds = ['menu', 'collect', 'http', 'condition', 'play'] as const;
  let previous = { id: 'start', port: 'next' };
  for (let i = 1; i < size - 1; i++) {
    const id = `n${i}`;
    const kind = kinds[i % kinds.length]!;
    const position = { x: (i % 10) * 200, y: Math.floor(i / 10) * 150 };
    link(previous.id, previous.port, id);
    if (kind === 'menu') {
      nodes.push({
        id,
        type: 'menu',
        position,
        config: { prompt: tts(`Menu ${i}: press 1 to continue`), options: [{ key: '1' }, { key: '2' }] },
      });
      for (const port of ['2', 'noInput']) link(id, port, end);
      link(id, 'invalid', id);
      previous = { id, port: '1' };
    } else if (kind === 'collect') {
      nodes.push({
        id,
        type: 'collect',
        position,
        config: { prompt: tts('Key in your order number'), variable: 'orderId', check: 'size(value) > 3' },
      });
      for (const port of ['invalid', 'noInput']) link(id, port, end);
      previous = { id, port: 'ok' };
    } else if (kind === 'http') {
      nodes.push({
        id,
        type: 'http',
        position,
        config: {
          url: 'https://crm.example.com/orders/{{orderId}}',
          outputs: [{ variable: 'tier', value: 'response.body.tier' }],
        },
      });
      for (const port of ['error', 'timeout']) link(id, port, end);
      previous = { id, port: 'ok' };
    } else if (kind === 'condition') {
      nodes.push({
        id,
        type: 'condition',
        position,
        config: { rules: [{ name: 'vip', when: `tier == "vip" && attempts < ${i}` }] },
      });
      link(id, 'vip', end);
      previous = { id, port: 'else' };
    } else {
      nodes.push({
        id,
        type: 'play',
        position,
        config: { prompt: tts(`Your order {{orderId}} is on its way (step ${i})`) },
      });
      previous = { id, port: 'next' };
    }
  }
  link(previous.id, previous.port, end);
  nodes.push({ id: end, type: 'hangup', position: { x: 0, y: size * 20 }, config: { prompt: tts('Goodbye') } });
  return {
    schemaVersion: 1,
    id: 'large-flow',
    name: `Generated flow of ${size} nodes`,
    languages: ['zh-CN', 'en-US'],
    defaultLanguage: 'zh-CN',
    variables: [
      { name: 'orderId', type: 'string' },
      { name: 'tier', type: 'string', default: 'standard' },
      { name: 'attempts', type: 'number', default: 0 },
    ],
    nodes,
    edges,
  };
}
