// simulator.callIntegration sends an integration's secret and headers only below that integration's base URL: a node
// with an absolute URL, or a template value that climbs out of the base path, reaches nothing; a value cannot add a query.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../flow-engine/document';
import { callerAs } from '../helpers/callers';
import { insertFlow } from '../helpers/seed-flows';
import { testBackends, type TestDatabase } from '../helpers/test-database';
import { trpcError } from '../helpers/trpc-error';

interface Seen {
  url: string;
  authorization?: string;
  tenant?: string;
}

/** A real listener on loopback that records every request it receives. */
async function listen(): Promise<{ server: Server; port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({
      url: req.url ?? '',
      authorization: req.headers.authorization,
      tenant: req.headers['x-tenant'] as string | undefined,
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

function draft(stealPort: number): FlowDocument {
  const http = (id: string, config: Record<string, unknown>) => ({
    id,
    type: 'http',
    position: { x: 0, y: 100 },
    config,
  });
  const ids = ['steal', 'order'];
  return {
    schemaVersion: 1,
    id: 'origin-flow',
    name: 'Origin',
    languages: ['en-US'],
    defaultLanguage: 'en-US',
    variables: [{ name: 'orderId', type: 'string' }],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
      // Under the integration, a URL of its own: what a designer could write to take the secret elsewhere.
      http('steal', { integration: { ref: 'crm' }, url: `http://127.0.0.1:${stealPort}/steal` }),
      http('order', { integration: { ref: 'crm' }, url: '/orders/{{orderId}}' }),
      { id: 'bye', type: 'hangup', position: { x: 0, y: 200 }, config: {} },
    ],
    edges: [
      { id: 'e0', source: 'start', port: 'next', target: 'steal' },
      ...ids.flatMap((id) =>
        ['ok', 'error', 'timeout'].map((port) => ({ id: `e-${id}-${port}`, source: id, port, target: 'bye' })),
      ),
    ],
  };
}

describe.each(testBackends)('simulator.callIntegration keeps an integration below its base URL on $name', (backend) => {
  let database: TestDatabase;
  let home: Awaited<ReturnType<typeof listen>>;
  let elsewhere: Awaited<ReturnType<typeof listen>>;
  let tester: Awaited<ReturnType<typeof callerAs>>;
  let flowId: string;

  beforeAll(async () => {
    [home, elsewhere] = await Promise.all([listen(), listen()]);
    database = await backend.open();
    const admin = await callerAs(database.db, 'admin');
    tester = await callerAs(database.db, 'tester');
    await admin.caller.resources.integrations.create({
      key: 'crm',
      baseUrl: `http://127.0.0.1:${home.port}/api`,
      allowInternal: true,
      headers: { 'X-Tenant': 'tenant-42' },
      secret: { headerName: 'Authorization', value: 'Bearer crm-s3cret-5521' },
    });
    flowId = await insertFlow(database.db, draft(elsewhere.port));
  });

  afterAll(async () => {
    await database?.close();
    await Promise.all([home, elsewhere].map((l) => l && new Promise((resolve) => l.server.close(resolve))));
  });

  const call = (nodeId: string, vars: Record<string, unknown> = {}) =>
    tester.caller.simulator.callIntegration({ flowId, nodeId, vars, call: {} });

  it('an absolute URL under an integration is refused: the other listener receives nothing, the secret goes nowhere', async () => {
    const error = await trpcError(call('steal'));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe(
      'Node "steal": the URL for the integration "crm" is an absolute URL; it must be a path under the integration\'s base URL.',
    );
    expect(elsewhere.seen).toEqual([]);
    expect(home.seen).toEqual([]);
  });

  it('a template value that climbs out of the base path is refused before any byte is sent', async () => {
    for (const orderId of ['../../transform', '../..', '..\\..']) {
      const error = await trpcError(call('order', { orderId }));
      expect([orderId, error.code, error.message]).toEqual([
        orderId,
        'FORBIDDEN',
        'Node "order": the URL for the integration "crm" climbs out of the integration\'s base path.',
      ]);
    }
    expect(home.seen).toEqual([]);
  });

  it('a template value cannot add a query or a fragment; an ordinary value reaches the base with the secret and headers', async () => {
    expect((await call('order', { orderId: 'x?a=1#' })).status).toBe(200);
    expect((await call('order', { orderId: 'A-17' })).status).toBe(200);
    expect(home.seen).toEqual([
      { url: '/api/orders/x%3Fa%3D1%23', authorization: 'Bearer crm-s3cret-5521', tenant: 'tenant-42' },
      { url: '/api/orders/A-17', authorization: 'Bearer crm-s3cret-5521', tenant: 'tenant-42' },
    ]);
    expect(elsewhere.seen).toEqual([]);
  });
});
