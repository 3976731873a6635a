// Mocks that contradict themselves or the flow: an HTTP answer that both times out and has a status, or what a node
// type's definition rules out (a queue answered too late).

import type { FlowNode } from './document';
import { mockTargets } from './mock-targets';
import { mockTables, type HttpMock, type Mocks } from './test-case';

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
  // What a mock cannot do at the node it answers is the node type's to say (a queue answered after its maxWaitSeconds).
  for (const table of mockTables) {
    for (const [key, mock] of Object.entries(mocks[table] ?? {})) {
      for (const { node, config, mocks: spec } of mockTargets(table, key, nodes)) {
        const problem = spec.contradiction?.(mock, config, { key, node: node.id });
        if (problem) found.push({ table, key, ...problem });
      }
    }
  }
  return found;
}
