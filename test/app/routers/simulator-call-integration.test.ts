// simulator.callIntegration: the draft's http node request rendered as the runtime renders it, sent with the
// integration's secret through the runtime's address guard; only status, body and time come back.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../flow-engine/document';
import { callerAs } from '../helpers/callers';
import { insertFlow } from '../helpers/seed-flows';
import { testBackends, type TestDatabase } from '../helpers/test-database';
import { trpcError } from '../helpers/trpc-error';

type Caller = Awaited<ReturnType<typeof callerAs>>;

interface Received {
  method: string;
  url: string;
  authorization?: string;
  tenant?: string;
  body: string;
}

/** A local service that echoes what it got (the secret included, which the proxy must mask) and has a slow path. */
async function startEchoServer(): Promise<{ server: Server; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const entry = {
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        tenant: req.headers['x-tenant'] as string | undefined,
        body,
      };
      received.push(entry);
      if (req.url?.startsWith('/api/slow')) {
        // Longer than the node's timeout; answered later only if the socket is still open.
        setTimeout(() => res.writableEnded || res.destroyed || res.end('{}'), 5000).unref();
        return;
      }
      res.writeHead(req.url?.startsWith('/api/missing') ? 404 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ echo: entry, status: 'shipped' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, received };
}

const tts = (text: string) => ({ tts: { 'en-US': text, 'zh-CN': text } });

function integrationFlow(key: string, port: number): FlowDocument {
  const http = (id: string, config: Record<string, unknown>) => ({
    id,
    type: 'http',
    position: { x: 0, y: 100 },
    config,
  });
  return {
    schemaVersion: 1,
    id: key,
    name: `Orders ${key}`,
    languages: ['en-US', 'zh-CN'],
    defaultLanguage: 'en-US',
    variables: [{ name: 'orderId', type: 'string' }],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
      http('lookup', {
        integration: { ref: 'orders' },
        method: 'POST',
        url: '/orders/{{orderId}}',
        query: { lang: '{{call.language}}' },
        json: { caller: 'call.caller', id: 'orderId' },
        timeoutSeconds: 3,
      }),
      http('missing', { integration: { ref: 'orders' }, url: '/missing' }),
      http('slow', { integration: { ref: 'orders' }, url: '/slow', timeoutSeconds: 1 }),
      // No integration: internal addresses are refused, as on a line.
      http('direct', { url: `http://127.0.0.1:${port}/api/direct` }),
      http('metadata', { url: 'http://169.254.169.254/latest/meta-data' }),
      { id: 'bye', type: 'hangup', position: { x: 0, y: 200 }, config: { prompt: tts('Goodbye.') } },
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'lookup' },
      ...['lookup', 'missing', 'slow', 'direct', 'metadata'].flatMap((node, i) =>
        ['ok', 'error', 'timeout'].map((port) => ({ id: `e-${i}-${port}`, source: node, port, target: 'bye' })),
      ),
    ],
  };
}

describe.each(testBackends)('simulator.callIntegration on $name', (backend) => {
  let database: TestDatabase;
  let echo: Awaited<ReturnType<typeof startEchoServer>>;
  let tester: Caller;
  let viewer: Caller;
  let flowId: string;
  beforeAll(async () => {
    echo = await startEchoServer();
    database = await backend.open();
    let admin: Caller;
    [admin, tester, viewer] = await Promise.all([
      callerAs(database.db, 'admin'),
      callerAs(database.db, 'tester'),
      callerAs(database.db, 'viewer'),
    ]);
    await admin.caller.resources.integrations.create({
      key: 'orders',
      baseUrl: `http://127.0.0.1:${echo.port}/api`,
      allowInternal: true,
      headers: { 'X-Tenant': 'tenant-42' },
      secret: { headerName: 'Authorization', value: 'Bearer s3cret-token-9913' },
    });
    flowId = await insertFlow(database.db, integrationFlow('orders-flow', echo.port));
  });
  afterAll(async () => {
    await database?.close();
    await new Promise((resolve) => echo?.server.close(resolve));
  });

  const call = (nodeId: string, vars: Record<string, unknown> = {}) =>
    tester.caller.simulator.callIntegration({
      flowId,
      nodeId,
      vars,
      call: { caller: '+8613800138000', language: 'zh-CN' },
    });

  it('sends the node request the runtime would send, with the secret added server-side, and returns status, body and time', async () => {
    const before = echo.received.length;
    const answer = await call('lookup', { orderId: 'A-17' });
    const [sent] = echo.received.slice(before);
    expect({ ...sent, body: JSON.parse(sent!.body) as unknown }).toEqual({
      method: 'POST',
      url: '/api/orders/A-17?lang=zh-CN',
      authorization: 'Bearer s3cret-token-9913',
      tenant: 'tenant-42',
      body: { caller: '+8613800138000', id: 'A-17' },
    });
    expect(answer.status).toBe(200);
    expect(answer.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(answer.body).toMatchObject({ status: 'shipped', echo: { url: '/api/orders/A-17?lang=zh-CN' } });
    // The service echoed the secret and the integration's header value: they come back masked, never as sent.
    expect((answer.body as { echo: Received }).echo).toMatchObject({ authorization: '••••', tenant: '••••' });
    expect(JSON.stringify(answer)).not.toContain('s3cret-token-9913');
  });

  it('returns a non-ok status as an answer (the simulator decides the port, as the node would)', async () => {
    const answer = await call('missing');
    expect(answer.status).toBe(404);
  });

  it('refuses an internal address when the node has no integration that allows it, before any byte is sent', async () => {
    const before = echo.received.length;
    const error = await trpcError(call('direct'));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe(
      'Node "direct": 127.0.0.1 resolves to 127.0.0.1, an internal address; the integration does not allow internal hosts.',
    );
    expect(echo.received.length).toBe(before);
    const metadata = await trpcError(call('metadata'));
    expect(metadata.code).toBe('FORBIDDEN');
    expect(metadata.message).toBe(
      'Node "metadata": 169.254.169.254 is a cloud metadata address, which flows may never reach.',
    );
  });

  it('gives up after the node timeout with GATEWAY_TIMEOUT', async () => {
    const error = await trpcError(call('slow'));
    expect(error.code).toBe('GATEWAY_TIMEOUT');
    expect(error.message).toBe('Node "slow": the service did not answer within the node\'s timeout of 1 s.');
  }, 20_000);

  it('names an unknown node, a node that is not http and a variable the flow lacks', async () => {
    const unknown = await trpcError(call('nowhere'));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'The flow has no node "nowhere".' });
    const notHttp = await trpcError(call('bye'));
    expect(notHttp).toMatchObject({ code: 'BAD_REQUEST', message: 'Node "bye" is a hangup node, not an http node.' });
    const variable = await trpcError(call('lookup', { orderNumber: '1' }));
    expect(variable).toMatchObject({ code: 'BAD_REQUEST', message: 'The flow has no variable "orderNumber".' });
  });

  it('needs the tester role', async () => {
    const error = await trpcError(
      viewer.caller.simulator.callIntegration({ flowId, nodeId: 'lookup', vars: {}, call: {} }),
    );
    expect(error.code).toBe('FORBIDDEN');
  });
});
