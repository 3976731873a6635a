// Mocks that contradict themselves or the flow: an HTTP answer that both times out and has a status, a queue answered too late.

import type { FlowNode } from './document';
import { queue } from './nodes/queue';
import type { HttpMock, Mocks } from './test-case';

/** One contradictory mock: which table and key, the JSON pointer inside the mock, and why it cannot happen. */
export interface MockContradiction {
  table: keyof Mocks;
  key: string;
  /** Pointer inside the mock, e.g. `/timeout`, `/waitSeconds`. */
  path: string;
  message: string;
}

/** The ways an HTTP request can end; a mock must pick one. */
function httpEndings(mock: HttpMock): string[] {
  const endings: string[] = [];
  const response = (['status', 'body', 'headers'] as const).filter((field) => mock[field] !== undefined);
  if (response.length > 0) endings.push(response.map((f) => `"${f}"`).join('/'));
  if (mock.timeout === true) endings.push('"timeout"');
  if (mock.networkError === true) endings.push('"networkError"');
  return endings;
}

/** Queue nodes a queue mock answers: the node with that id (the last segment inside subflows), or those using that skill group. */
function queuesFor(key: string, nodes: readonly FlowNode[]): FlowNode[] {
  const own = key.split('/').pop()!;
  const byId = nodes.filter((n) => n.type === 'queue' && n.id === own);
  if (byId.length > 0) return byId;
  return nodes.filter((n) => n.type === 'queue' && (n.config as { skillGroup?: { ref?: unknown } } | undefined)?.skillGroup?.ref === key);
}

function maxWaitOf(node: FlowNode): number | undefined {
  try {
    return queue.parseConfig(node).maxWaitSeconds;
  } catch {
    return undefined; // an invalid queue config is reported by validate on its own
  }
}

/**
 * Mocks describing something that cannot happen: an HTTP mock with more than one ending (a response
 * with `status`/`body`/`headers`, `timeout`, `networkError`), or a queue mock `answered` after longer than
 * the queue's `maxWaitSeconds` (the caller would have left by `overflow` first).
 * @param nodes the nodes the mocks may name (the flow's, and its subflows')
 * @example
 * mockContradictions({ http: { crm: { status: 200, timeout: true } } }, nodes);
 * // [{ table: 'http', key: 'crm', path: '/timeout',
 * //    message: 'the http mock "crm" sets both "status" and "timeout"; a request ends one way only: keep one' }]
 */
export function mockContradictions(mocks: Mocks, nodes: readonly FlowNode[]): MockContradiction[] {
  const found: MockContradiction[] = [];
  for (const [key, mock] of Object.entries(mocks.http ?? {})) {
    const endings = httpEndings(mock);
    if (endings.length < 2) continue;
    found.push({
      table: 'http',
      key,
      path: mock.timeout === true ? '/timeout' : '/networkError',
      message: `the http mock "${key}" sets both ${endings.join(' and ')}; a request ends one way only: keep one`,
    });
  }
  for (const [key, mock] of Object.entries(mocks.queue ?? {})) {
    if (mock.outcome !== 'answered' || mock.waitSeconds === undefined) continue;
    for (const node of queuesFor(key, nodes)) {
      const maxWait = maxWaitOf(node);
      if (maxWait === undefined || mock.waitSeconds <= maxWait) continue;
      found.push({
        table: 'queue',
        key,
        path: '/waitSeconds',
        message: `the queue mock "${key}" is answered after ${mock.waitSeconds} s, but queue node "${node.id}" leaves by overflow after ${maxWait} s (maxWaitSeconds); answer within ${maxWait} s or use the outcome "overflow"`,
      });
    }
  }
  return found;
}
