// renderHttpRequest: the request an http node sends, rendered outside a call by the node's own compiled step, is the
// request a driver receives when a call reaches the node with the same variables.

import { describe, expect, it } from 'vitest';
import { compile, HttpRequestError, renderHttpRequest } from '../../../flow-engine/compile';
import type { FlowDocument } from '../../../flow-engine/document';
import type { CallDriver, HttpRequest } from '../../../flow-engine/driver';
import { resolverFromBundle } from '../../../flow-engine/resources';
import { runSimulation, simulatorDriver, type SimulatedCall } from '../../../flow-engine/simulator';

const flow: FlowDocument = {
  schemaVersion: 1,
  id: 'orders',
  name: 'Orders',
  languages: ['en-US', 'zh-CN'],
  defaultLanguage: 'en-US',
  variables: [
    { name: 'orderId', type: 'string' },
    { name: 'tier', type: 'string', default: 'gold' },
  ],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
    {
      id: 'pick',
      type: 'set',
      position: { x: 0, y: 100 },
      config: { assignments: [{ variable: 'orderId', value: '"A-" + call.caller.substring(1, 4)' }] },
    },
    {
      id: 'lookup',
      type: 'http',
      position: { x: 0, y: 200 },
      config: {
        integration: { ref: 'crm' },
        method: 'POST',
        url: '/orders/{{orderId}}',
        headers: { 'X-Tier': '{{tier}}' },
        query: { lang: '{{call.language}}' },
        json: { caller: 'call.caller', order: 'orderId' },
        timeoutSeconds: 3,
      },
    },
    { id: 'bye', type: 'hangup', position: { x: 0, y: 300 }, config: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', port: 'next', target: 'pick' },
    { id: 'e2', source: 'pick', port: 'next', target: 'lookup' },
    { id: 'e3', source: 'lookup', port: 'ok', target: 'bye' },
    { id: 'e4', source: 'lookup', port: 'error', target: 'bye' },
    { id: 'e5', source: 'lookup', port: 'timeout', target: 'bye' },
  ],
};

const resources = resolverFromBundle({
  integrations: { crm: { baseUrl: 'https://crm.example.com/api/', headers: { 'X-Tenant': 't-1' } } },
});
const call = { caller: '+8613800138000', language: 'zh-CN' };

describe('renderHttpRequest', () => {
  it('gives exactly the request the driver receives in a call with the same variables', async () => {
    const compiled = compile(flow, { resources });
    const received: HttpRequest[] = [];
    const capturing: CallDriver<SimulatedCall> = {
      ...simulatorDriver,
      http(request, context) {
        received.push(request);
        return simulatorDriver.http(request, context);
      },
    };
    await runSimulation(
      compiled,
      { name: 'lookup', call, mocks: { http: { lookup: { status: 200, body: {} } } } },
      undefined,
      capturing,
    );
    expect(received).toHaveLength(1);
    const rendered = renderHttpRequest(compiled, 'lookup', { vars: { orderId: 'A-861' }, call });
    expect(rendered).toEqual(received[0]);
    expect(rendered).toMatchObject({
      method: 'POST',
      url: 'https://crm.example.com/api/orders/A-861?lang=zh-CN',
      headers: { 'X-Tenant': 't-1', 'X-Tier': 'gold', 'Content-Type': 'application/json' },
      body: JSON.stringify({ caller: '+8613800138000', order: 'A-861' }),
      integration: 'crm',
      timeoutSeconds: 3,
    });
  });

  it('names an unknown node, a node of another type, an undeclared variable, a value too large to hold and a template that fails', () => {
    const compiled = compile(flow, { resources });
    const problem = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof HttpRequestError ? [error.problem, error.message] : error;
      }
      return 'no error';
    };
    expect(problem(() => renderHttpRequest(compiled, 'nowhere'))).toEqual([
      'unknownNode',
      'The flow has no node "nowhere".',
    ]);
    expect(problem(() => renderHttpRequest(compiled, 'pick'))).toEqual([
      'notHttp',
      'Node "pick" is a set node, not an http node.',
    ]);
    expect(problem(() => renderHttpRequest(compiled, 'lookup', { vars: { order: '1' } }))).toEqual([
      'unknownVariable',
      'The flow has no variable "order".',
    ]);
    const [kind, message] = problem(() =>
      renderHttpRequest(compiled, 'lookup', { vars: { orderId: 'x'.repeat(100_001) } }),
    ) as string[];
    expect(kind).toBe('render');
    expect(message).toMatch(/^The variable "orderId" cannot be set: the value for "orderId" is too large to keep/);
    // A value the variable holds but the URL cannot: the template's own error, named by node.
    const [urlKind, urlMessage] = problem(() =>
      renderHttpRequest(compiled, 'lookup', { vars: { orderId: 'x'.repeat(100_000) } }),
    ) as string[];
    expect(urlKind).toBe('render');
    expect(urlMessage).toMatch(/^Node "lookup": the text `\/orders\/\{\{orderId\}\}` could not be filled in/);
  });
});
