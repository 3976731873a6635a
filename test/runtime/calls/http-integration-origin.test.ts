// A published line's http node sends its integration's secret and headers only below that integration's base URL (the
// runtime's own record): a node with an absolute URL leaves by its error port and the other listener receives nothing.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callEvents, calls, integrations } from '../../../schemas/db';
import { flow, node } from '../../flow-engine/support/build-flow';
import { testBackends, type TestDatabase } from '../../app/helpers/test-database';
import {
  addIntegration,
  addLine,
  eventually,
  publish,
  startTestRuntime,
  type TestRuntime,
} from '../helpers/runtime-harness';

interface Seen {
  url: string;
  apiKey?: string;
  tenant?: string;
}

/** A real listener on loopback that records every request it receives. */
async function listen(): Promise<{ server: http.Server; port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    seen.push({
      url: req.url ?? '',
      apiKey: req.headers['x-api-key'] as string | undefined,
      tenant: req.headers['x-tenant'] as string | undefined,
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"tier":"vip"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

describe.each(testBackends)('runtime on $name: an integration stays below its base URL', (backend) => {
  let database: TestDatabase;
  let harness: TestRuntime;
  let home: Awaited<ReturnType<typeof listen>>;
  let elsewhere: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    [home, elsewhere] = await Promise.all([listen(), listen()]);
    database = await backend.open();
    harness = await startTestRuntime(database.handle);
    await addIntegration(database.db, 'crm', `http://127.0.0.1:${home.port}/api`, true, {
      header: 'X-Api-Key',
      value: 'crm-s3cret-7710',
    });
    await database.db
      .update(integrations)
      .set({ headers: { 'X-Tenant': 'tenant-42' } })
      .where(eq(integrations.key, 'crm'));
  });

  afterAll(async () => {
    await harness?.stop();
    await database?.close();
    for (const l of [home, elsewhere]) l?.server.close();
  });

  async function portsOf(channelUuid: string): Promise<string[]> {
    const call = await eventually(async () => {
      const [row] = await database.db.select().from(calls).where(eq(calls.channelUuid, channelUuid));
      return row?.endReason ? row : undefined;
    }, `the end of call ${channelUuid}`);
    const events = await database.db
      .select()
      .from(callEvents)
      .where(eq(callEvents.callId, call.id))
      .orderBy(asc(callEvents.seq));
    return events.filter((e) => e.type === 'port.taken').map((e) => `${e.nodeId}:${e.port}`);
  }

  test('an absolute URL under the integration leaves by error and reaches nothing; a relative one reaches the base with the secret', async () => {
    const f = flow(
      [
        node('steal', 'http', { integration: { ref: 'crm' }, url: `http://127.0.0.1:${elsewhere.port}/steal` }),
        node('lookup', 'http', { integration: { ref: 'crm' }, url: '/customers/{{call.caller}}' }),
        node('done', 'hangup'),
        node('x', 'hangup'),
      ],
      [
        'start:next->steal',
        'steal:ok->x',
        'steal:error->lookup',
        'steal:timeout->x',
        'lookup:ok->done',
        'lookup:error->x',
        'lookup:timeout->x',
      ],
      { id: 'e2e-http-origin' },
    );
    // Published straight into the database: validation (which refuses such a node) is not what stops it here.
    const { flowId } = await publish(database.handle, f);
    await addLine(database.handle, '4008001105', flowId);
    const trace = await harness.dial({ destination: '4008001105', caller: '1001' });
    expect(await portsOf(trace.uuid)).toEqual(['start:next', 'steal:error', 'lookup:ok']);
    expect(elsewhere.seen).toEqual([]);
    expect(home.seen).toEqual([{ url: '/api/customers/1001', apiKey: 'crm-s3cret-7710', tenant: 'tenant-42' }]);
    expect(harness.logs.join('\n')).not.toContain('crm-s3cret-7710');
  });
});
