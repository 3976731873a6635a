// Module Web Worker that runs ELK: layout is synchronous and takes seconds on big flows, so it stays off the page.

import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { positionsOf } from './layout-graph';

const elk = new ELK();

self.onmessage = async (event: MessageEvent<{ graph: ElkNode }>) => {
  try {
    const result = await elk.layout(event.data.graph);
    self.postMessage({ ok: true, positions: positionsOf(result) });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
