// What a tester's "call the real integration" can and cannot do: nothing of the secret or of the integration's header
// values comes back, however the service encodes its echo; the request is the node's own; every call is audited; an
// administrator can turn real calls off per integration.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TRPCClientError } from '@trpc/client';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../flow-engine/document';
import { auditLog } from '../../../schemas/db';
import { apiRealCallsOff } from '../../../app/_lib/api-error';
import { editorResourceKeys } from '../../../app/_lib/editor-resource-bundle';
import { createAuth } from '../../../app/_server/auth/auth';
import { createUserWithPassword } from '../../../app/_server/auth/create-user';
import { clientAddressHeader } from '../../../app/_server/http/client-address';
import { createTrpcHandler } from '../../../app/_server/http/trpc-handler';
import { callerAs, testSecretKey } from '../helpers/callers';
import { insertFlow } from '../helpers/seed-flows';
import { testBackends, type TestDatabase } from '../helpers/test-database';
import { trpcError } from '../helpers/trpc-error';

type Caller = Awaited<ReturnType<typeof callerAs>>;

const secret = 'Bearer s3cret-token-9913';
const tenant = 'tenant-42';
const region = 'eu-west/acme';
const hidden = [secret, 's3cret-token-9913', tenant, region];

interface Received {
  method: string;
  url: string;
  host: string;
}

const reversed = (text: string) => [...text].reverse().join('');

/** Every usual way a service could hand a header value back. */
function encodings(value: string): Record<string, string> {
  const bytes = Buffer.from(value);
  return {
    raw: value,
    upper: value.toUpperCase(),
    lower: value.toLowerCase(),
    reversed: reversed(value),
    base64: bytes.toString('base64'),
    base64url: bytes.toString('base64url'),
    url: encodeURIComponent(value),
    hex: bytes.toString('hex'),
    hexUpper: bytes.toString('hex').toUpperCase(),
  };
}

/** A service that answers with every header it got, in every encoding, as values, as keys and inside longer texts. */
async function startEchoServer(): Promise<{ server: Server; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    req.resume();
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', host: req.headers.host ?? '' });
      const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)]));
      const all = JSON.stringify(headers);
      const body = {
        headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, encodings(value)])),
        byValue: Object.fromEntries(Object.values(headers).map((value) => [value, true])),
        whole: encodings(all),
        text: `You sent ${all}; in base64 ${Buffer.from(all).toString('base64')}`,
        status: 'shipped',
      };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, received };
}

/** Every text in `value`, keys included. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => [key, ...texts(item)]);
  return [];
}

/** What a tester could read out of `text` by undoing the usual encodings (at every base64 alignment). */
function readable(text: string): string[] {
  const tryDecode = (decode: () => string) => {
    try {
      return [decode()];
    } catch {
      return [];
    }
  };
  const base64 = [0, 1, 2, 3].flatMap((skip) => [
    Buffer.from(text.slice(skip), 'base64').toString('latin1'),
    Buffer.from(text.slice(skip), 'base64url').toString('latin1'),
  ]);
  const hex = [0, 1].map((skip) => Buffer.from(text.slice(skip).replace(/[^0-9a-f]/gi, ''), 'hex').toString('latin1'));
  return [text, reversed(text), ...tryDecode(() => decodeURIComponent(text)), ...base64, ...hex].map((form) =>
    form.toLowerCase(),
  );
}

function expectNothingHidden(answer: unknown): void {
  for (const text of texts(answer)) {
    for (const form of readable(text)) {
      for (const value of hidden) expect(form, `"${text}" gives away "${value}"`).not.toContain(value.toLowerCase());
    }
  }
}

function ordersFlow(key: string, integration: string): FlowDocument {
  return {
    schemaVersion: 1,
    id: key,
    name: `Orders ${key}`,
    languages: ['en-US'],
    defaultLanguage: 'en-US',
    variables: [{ name: 'orderId', type: 'string' }],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
      {
        id: 'lookup',
        type: 'http',
        label: 'Order lookup',
        position: { x: 0, y: 100 },
        config: {
          integration: { ref: integration },
          method: 'POST',
          url: '/orders/{{orderId}}',
          json: { id: 'orderId' },
          timeoutSeconds: 5,
        },
      },
      { id: 'bye', type: 'hangup', position: { x: 0, y: 200 }, config: { prompt: { tts: { 'en-US': 'Goodbye.' } } } },
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'lookup' },
      ...['ok', 'error', 'timeout'].map((port) => ({ id: `e-${port}`, source: 'lookup', port, target: 'bye' })),
    ],
  };
}

describe.each(testBackends.map((backend, index) => ({ backend, name: backend.name, index })))(
  'simulator real calls on $name',
  ({ backend, index }) => {
    let database: TestDatabase;
    let echo: Awaited<ReturnType<typeof startEchoServer>>;
    let admin: Caller;
    let designer: Caller;
    let tester: Caller;
    let ordersFlowId: string;
    let productionFlowId: string;
    let productionId: string;

    beforeAll(async () => {
      echo = await startEchoServer();
      database = await backend.open();
      [admin, designer, tester] = await Promise.all([
        callerAs(database.db, 'admin'),
        callerAs(database.db, 'designer'),
        callerAs(database.db, 'tester'),
      ]);
      const common = {
        baseUrl: `http://127.0.0.1:${echo.port}/api`,
        allowInternal: true,
        headers: { 'X-Tenant': tenant, 'X-Region': region },
        secret: { headerName: 'Authorization', value: secret },
      };
      await admin.caller.resources.integrations.create({ key: 'orders', ...common });
      productionId = (await admin.caller.resources.integrations.create({ key: 'orders-prod', ...common })).id;
      ordersFlowId = await insertFlow(database.db, ordersFlow('orders-flow', 'orders'));
      productionFlowId = await insertFlow(database.db, ordersFlow('orders-prod-flow', 'orders-prod'));
    });
    afterAll(async () => {
      await database?.close();
      await new Promise((resolve) => echo?.server.close(resolve));
    });

    const auditRows = (flowId: string) =>
      database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'simulator.callIntegration'), eq(auditLog.entityId, flowId)))
        .orderBy(auditLog.id);

    it('masks the secret and every header value of the integration in each encoding the service echoes them in', async () => {
      const answer = await tester.caller.simulator.callIntegration({
        flowId: ordersFlowId,
        nodeId: 'lookup',
        vars: { orderId: 'A-17' },
      });
      expect(answer.status).toBe(200);
      // The service did get them, and echoed them in every form (the test service is honest about that).
      const body = answer.body as { headers: Record<string, Record<string, string>>; status: string };
      expect(Object.keys(body.headers)).toEqual(expect.arrayContaining(['x-tenant', 'x-region', 'authorization']));
      expect(body.status).toBe('shipped');
      expectNothingHidden(answer);
    });

    it('sends only the node request: extra input cannot choose the method, address or headers, nor can variables move the host', async () => {
      const before = echo.received.length;
      // What a tester could try to add to the procedure's input; the router's input schema drops it.
      const smuggled = {
        method: 'DELETE',
        url: 'http://evil.example/steal',
        headers: { 'X-Tenant': 'other' },
        body: 'x',
        baseUrl: 'http://evil.example',
      };
      await tester.caller.simulator.callIntegration({
        flowId: ordersFlowId,
        nodeId: 'lookup',
        vars: { orderId: 'A-18' },
        ...smuggled,
      });
      for (const orderId of ['@evil.example', 'http://evil.example/x', '//evil.example/y']) {
        await tester.caller.simulator.callIntegration({ flowId: ordersFlowId, nodeId: 'lookup', vars: { orderId } });
      }
      const sent = echo.received.slice(before);
      expect(sent).toHaveLength(4);
      for (const request of sent) {
        expect(request.method).toBe('POST');
        expect(request.host).toBe(`127.0.0.1:${echo.port}`);
        expect(request.url).toMatch(/^\/api\/orders\//);
      }
      expect(sent[0]!.url).toBe('/api/orders/A-18');
    });

    it('writes each real call to the audit log: who, flow, node, integration and status, never the request or answer', async () => {
      const before = (await auditRows(ordersFlowId)).length;
      await tester.caller.simulator.callIntegration({
        flowId: ordersFlowId,
        nodeId: 'lookup',
        vars: { orderId: 'Z-99' },
        call: { caller: '+8613800138000' },
      });
      const rows = await auditRows(ordersFlowId);
      expect(rows).toHaveLength(before + 1);
      const row = rows.at(-1)!;
      expect(row).toMatchObject({ actorId: tester.user.id, entityType: 'flow', entityId: ordersFlowId, before: null });
      expect(row.after).toEqual({ nodeId: 'lookup', nodeLabel: 'Order lookup', integration: 'orders', status: 200 });
      const stored = JSON.stringify(row);
      for (const leak of ['Z-99', '8613800138000', '/orders', String(echo.port), ...hidden])
        expect(stored).not.toContain(leak);
      // Administrators read it in the audit log.
      const listed = await admin.caller.audit.list({ entityType: 'flow' });
      expect(JSON.stringify(listed)).toContain('simulator.callIntegration');
    });

    it('an administrator turns real calls off per integration: the tester is refused before any byte is sent, and the refusal is audited', async () => {
      const off = await admin.caller.resources.integrations.update({ id: productionId, allowSimulatorCalls: false });
      expect(off.allowSimulatorCalls).toBe(false);
      const [change] = await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'integration.update'), eq(auditLog.entityId, productionId)));
      expect(change).toMatchObject({
        actorId: admin.user.id,
        before: { allowSimulatorCalls: true },
        after: { allowSimulatorCalls: false },
      });

      // The editor learns it with the resource keys (and still nothing about where the integration points).
      const draft = ordersFlow('orders-prod-flow', 'orders-prod');
      const bundle = await tester.caller.flows.resourceBundle(editorResourceKeys(draft));
      expect(bundle).toMatchObject({ integrationKeys: ['orders-prod'], realCallsOff: ['orders-prod'] });
      expect(JSON.stringify(bundle)).not.toContain(String(echo.port));

      const before = echo.received.length;
      const refused = await trpcError(
        tester.caller.simulator.callIntegration({
          flowId: productionFlowId,
          nodeId: 'lookup',
          vars: { orderId: 'A-1' },
        }),
      );
      expect(refused.code).toBe('PRECONDITION_FAILED');
      expect(refused.message).toBe(
        'Node "Order lookup": an administrator has turned off real calls to the integration "orders-prod" from the simulator; answer it with a mock instead.',
      );
      expect(echo.received.length).toBe(before);
      expect((await auditRows(productionFlowId)).at(-1)?.after).toEqual({
        nodeId: 'lookup',
        nodeLabel: 'Order lookup',
        integration: 'orders-prod',
        error: 'turnedOff',
      });

      // The other integration is unaffected; turning it back on lets the tester call again.
      expect(
        (
          await tester.caller.simulator.callIntegration({
            flowId: ordersFlowId,
            nodeId: 'lookup',
            vars: { orderId: 'A-2' },
          })
        ).status,
      ).toBe(200);
      await admin.caller.resources.integrations.update({ id: productionId, allowSimulatorCalls: true });
      expect(
        (
          await tester.caller.simulator.callIntegration({
            flowId: productionFlowId,
            nodeId: 'lookup',
            vars: { orderId: 'A-3' },
          })
        ).status,
      ).toBe(200);
    });

    it("over HTTP the refusal names the integration in data.realCallsOff, which the studio reads to say it in the user's language", async () => {
      const origin = 'http://studio.test';
      const auth = createAuth({
        db: database.db,
        secret: 'test-secret-that-is-at-least-32-characters',
        baseUrl: origin,
        trustedOrigins: [origin],
      });
      const trpc = createTrpcHandler({ db: database.db, auth, trustedOrigins: [origin], secretKey: testSecretKey });
      const credentials = { email: `tess-${index}@example.com`, password: 'a long test password' };
      await createUserWithPassword(database.db, { name: 'Tess Tester', ...credentials, role: 'tester' });
      const signedIn = await auth.handler(
        new Request(`${origin}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin, [clientAddressHeader]: `203.0.113.${150 + index}` },
          body: JSON.stringify(credentials),
        }),
      );
      const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
      await admin.caller.resources.integrations.update({ id: productionId, allowSimulatorCalls: false });
      try {
        const response = await trpc(
          new Request(`${origin}/api/trpc/simulator.callIntegration`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin, cookie },
            body: JSON.stringify({ flowId: productionFlowId, nodeId: 'lookup', vars: { orderId: 'A-4' } }),
          }),
        );
        expect(response.status).toBe(412);
        const body = (await response.json()) as {
          error: { message: string; code: number; data: { realCallsOff: unknown } };
        };
        expect(body.error.data.realCallsOff).toEqual({ integration: 'orders-prod' });
        expect(apiRealCallsOff(TRPCClientError.from(body))).toBe('orders-prod');
        // Any other refusal carries none.
        expect(
          apiRealCallsOff(
            TRPCClientError.from({ error: { ...body.error, data: { ...body.error.data, realCallsOff: null } } }),
          ),
        ).toBeUndefined();
      } finally {
        await admin.caller.resources.integrations.update({ id: productionId, allowSimulatorCalls: true });
      }
    });

    it('is on for new integrations and only administrators change it', async () => {
      const [details] = (await admin.caller.resources.integrations.listDetails()).filter((row) => row.key === 'orders');
      expect(details?.allowSimulatorCalls).toBe(true);
      for (const who of [designer, tester]) {
        expect(
          (await trpcError(who.caller.resources.integrations.update({ id: productionId, allowSimulatorCalls: false })))
            .code,
        ).toBe('FORBIDDEN');
      }
      const created = await admin.caller.resources.integrations.create({
        key: 'sandbox',
        baseUrl: 'https://sandbox.example.com',
        allowSimulatorCalls: false,
      });
      expect(created.allowSimulatorCalls).toBe(false);
    });
  },
);
