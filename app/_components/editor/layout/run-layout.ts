// Runs one auto-layout in a fresh worker; the returned handle cancels it by terminating the worker.

import type { Position } from '../../../../flow-engine/document';
import type { ElkNode } from 'elkjs/lib/elk-api';

export interface LayoutJob {
  result: Promise<Record<string, Position>>;
  /** Stop the layout at once (the worker is terminated); `result` rejects with an AbortError. */
  cancel(): void;
}

export function runLayout(graph: ElkNode): LayoutJob {
  const worker = new Worker(new URL('./elk-layout.worker.ts', import.meta.url), { type: 'module' });
  let settle: { reject(reason: unknown): void } | undefined;
  const result = new Promise<Record<string, Position>>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = (
      event: MessageEvent<{ ok: true; positions: Record<string, Position> } | { ok: false; message: string }>,
    ) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.positions);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The layout worker failed.'));
    };
  });
  worker.postMessage({ graph });
  return {
    result,
    cancel() {
      worker.terminate();
      settle?.reject(new DOMException('Layout cancelled', 'AbortError'));
    },
  };
}
