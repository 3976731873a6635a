// A small flow for editor tests: start → menu (keys 1, 2) → play / hangup.

import type { FlowDocument } from '../../../flow-engine/document';

export function sampleFlow(): FlowDocument {
  return {
    schemaVersion: 1,
    id: 'sample',
    name: 'Sample',
    languages: ['en-US'],
    defaultLanguage: 'en-US',
    variables: [{ name: 'orderId', type: 'string' }],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
      {
        id: 'menu',
        type: 'menu',
        label: 'Main menu',
        position: { x: 250, y: 0 },
        config: {
          prompt: { tts: { 'en-US': 'Press 1 for orders, 2 to leave' } },
          options: [{ key: '1' }, { key: '2' }],
        },
      },
      {
        id: 'orders',
        type: 'play',
        label: 'Orders',
        position: { x: 500, y: 0 },
        config: { prompt: { tts: { 'en-US': 'Order {{orderId}}' } } },
      },
      { id: 'bye', type: 'hangup', position: { x: 500, y: 150 }, config: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'menu' },
      { id: 'e2', source: 'menu', port: '1', target: 'orders' },
      { id: 'e3', source: 'menu', port: '2', target: 'bye' },
    ],
  };
}
